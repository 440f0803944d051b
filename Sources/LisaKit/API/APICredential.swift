import Foundation

/// What the API is called with. The value is private to this type: `description`, mirrors and every
/// message name only its kind and where it came from.
public struct APICredential: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  public enum Kind: String, Sendable {
    case apiToken = "API token"
    case oidcToken = "OIDC ID token"
    case managementKey = "management key"
  }

  public let kind: Kind
  /// Where it came from: "LISA_API_TOKEN", "file token.txt", "stdin", "Secrets Manager secret acme-management-key".
  public let source: String
  private let value: String

  public init(kind: Kind, source: String, value: String) {
    self.kind = kind
    self.source = source
    self.value = value
  }

  /// "the API token from LISA_API_TOKEN"
  public var description: String { "the \(kind.rawValue) from \(source)" }
  public var debugDescription: String { description }
  public var customMirror: Mirror { Mirror(self, children: ["kind": kind.rawValue, "source": source], displayStyle: .struct) }

  /// The header value; LISA's authorizer strips an optional `Bearer ` prefix.
  var authorizationHeader: String { "Bearer " + value }

  /// Server text with the credential blanked out, in case an error message echoes it.
  func redact(_ text: String) -> String {
    value.count < 4 ? text : text.replacingOccurrences(of: value, with: "[credential]")
  }

  /// Whether a value taken from the environment or a file looks like a JWT (three base64url parts,
  /// the first a JSON header with `alg`). Only the header part is decoded.
  static func kind(of value: String) -> Kind {
    let parts = value.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, let header = base64URLDecode(String(parts[0])),
      let object = try? JSONValue.parse(header, source: "token header"), object["alg"] != nil
    else { return .apiToken }
    return .oidcToken
  }

  static func base64URLDecode(_ text: String) -> Data? {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return Data(base64Encoded: base64)
  }

  /// The credential in a token file or stdin: the first line, without `Bearer ` or surrounding blanks.
  static func fromText(_ data: Data, source: String) throws -> APICredential {
    let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
    guard let text = String(data: firstLine, encoding: .utf8) else {
      throw LisaError(.dataError, "\(source): the API credential is not UTF-8 text")
    }
    var token = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if token.lowercased().hasPrefix("bearer ") { token = String(token.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
    guard !token.isEmpty else {
      throw LisaError(.invalid, "\(source): no API credential on the first line", hint: "put the token alone on the first line")
    }
    guard token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
      throw LisaError(.invalid, "\(source): the API credential contains spaces or non-ASCII characters")
    }
    return APICredential(kind: kind(of: token), source: source, value: token)
  }

  /// A management-key secret's value: a plain string, or JSON holding it (a JSON string, or an object
  /// with one of the usual field names or a single string field). Errors name fields, never values.
  static func managementKey(secretString: String, secretName: String) throws -> APICredential {
    let source = "Secrets Manager secret \(secretName)"
    let trimmed = secretString.trimmingCharacters(in: .whitespacesAndNewlines)
    var key = trimmed
    if trimmed.hasPrefix("{") || trimmed.hasPrefix("\"") {
      guard let parsed = try? JSONValue.parse(Data(trimmed.utf8), source: source) else {
        throw LisaError(.dataError, "\(source): the value starts like JSON but does not parse as JSON")
      }
      if let text = parsed.stringValue {
        key = text
      } else if let pairs = parsed.objectPairs {
        let strings = pairs.compactMap { pair in pair.1.stringValue.map { (pair.0, $0) } }
        let preferred = ["managementKey", "key", "apiKey", "token", "value", "password", "secret"]
        if let named = preferred.lazy.compactMap({ name in strings.first { $0.0 == name } }).first {
          key = named.1
        } else if strings.count == 1, let only = strings.first {
          key = only.1
        } else {
          throw LisaError(
            .dataError,
            "\(source): JSON without a recognisable key field (fields: \(pairs.map(\.0).joined(separator: ", ")))",
            hint: "store the key as a plain string or under \"managementKey\"")
        }
      }
    }
    guard !key.isEmpty else { throw LisaError(.invalid, "\(source): the management key is empty") }
    return APICredential(kind: .managementKey, source: source, value: key)
  }
}
