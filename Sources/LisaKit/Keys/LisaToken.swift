import Crypto
import Foundation

/// The two shapes of an item in LISA's API token table (docs/lisa/tokens.md#items):
/// v6.0 and earlier keep the plaintext token as the key (`{token, tokenExpiration?}`); v6.1+ keys the
/// item by the token's SHA-256 and needs `tokenUUID` and `tokenExpiration` for the authorizer to accept it.
public enum LisaTokenFormat: String, Sendable, CaseIterable {
  case plaintext = "v6.0"
  case hashed = "v6.1"

  /// An item is v6.1 when it has a `tokenUUID`; LISA itself calls anything else legacy.
  public static func of(_ item: DynamoDBItem) -> LisaTokenFormat {
    item["tokenUUID"]?.stringValue.map { $0.isEmpty ? .plaintext : .hashed } ?? .plaintext
  }
}

public enum LisaToken {
  /// `lambda/utilities/auth.py::hash_token`: lower-case hex SHA-256 of the UTF-8 token.
  public static func hash(_ token: String) -> String {
    Hex.lower(SHA256.hash(data: Data(token.utf8)))
  }

  /// A name-based (RFC 4122 version 5) UUID of the token hash, so a re-run writes the same item.
  public static func uuid(forHash hash: String) -> String {
    var digest = Array(Insecure.SHA1.hash(data: namespace + Data(hash.utf8)).prefix(16))
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    let hex = Hex.lower(digest)
    let parts = [
      hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20),
    ]
    return parts.joined(separator: "-")
  }

  /// The namespace UUID for migrated LISA tokens (a random constant, chosen once).
  static let namespace = Data([0x6c, 0x69, 0x73, 0x61, 0x2d, 0x74, 0x6f, 0x6b, 0x9e, 0x7a, 0x41, 0x0b, 0x8f, 0x33, 0x51, 0xd2])

  /// How lists name a legacy item, whose only name is its plaintext: the length and nothing of the text.
  public static func legacyLabel(_ token: String) -> String { "legacy …(\(token.count) chars)" }

  /// What may be shown of a secret: its first four characters and its length.
  public static func mask(_ token: String) -> String {
    token.count <= 8 ? "…(\(token.count) chars)" : "\(token.prefix(4))…(\(token.count) chars)"
  }

  /// `tokenExpiration` as whole seconds, if the item has a usable one.
  public static func expiration(of item: DynamoDBItem) -> Int? {
    guard let text = item["tokenExpiration"]?.numberText ?? item["tokenExpiration"]?.stringValue, let value = Double(text),
      value.isFinite
    else { return nil }
    return Int(value)
  }
}

/// How migrated tokens are written to a v6.1 table.
public struct TokenImportOptions: Sendable {
  public var targetFormat: LisaTokenFormat
  /// The run's fixed start: `createdDate`, expiry checks and default expirations all use it.
  public var runStartedAt: Date
  public var defaultExpiration: TimeInterval?
  public var includeExpired: Bool
  public var username: String
  public var groups: [String]
  public var namePrefix: String
  public var createdBy: String
  /// The operator's word that nothing else writes the target table during the run (`--exclusive`): the
  /// existence check then stands until the write, so new items go 25 to a BatchWriteItem instead of one
  /// conditional PutItem each. Changes how items are written, never which or what.
  public var exclusiveTarget = false

  public init(
    targetFormat: LisaTokenFormat, runStartedAt: Date, defaultExpiration: TimeInterval? = nil, includeExpired: Bool = false,
    username: String = "api-token", groups: [String] = [], namePrefix: String = "migrated-", createdBy: String = "lisa-migration"
  ) {
    self.targetFormat = targetFormat
    self.runStartedAt = runStartedAt
    self.defaultExpiration = defaultExpiration
    self.includeExpired = includeExpired
    self.username = username
    self.groups = groups
    self.namePrefix = namePrefix
    self.createdBy = createdBy
  }
}

extension TokenImportOptions {
  public static let expiredReason = "expired before the run (--include-expired writes them)"
}

public enum TokenConversion: Sendable, Equatable {
  case write(DynamoDBItem)
  case skip(String)
}

extension TokenImportOptions {
  /// The item to write for a source item, or why it is skipped. Deterministic for a given run.
  public func convert(_ source: DynamoDBItem) -> TokenConversion {
    guard let token = source["token"]?.stringValue, !token.isEmpty else { return .skip("item has no string `token` attribute") }
    let now = Int(runStartedAt.timeIntervalSince1970)
    let sourceFormat = LisaTokenFormat.of(source)
    var expiration = LisaToken.expiration(of: source)
    if let value = expiration, value <= now, !includeExpired {
      return .skip(Self.expiredReason)
    }
    switch (sourceFormat, targetFormat) {
    case (.hashed, .hashed), (.plaintext, .plaintext):
      return .write(source)
    case (.hashed, .plaintext):
      return .skip("a v6.1 (hashed) token cannot be written to a v6.0 table: its plaintext is unknown")
    case (.plaintext, .hashed):
      if expiration == nil, let defaultExpiration { expiration = now + Int(defaultExpiration) }
      guard let expiration else {
        return .skip("no tokenExpiration; LISA v6.1 rejects such tokens (pass --default-expiration, e.g. 90d)")
      }
      let hash = LisaToken.hash(token)
      return .write([
        "token": .s(hash),
        "tokenUUID": .s(LisaToken.uuid(forHash: hash)),
        "tokenExpiration": .number(expiration),
        "createdDate": .number(now),
        "createdBy": .s(createdBy),
        "username": .s(username),
        "groups": .l(groups.map { .s($0) }),
        "name": .s(namePrefix + hash.prefix(8)),
        "isSystemToken": .bool(true),
      ])
    }
  }
}

/// Would LISA's authorizer accept `token` given the item stored under its key (docs/lisa/tokens.md#authorizer)?
public enum TokenAcceptance: Sendable, Equatable {
  case accepted
  case rejected(String)

  /// The attributes `check` reads: all a verification needs to fetch of each item.
  public static let attributesChecked = ["token", "tokenUUID", "tokenExpiration"]

  public static func check(item: DynamoDBItem?, format: LisaTokenFormat, now: Date) -> TokenAcceptance {
    guard let item else { return .rejected("no item under the token's key") }
    guard format == .hashed else { return .accepted }
    guard let uuid = item["tokenUUID"]?.stringValue, !uuid.isEmpty else {
      return .rejected("no tokenUUID (LISA treats it as legacy)")
    }
    guard let expiration = LisaToken.expiration(of: item) else { return .rejected("no tokenExpiration") }
    guard now.timeIntervalSince1970 < TimeInterval(expiration) else { return .rejected("expired") }
    return .accepted
  }

  /// The key LISA looks a backed-up token up by in a table of `format`; a v6.1 source item is
  /// already keyed by its hash.
  public static func key(for source: DynamoDBItem, in format: LisaTokenFormat) -> String? {
    guard let token = source["token"]?.stringValue else { return nil }
    return LisaTokenFormat.of(source) == .hashed || format == .plaintext ? token : LisaToken.hash(token)
  }
}
