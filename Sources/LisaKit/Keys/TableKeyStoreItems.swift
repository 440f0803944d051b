import Foundation

/// Items of LISA's API token table as `lisa keys` reads and writes them (docs/lisa/tokens.md#items).
/// New items are exactly what `lambda/api_tokens/handler.py` writes.
public enum TokenTableItems {
  public static let defaultLifetime: TimeInterval = 90 * 86_400
  public static let usernameIndex = "username-index"

  /// The id `lisa` gives a legacy item. Its key is the plaintext token, which is never shown, so the
  /// id is `legacy-` and the first 12 hex digits of the plaintext's SHA-256 (the key it would have in v6.1).
  public static func legacyID(forKey key: String) -> String {
    "legacy-" + LisaToken.hash(key).prefix(12)
  }

  public static func isLegacy(_ item: DynamoDBItem) -> Bool { LisaTokenFormat.of(item) == .plaintext }

  /// The `token` attribute: a SHA-256 digest in v6.1 items, the secret itself in legacy ones.
  static func key(of item: DynamoDBItem) -> String { item["token"]?.stringValue ?? "" }

  public static func record(_ item: DynamoDBItem) -> KeyRecord {
    let expiresAt = LisaToken.expiration(of: item).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    let key = key(of: item)
    if isLegacy(item) {
      return KeyRecord(id: legacyID(forKey: key), name: LisaToken.legacyLabel(key), expiresAt: expiresAt, isLegacy: true)
    }
    let createdAt = item["createdDate"]?.numberText.flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
    return KeyRecord(
      id: item["tokenUUID"]?.stringValue ?? "", name: item["name"]?.stringValue ?? "", user: item["username"]?.stringValue,
      groups: item["groups"]?.listValue?.compactMap(\.stringValue) ?? [], isSystem: item["isSystemToken"]?.boolValue ?? false,
      expiresAt: expiresAt, createdAt: createdAt, createdBy: item["createdBy"]?.stringValue)
  }

  /// What LISA's token handler stores for a new token.
  public struct NewToken: Sendable, Equatable {
    public var name: String
    public var username: String
    public var groups: [String]
    public var isSystem: Bool
    public var createdBy: String
    public var expiresAt: Date

    public init(name: String, username: String, groups: [String], isSystem: Bool, createdBy: String, expiresAt: Date) {
      self.name = name
      self.username = username
      self.groups = groups
      self.isSystem = isSystem
      self.createdBy = createdBy
      self.expiresAt = expiresAt
    }

    public func item(secret: KeySecret, uuid: String, createdAt: Date) -> DynamoDBItem {
      [
        "token": .s(LisaToken.hash(secret.reveal())),
        "tokenUUID": .s(uuid),
        "tokenExpiration": .number(Int(expiresAt.timeIntervalSince1970)),
        "createdDate": .number(Int(createdAt.timeIntervalSince1970)),
        "createdBy": .s(createdBy),
        "username": .s(username),
        "groups": .l(groups.map { .s($0) }),
        "name": .s(name),
        "isSystemToken": .bool(isSystem),
      ]
    }
  }

  /// 128 lower-case hex characters, as LISA's `secrets.token_hex(64)`.
  public static func generateSecret() -> KeySecret {
    var random = SystemRandomNumberGenerator()
    let words = (0..<8).map { _ in random.next() as UInt64 }
    return KeySecret(words.map { word in String(word, radix: 16).leftPadded(to: 16) }.joined())
  }

  /// A random (version 4) UUID in lower case, as Python's `str(uuid4())`.
  public static func generateUUID() -> String { UUID().uuidString.lowercased() }

  // MARK: - LISA's rules for a new token, shared by the table and api stores

  /// The token's name: not empty; and `spec` must not ask for what LISA tokens lack (a rate limit).
  static func name(of spec: KeySpec, store: String) throws -> String {
    guard spec.rateLimit == nil else { throw LisaError.usage("\(store): LISA tokens have no rate limit") }
    let name = spec.name.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw LisaError.usage("a token needs a non-empty name") }
    return name
  }

  /// `--groups` plus, for `--admin`, the deployment's `authConfig.adminGroup`, each once.
  static func groups(of spec: KeySpec, adminGroup: String?) throws -> [String] {
    var groups: [String] = []
    for group in spec.groups + (spec.admin ? [try requireAdminGroup(adminGroup)] : []) where !groups.contains(group) {
      groups.append(group)
    }
    return groups
  }

  static func requireAdminGroup(_ adminGroup: String?) throws -> String {
    guard let adminGroup, !adminGroup.isEmpty else {
      throw LisaError(
        .notFound, "--admin: the deployment's config sets no authConfig.adminGroup",
        hint: "point --config-dir at the deployment's config, or name the group with --groups")
    }
    return adminGroup
  }

  static func requireFuture(_ expiresAt: Date, now: Date) throws {
    guard expiresAt <= now else { return }
    throw LisaError.usage("the expiry \(KeyRecord.iso8601(expiresAt)) is not in the future; LISA refuses such tokens")
  }
}

extension CallerIdentity {
  /// The name LISA would record for this caller: the user name of an IAM user, the session name of an
  /// assumed role (for SSO, the person), `root` for the account root.
  public var userName: String {
    let resource = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).last.map(String.init) ?? arn
    return resource.split(separator: "/").last.map(String.init) ?? resource
  }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    count >= length ? self : String(repeating: "0", count: length - count) + self
  }
}
