import Foundation

/// LISA's token management API (`/api-tokens`, v6.1+) as a key store: what an admin, or a user for
/// themselves, may do through LISA itself. An admin credential sees every token, any other only its
/// own. LISA's GET and DELETE by UUID find only the table's first item (docs/lisa/tokens.md#routes), so tokens
/// are found by listing, and a 404 on deleting a listed token is reported as that bug.
public struct APIKeyStore: KeyStore {
  let tokens: LisaTokenAPI
  /// `authConfig.adminGroup` from the deployment's config, for `--admin`.
  let adminGroup: String?
  let now: @Sendable () -> Date
  let trace: @Sendable (String) -> Void

  public init(
    client: LisaAPIClient, adminGroup: String?, now: @escaping @Sendable () -> Date,
    trace: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    tokens = LisaTokenAPI(client: client)
    self.adminGroup = adminGroup
    self.now = now
    self.trace = trace
  }

  public var label: String { "api" }
  public var kind: String { "api" }
  public var capabilities: KeyStoreCapabilities { [.expiry, .groups, .admin, .systemKeys, .users, .names, .provenance] }

  public func list() async throws -> [KeyRecord] {
    try await entries().map(\.record)
  }

  public func find(_ reference: String) async throws -> KeyRecord {
    try locate(reference, in: try await entries()).record
  }

  public func preview(_ spec: KeySpec) async throws -> KeyRecord {
    let token = try plan(spec)
    try requireRoom(for: token, among: try await entries())
    return KeyRecord(
      id: token.name, name: token.name, user: token.user, groups: token.groups, isSystem: token.system,
      expiresAt: token.expiresAt ?? now().addingTimeInterval(TokenTableItems.defaultLifetime))
  }

  public func create(_ spec: KeySpec) async throws -> IssuedKey {
    let token = try plan(spec)
    let current = try await entries()
    try requireRoom(for: token, among: current)
    return try await issue(token, known: current)
  }

  /// A new token with the old one's name, user, groups, system flag and validity (or `--expires`),
  /// created through the admin route before the old one is deleted.
  public func rotate(_ reference: String, options: KeyRotation) async throws -> IssuedKey {
    if options.keepOld != nil, let refusal = refusal(of: .keepOld, option: "--keep-old") { throw refusal }
    let current = try await entries()
    let old = try locate(reference, in: current)
    try requireRotatable(old.record, options: options)
    let now = now()
    let expiresAt = options.expiresAt ?? now.addingTimeInterval(old.record.validity ?? TokenTableItems.defaultLifetime)
    try TokenTableItems.requireFuture(expiresAt, now: now)
    let token = NewAPIToken(
      name: old.record.name, user: old.record.user, groups: old.record.groups, system: old.record.isSystem || options.system,
      expiresAt: expiresAt)
    var issued = try await issue(token, known: current)
    do {
      try await delete(old)
    } catch {
      let reason = (error as? LisaError)?.message ?? String(describing: error)
      let hint = (error as? LisaError)?.hint ?? "'lisa keys revoke \(old.record.id) --store \(label)' removes it"
      issued.incomplete = LisaError(
        .partial, "new token \(issued.record.id) was created, but the old token \(old.record.id) could not be revoked: \(reason)",
        hint: "the old token still works; \(hint)")
    }
    return issued
  }

  public func revoke(_ reference: String) async throws -> KeyRecord {
    let entry = try locate(reference, in: try await entries())
    try await delete(entry)
    return entry.record
  }

  public func check() async throws -> [ConfigDiagnostic] {
    let subjects = try await entries().map { TokenTableLint.Subject(record: $0.record, key: $0.legacyKey?.reveal()) }
    return TokenTableLint.check(subjects, store: label, format: .hashed, now: now())
  }

  public func refusal(of capability: KeyStoreCapabilities, option: String) -> LisaError? {
    guard capability == .keepOld else { return nil }
    return LisaError.usage(
      "\(option) is not possible with the api store: LISA's token API cannot change a token's expiry, so the old token "
        + "cannot be kept for a grace period; it could only be deleted now or left valid until it expires",
      hint: "rotate with --store table[:NAME] \(option) DURATION, which shortens the old token's expiry in the table, "
        + "or rotate here without \(option)")
  }

  /// LISA allows one non-system token per user, so the new token of a user's only token cannot be made
  /// through the API while the old one exists, unless it is a system token.
  public func requireRotatable(_ record: KeyRecord, options: KeyRotation) throws {
    if record.isLegacy {
      throw LisaError(
        .conflict, "token \(record.id) is a legacy (pre-v6.1) item: it has no name, user or groups to carry over",
        hint: "create a new token with 'lisa keys create NAME --store \(label)', then revoke \(record.id)")
    }
    guard !record.isSystem, !options.system else { return }
    throw LisaError(
      .conflict,
      "token '\(record.name)' (id \(record.id)) is the one non-system token of user '\(record.user ?? "-")': LISA's API "
        + "refuses a second one while it exists, and rotating creates the new token before deleting the old",
      hint: "pass --system to make the new token a system token (needs an admin credential), or rotate with --store "
        + "table[:NAME], which writes the token table directly; revoking and creating anew leaves the user without a key between")
  }

  // MARK: - Steps

  private func entries() async throws -> [APITokenEntry] {
    let entries = try await tokens.list()
    trace("keys: the API listed \(entries.count) token(s)")
    return entries
  }

  private func locate(_ reference: String, in entries: [APITokenEntry]) throws -> APITokenEntry {
    try KeyLookup.match(reference, in: entries, record: \.record, place: "LISA's token API", label: label)
  }

  /// The token `create` asks LISA for, after LISA's rules. The caller's own route takes only a name
  /// and an expiry; groups and system tokens need the admin route, which names the owner.
  private func plan(_ spec: KeySpec) throws -> NewAPIToken {
    let name = try TokenTableItems.name(of: spec, store: label)
    if let expiresAt = spec.expiresAt { try TokenTableItems.requireFuture(expiresAt, now: now()) }
    let groups = try TokenTableItems.groups(of: spec, adminGroup: adminGroup)
    if let user = spec.user, user.isEmpty { throw LisaError.usage("--user needs a user name") }
    let adminOnly = [("--groups", !spec.groups.isEmpty), ("--admin", spec.admin), ("--system", spec.system)]
      .filter(\.1).map(\.0)
    if spec.user == nil, !adminOnly.isEmpty {
      throw LisaError.usage(
        "\(adminOnly.joined(separator: ", ")) \(adminOnly.count == 1 ? "needs" : "need") --user NAME with the api store: "
          + "LISA makes a token for the caller with the caller's own groups and never as a system token",
        hint: "name the owner with --user (an admin credential is needed)")
    }
    return NewAPIToken(name: name, user: spec.user, groups: groups, system: spec.system, expiresAt: spec.expiresAt)
  }

  /// What LISA would refuse, said before asking it: a second non-system token for a user (only visible
  /// when the owner is named), and a name the user's tokens already have, which `show`, `rotate` and
  /// `revoke` could then not tell apart.
  private func requireRoom(for token: NewAPIToken, among entries: [APITokenEntry]) throws {
    guard let user = token.user else { return }
    let owned = entries.map(\.record).filter { $0.user == user }
    if !token.system, let existing = owned.first {
      throw LisaError(
        .conflict, "user '\(user)' already has a token ('\(existing.name)', id \(existing.id)); LISA allows one per user",
        hint: "rotate or revoke that token, or pass --system for an additional system token")
    }
    if let same = owned.first(where: { $0.name == token.name }) {
      throw LisaError(
        .conflict, "user '\(user)' already has a token named '\(token.name)' (id \(same.id))",
        hint: "choose another name, or 'lisa keys rotate \(same.id) --store \(label)'")
    }
  }

  private func issue(_ token: NewAPIToken, known: [APITokenEntry]) async throws -> IssuedKey {
    let issued = try await tokens.create(token, known: Set(known.map(\.record.id)))
    trace("keys: created token \(issued.record.id) ('\(token.name)', user \(issued.record.user ?? "-")) through the API")
    return issued
  }

  /// Deletes a listed token. LISA answering 404 for a token it still lists is its lookup bug, which
  /// only the table store gets around.
  private func delete(_ entry: APITokenEntry) async throws {
    let id = entry.record.id
    do {
      try await tokens.delete(entry)
      trace("keys: deleted token \(id) through the API")
    } catch let error as LisaError where error.status == .notFound {
      guard try await tokens.list().contains(where: { $0.record.id == id }) else {
        trace("keys: token \(id) was removed meanwhile")
        return
      }
      let why =
        entry.legacyKey == nil
        ? "LISA looks a token up by tokenUUID with a one-item scan (Limit=1) before filtering, so only the table's first "
          + "token can be deleted by id"
        : "LISA did not find the legacy item by its key"
      throw LisaError(
        .failure, "LISA's API lists token \(id) but answers 404 when deleting it: \(why) (a LISA bug)",
        hint: "delete it in the token table instead: 'lisa keys revoke \(id) --store table'")
    }
  }
}
