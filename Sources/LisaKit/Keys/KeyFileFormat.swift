import Foundation

/// One key line: `key_id:api_key[:rate_limit][:expiration]`.
public struct KeyFileEntry: Sendable, Equatable {
  public var id: String
  public var secret: KeySecret
  public var rateLimit: Int?
  /// The expiration as written, kept so an untouched value is written back unchanged.
  public var expirationText: String?
  public var expiresAt: Date?

  public init(id: String, secret: KeySecret, rateLimit: Int? = nil, expirationText: String? = nil, expiresAt: Date? = nil) {
    self.id = id
    self.secret = secret
    self.rateLimit = rateLimit
    self.expirationText = expirationText
    self.expiresAt = expiresAt
  }

  /// key_mgmt's `build_key_line`: empty trailing fields are left out, an empty rate limit is kept
  /// as `::` when an expiration follows.
  public var line: String {
    var text = "\(id):\(secret.reveal())"
    if rateLimit != nil || expirationText != nil { text += ":" + (rateLimit.map(String.init) ?? "") }
    if let expirationText { text += ":" + expirationText }
    return text
  }
}

/// The rules of the key-file format, as the gateway's loader (`auth.py`) and `key_mgmt.py` apply them.
public enum KeyFileFormat {
  public static let header = "# API Keys - format: key_id:api_key[:rate_limit][:expiration]"

  public enum Line: Sendable, Equatable {
    case blank
    case comment
    case entry(KeyFileEntry)
    /// A line the gateway skips; kept verbatim and reported by `check`.
    case invalid(reason: String)
  }

  /// Classifies one line (without its newline). Relative expirations (`30d`) are invalid here:
  /// only key_mgmt converts them, the gateway skips such lines.
  public static func classify(_ text: String, zone: TimeZone) -> Line {
    let trimmed = text.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
    if trimmed.isEmpty { return .blank }
    if trimmed.hasPrefix("#") { return .comment }
    guard trimmed.contains(":") else { return .invalid(reason: "no ':' separator") }
    let fields = trimmed.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    let id = fields[0]
    let key = fields.count > 1 ? fields[1] : ""
    if id.isEmpty { return .invalid(reason: "empty key id") }
    if !isLoaderIdentifier(id) { return .invalid(reason: "key id may only contain letters, digits, '-' and '_'") }
    if let problem = keyProblem(key) { return .invalid(reason: problem) }
    var rateLimit: Int?
    if fields.count > 2, !fields[2].isEmpty {
      guard let value = Int(fields[2]), value > 0 else {
        return .invalid(reason: "rate limit '\(fields[2])' is not a positive integer")
      }
      rateLimit = value
    }
    var expirationText: String?
    var expiresAt: Date?
    if fields.count > 3, !fields[3].isEmpty {
      let text = fields[3]
      guard let date = KeyFileTime.parse(text, zone: zone) else {
        if KeyFileTime.relative(text) != nil {
          return .invalid(reason: "relative expiration '\(text)' is not read by the gateway; write a date")
        }
        return .invalid(reason: "expiration '\(text)' is not an ISO-8601 datetime")
      }
      expirationText = text
      expiresAt = date
    }
    return .entry(
      KeyFileEntry(id: id, secret: KeySecret(key), rateLimit: rateLimit, expirationText: expirationText, expiresAt: expiresAt))
  }

  /// key_mgmt's rule for ids it writes: `^[a-zA-Z0-9_-]{1,64}$`.
  public static func isPortableIdentifier(_ id: String) -> Bool {
    (1...64).contains(id.utf8.count)
      && id.utf8.allSatisfy { isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
  }

  /// The loader's looser rule: Python `isalnum()` (Unicode letters and numbers), `-`, `_`.
  public static func isLoaderIdentifier(_ id: String) -> Bool {
    !id.isEmpty && id.unicodeScalars.allSatisfy { isPythonAlphanumeric($0) || $0 == "-" || $0 == "_" }
  }

  /// Why the gateway would refuse this key value, or nil when it accepts it (16–128 of alnum, `-`, `_`).
  public static func keyProblem(_ key: String) -> String? {
    if key.isEmpty { return "missing api key" }
    let count = key.unicodeScalars.count
    if count < 16 || count > 128 { return "api key is \(count) characters; the gateway needs 16 to 128" }
    if !key.unicodeScalars.allSatisfy({ isPythonAlphanumeric($0) || $0 == "-" || $0 == "_" }) {
      return "api key may only contain letters, digits, '-' and '_'"
    }
    return nil
  }

  /// The shape key_mgmt generates: `sk-` and 43 base64url characters.
  public static func hasGeneratedShape(_ key: String) -> Bool {
    let bytes = Array(key.utf8)
    guard bytes.count == 46, bytes.starts(with: Array("sk-".utf8)) else { return false }
    return bytes.dropFirst(3).allSatisfy { isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
  }

  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func isPythonAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
    case .decimalNumber, .letterNumber, .otherNumber: true
    default: false
    }
  }
}
