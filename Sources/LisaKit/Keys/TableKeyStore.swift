import Foundation

/// LISA's DynamoDB token table as a key store, for break-glass work when the token API is down or not
/// deployed. Writes items exactly as LISA's token handler does; never shows a plaintext, not even of
/// legacy items (whose key is the plaintext).
public struct TableKeyStore: KeyStore {
  public let table: String
  public let format: LisaTokenFormat
  let dynamoDB: DynamoDBClient
  /// `authConfig.adminGroup` from the deployment's config, for `--admin`.
  let adminGroup: String?
  /// Who is calling AWS (STS), recorded as `createdBy` and the default owner.
  let caller: @Sendable () async throws -> String
  let now: @Sendable () -> Date
  let trace: @Sendable (String) -> Void

  public init(
    table: String, format: LisaTokenFormat, dynamoDB: DynamoDBClient, adminGroup: String?,
    caller: @escaping @Sendable () async throws -> String, now: @escaping @Sendable () -> Date,
    trace: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.table = table
    self.format = format
    self.dynamoDB = dynamoDB
    self.adminGroup = adminGroup
    self.caller = caller
    self.now = now
    self.trace = trace
  }

  public var label: String { "table:\(table)" }
  public var kind: String { "table" }
  public var capabilities: KeyStoreCapabilities {
    [.expiry, .groups, .admin, .systemKeys, .users, .keepOld, .names, .provenance]
  }

  public func list() async throws -> [KeyRecord] {
    try await items().map(TokenTableItems.record)
  }

  public func list(user: String) async throws -> [KeyRecord] {
    guard format == .hashed else { return try await list().filter { $0.user == user } }
    var records: [KeyRecord] = []
    for try await page in dynamoDB.queryPages(ownerQuery(user)) { records += page.items.map(TokenTableItems.record) }
    return records
  }

  public func find(_ reference: String) async throws -> KeyRecord {
    try await locate(reference).record
  }

  /// The token whose secret is `secret`: a legacy item keyed by it, or a v6.1 item keyed by its hash.
  public func find(secret: KeySecret) async throws -> KeyRecord {
    for key in [secret.reveal(), LisaToken.hash(secret.reveal())] {
      if let item = try await dynamoDB.getItem(table: table, key: ["token": .s(key)], consistentRead: true) {
        return TokenTableItems.record(item)
      }
    }
    throw LisaError(
      .notFound, "no token in \(table) has that key, neither as a legacy key nor by its hash",
      hint: "'lisa keys list --store \(label)' shows the tokens; legacy ones by id legacy-…")
  }

  public func preview(_ spec: KeySpec) async throws -> KeyRecord {
    let token = try await plan(spec)
    return KeyRecord(
      id: spec.name, name: token.name, user: token.username, groups: token.groups, isSystem: token.isSystem,
      expiresAt: token.expiresAt, createdBy: token.createdBy)
  }

  public func create(_ spec: KeySpec) async throws -> IssuedKey {
    try await issue(try await plan(spec))
  }

  public func rotate(_ reference: String, options: KeyRotation) async throws -> IssuedKey {
    try requireV61()
    let (item, old) = try await locate(reference)
    guard !old.isLegacy else {
      throw LisaError(
        .conflict, "token \(old.id) in \(table) is a legacy (pre-v6.1) item: it has no name, user or groups to carry over",
        hint: "create a new token with 'lisa keys create NAME --store \(label)', then revoke \(old.id)")
    }
    let now = now()
    let expiresAt = options.expiresAt ?? now.addingTimeInterval(old.validity ?? TokenTableItems.defaultLifetime)
    try TokenTableItems.requireFuture(expiresAt, now: now)
    let creator = try await caller()
    let token = TokenTableItems.NewToken(
      name: old.name, username: old.user ?? creator, groups: old.groups, isSystem: old.isSystem || options.system,
      createdBy: creator, expiresAt: expiresAt)
    var issued = try await issue(token)
    do {
      if let keepOld = options.keepOld {
        let until = min(old.expiresAt ?? .distantFuture, now.addingTimeInterval(keepOld))
        try await shorten(item, until: until)
      } else {
        try await delete(item)
      }
    } catch {
      let step = options.keepOld == nil ? "revoked" : "given its shorter expiry"
      let reason = (error as? LisaError)?.message ?? String(describing: error)
      issued.incomplete = LisaError(
        .partial, "new token \(issued.record.id) was created, but the old token \(old.id) could not be \(step): \(reason)",
        hint: "the old token still works; 'lisa keys revoke \(old.id) --store \(label)' removes it")
    }
    return issued
  }

  public func revoke(_ reference: String) async throws -> KeyRecord {
    let (item, record) = try await locate(reference)
    try await delete(item)
    return record
  }

  public func check() async throws -> [ConfigDiagnostic] {
    TokenTableLint.check(try await items(), store: label, format: format, now: now())
  }

  // MARK: - Creating

  /// The token `create` would write, after LISA's rules: a future expiry, the admin group for `--admin`,
  /// one token per user unless it is a system token.
  private func plan(_ spec: KeySpec) async throws -> TokenTableItems.NewToken {
    try requireV61()
    let name = try TokenTableItems.name(of: spec, store: label)
    let now = now()
    let expiresAt = spec.expiresAt ?? now.addingTimeInterval(TokenTableItems.defaultLifetime)
    try TokenTableItems.requireFuture(expiresAt, now: now)
    let groups = try TokenTableItems.groups(of: spec, adminGroup: adminGroup)
    let creator = try await caller()
    let owner = spec.user ?? creator
    guard !owner.isEmpty else { throw LisaError.usage("--user needs a user name") }
    try await requireRoom(for: name, owner: owner, system: spec.system)
    return TokenTableItems.NewToken(
      name: name, username: owner, groups: groups, isSystem: spec.system, createdBy: creator, expiresAt: expiresAt)
  }

  private func issue(_ token: TokenTableItems.NewToken) async throws -> IssuedKey {
    let secret = TokenTableItems.generateSecret()
    let uuid = TokenTableItems.generateUUID()
    let item = token.item(secret: secret, uuid: uuid, createdAt: now())
    let key = TokenTableItems.key(of: item)
    do {
      try await dynamoDB.putItem(
        table: table, item: item, condition: DynamoDBExpression("attribute_not_exists(#t)", names: ["#t": "token"]),
        retrySafe: true)
    } catch is DynamoDBConditionalCheckFailed {
      // A retried put whose first attempt went through finds its own item.
      let stored = try await dynamoDB.getItem(table: table, key: ["token": .s(key)], consistentRead: true)
      guard stored?["tokenUUID"]?.stringValue == uuid else {
        throw LisaError(.conflict, "\(table) already holds an item under the new token's hash; nothing was written")
      }
    }
    trace("keys: put token \(uuid) ('\(token.name)', user \(token.username)) into \(table)")
    return IssuedKey(record: TokenTableItems.record(item), secret: secret)
  }

  /// LISA's rule is one token per user unless it is a system token; a name is also kept unique per
  /// user so that `show`, `rotate` and `revoke` can find the token by it.
  private func requireRoom(for name: String, owner: String, system: Bool) async throws {
    var query = ownerQuery(owner)
    if !system {
      query.pageSize = 1
      guard let existing = try await dynamoDB.queryPage(query).items.first.map(TokenTableItems.record) else { return }
      throw LisaError(
        .conflict,
        "user '\(owner)' already has a token ('\(existing.name)', id \(existing.id)) in \(table); LISA allows one per user",
        hint: "rotate or revoke that token, or pass --system for an additional system token")
    }
    for try await page in dynamoDB.queryPages(query) {
      if let same = page.items.map(TokenTableItems.record).first(where: { $0.name == name }) {
        throw LisaError(
          .conflict, "user '\(owner)' already has a token named '\(name)' (id \(same.id)) in \(table)",
          hint: "choose another name, or 'lisa keys rotate \(same.id) --store \(label)'")
      }
    }
  }

  private func requireV61() throws {
    guard format == .plaintext else { return }
    throw LisaError(
      .conflict, "\(table) is a LISA v6.0 token table (no \(TokenTableItems.usernameIndex)): its authorizer reads plaintext keys",
      hint: "upgrade LISA to v6.1 or later before creating tokens with lisa")
  }

  // MARK: - Reading and removing

  private func items() async throws -> [DynamoDBItem] {
    var items: [DynamoDBItem] = []
    for try await page in dynamoDB.scanPages(DynamoDBScanRequest(table: table)) { items += page.items }
    trace("keys: scanned \(items.count) item(s) in \(table)")
    return items
  }

  private func ownerQuery(_ user: String) -> DynamoDBQueryRequest {
    DynamoDBQueryRequest(
      table: table, indexName: TokenTableItems.usernameIndex,
      keyCondition: DynamoDBExpression("#u = :u", names: ["#u": "username"], values: [":u": .s(user)]))
  }

  /// The one item `reference` names: by id first, then by name; ambiguous names are refused.
  private func locate(_ reference: String) async throws -> (item: DynamoDBItem, record: KeyRecord) {
    let entries = try await items().map { (item: $0, record: TokenTableItems.record($0)) }
    return try KeyLookup.match(reference, in: entries, record: \.record, place: table, label: label)
  }

  private func delete(_ item: DynamoDBItem) async throws {
    try await dynamoDB.deleteItem(table: table, key: ["token": .s(TokenTableItems.key(of: item))])
    trace("keys: deleted token \(TokenTableItems.record(item).id) from \(table)")
  }

  /// Gives the old token of a rotation a new expiry. The write is conditional on the item being as it
  /// was read, so a token revoked meanwhile stays revoked.
  private func shorten(_ item: DynamoDBItem, until: Date) async throws {
    var updated = item
    updated["tokenExpiration"] = .number(Int(until.timeIntervalSince1970))
    var unchanged = DynamoDBExpression(
      "#id = :id AND attribute_not_exists(#e)", names: ["#id": "tokenUUID", "#e": "tokenExpiration"],
      values: [":id": item["tokenUUID"] ?? .null])
    if let expiration = item["tokenExpiration"] {
      unchanged.expression = "#id = :id AND #e = :e"
      unchanged.values[":e"] = expiration
    }
    do {
      try await dynamoDB.putItem(table: table, item: updated, condition: unchanged, retrySafe: true)
    } catch is DynamoDBConditionalCheckFailed {
      trace("keys: token \(TokenTableItems.record(item).id) changed or was removed meanwhile; its expiry was left alone")
      return
    }
    trace("keys: token \(TokenTableItems.record(item).id) now expires at \(KeyRecord.iso8601(until))")
  }
}
