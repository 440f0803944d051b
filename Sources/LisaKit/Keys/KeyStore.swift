import Foundation

/// A place that holds API keys: a key file, LISA's token table, LISA's token API.
/// Verbs talk to this protocol only and ask `capabilities` before offering an option.
public protocol KeyStore: Sendable {
  /// How the user named the store, e.g. `file:keys.txt`; safe to print.
  var label: String { get }
  var kind: String { get }
  var capabilities: KeyStoreCapabilities { get }

  /// Every key, in store order. A store that does not exist yet has no keys.
  func list() async throws -> [KeyRecord]
  /// The keys `user` owns; stores with an index by owner use it.
  func list(user: String) async throws -> [KeyRecord]
  /// The one key whose id or name is `reference`; `.notFound` otherwise, `.conflict` when ambiguous.
  func find(_ reference: String) async throws -> KeyRecord
  func create(_ spec: KeySpec) async throws -> IssuedKey
  /// What `create` would make of `spec`, refusing what `create` would refuse; writes nothing.
  func preview(_ spec: KeySpec) async throws -> KeyRecord
  /// A new secret for the same identity and attributes. Stores that hold separate tokens create the new
  /// one before revoking the old, so a failure in between never leaves the identity without a key.
  func rotate(_ reference: String, options: KeyRotation) async throws -> IssuedKey
  /// Removes the key; returns what it was.
  func revoke(_ reference: String) async throws -> KeyRecord
  /// Problems a CI job should fail on; `.notFound` when the store does not exist.
  func check() async throws -> [ConfigDiagnostic]
  /// Why `option` (a capability the store lacks) cannot work here, when the generic "not available"
  /// would leave the user guessing; nil for the generic message.
  func refusal(of capability: KeyStoreCapabilities, option: String) -> LisaError?
  /// Refuses a rotation this store cannot carry out, before anything is written (and for `--dry-run`).
  func requireRotatable(_ record: KeyRecord, options: KeyRotation) throws
}

extension KeyStore {
  public func refusal(of capability: KeyStoreCapabilities, option: String) -> LisaError? { nil }
  public func requireRotatable(_ record: KeyRecord, options: KeyRotation) throws {}

  public func list(user: String) async throws -> [KeyRecord] {
    try await list().filter { $0.user == user }
  }

  public func preview(_ spec: KeySpec) async throws -> KeyRecord {
    if try await list().contains(where: { $0.id == spec.name || $0.name == spec.name }) {
      throw LisaError(.conflict, "key '\(spec.name)' already exists in \(label)", hint: "use 'lisa keys rotate \(spec.name)'")
    }
    return KeyRecord(
      id: spec.name, name: spec.name, user: spec.user, groups: spec.groups, isSystem: spec.system, rateLimit: spec.rateLimit,
      expiresAt: spec.expiresAt)
  }
}

public struct KeyStoreCapabilities: OptionSet, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let expiry = KeyStoreCapabilities(rawValue: 1 << 0)
  public static let rateLimit = KeyStoreCapabilities(rawValue: 1 << 1)
  public static let groups = KeyStoreCapabilities(rawValue: 1 << 2)
  public static let admin = KeyStoreCapabilities(rawValue: 1 << 3)
  public static let systemKeys = KeyStoreCapabilities(rawValue: 1 << 4)
  public static let users = KeyStoreCapabilities(rawValue: 1 << 5)
  /// Rotation can leave the old secret valid for a grace period.
  public static let keepOld = KeyStoreCapabilities(rawValue: 1 << 6)
  /// Keys have a name apart from their id.
  public static let names = KeyStoreCapabilities(rawValue: 1 << 7)
  /// Keys record who created them and when.
  public static let provenance = KeyStoreCapabilities(rawValue: 1 << 8)
}

public enum KeyStatus: String, Sendable {
  case active, expired, legacy
}

/// A key as a store describes it. Never carries the secret.
public struct KeyRecord: Sendable, Equatable {
  public var id: String
  public var name: String
  public var user: String?
  public var groups: [String]
  public var isSystem: Bool
  public var rateLimit: Int?
  public var expiresAt: Date?
  public var isLegacy: Bool
  /// Where the key lives in its store, for messages (`keys.txt:4`).
  public var location: SourceLocation?
  public var createdAt: Date?
  public var createdBy: String?

  public init(
    id: String, name: String, user: String? = nil, groups: [String] = [], isSystem: Bool = false,
    rateLimit: Int? = nil, expiresAt: Date? = nil, isLegacy: Bool = false, location: SourceLocation? = nil,
    createdAt: Date? = nil, createdBy: String? = nil
  ) {
    self.id = id
    self.name = name
    self.user = user
    self.groups = groups
    self.isSystem = isSystem
    self.rateLimit = rateLimit
    self.expiresAt = expiresAt
    self.isLegacy = isLegacy
    self.location = location
    self.createdAt = createdAt
    self.createdBy = createdBy
  }

  /// How long the key was issued for (`expiresAt − createdAt`), when both are known and make sense.
  public var validity: TimeInterval? {
    guard let createdAt, let expiresAt, expiresAt > createdAt else { return nil }
    return expiresAt.timeIntervalSince(createdAt)
  }

  public func status(at now: Date) -> KeyStatus {
    if isLegacy { return .legacy }
    if let expiresAt, expiresAt <= now { return .expired }
    return .active
  }

  /// The stable JSON view. Fields a store cannot have are left out rather than always null.
  public func json(at now: Date, capabilities: KeyStoreCapabilities, secret: KeySecret? = nil) -> JSONValue {
    var fields: [(String, JSONValue)] = [("id", .string(id)), ("name", .string(name))]
    if let secret { fields.append(("secret", .string(secret.reveal()))) }
    if capabilities.contains(.users) { fields.append(("user", .optional(user))) }
    if capabilities.contains(.groups) { fields.append(("groups", .array(groups.map { .string($0) }))) }
    if capabilities.contains(.systemKeys) { fields.append(("system", .bool(isSystem))) }
    if capabilities.contains(.provenance) {
      fields.append(("createdBy", .optional(createdBy)))
      fields.append(("createdAt", .optional(createdAt.map(Self.iso8601))))
    }
    if capabilities.contains(.rateLimit) { fields.append(("rateLimit", rateLimit.map { .int($0) } ?? .null)) }
    fields.append(("expiresAt", .optional(expiresAt.map(Self.iso8601))))
    fields.append(("status", .string(status(at: now).rawValue)))
    return .object(fields)
  }

  public static func iso8601(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle())
  }
}

/// What `create` asks for. Options a store lacks are refused before this is built.
public struct KeySpec: Sendable, Equatable {
  public var name: String
  public var expiresAt: Date?
  public var rateLimit: Int?
  public var groups: [String]
  public var admin: Bool
  public var system: Bool
  public var user: String?

  public init(
    name: String, expiresAt: Date? = nil, rateLimit: Int? = nil, groups: [String] = [], admin: Bool = false,
    system: Bool = false, user: String? = nil
  ) {
    self.name = name
    self.expiresAt = expiresAt
    self.rateLimit = rateLimit
    self.groups = groups
    self.admin = admin
    self.system = system
    self.user = user
  }
}

public struct KeyRotation: Sendable, Equatable {
  /// A new expiry for the new secret; nil keeps the old one.
  public var expiresAt: Date?
  /// Leave the old secret valid this long (stores with `.keepOld`).
  public var keepOld: TimeInterval?
  /// Make the new key a system key (stores with `.systemKeys`): LISA's way past one key per user.
  public var system: Bool

  public init(expiresAt: Date? = nil, keepOld: TimeInterval? = nil, system: Bool = false) {
    self.expiresAt = expiresAt
    self.keepOld = keepOld
    self.system = system
  }
}

/// Finding the one key a user named, the same way in every store.
public enum KeyLookup {
  /// The entry whose record has `reference` as its id, else as its name; an ambiguous name is refused.
  /// `place` says where the keys are (`acme-LISAApiBaseTokenTable`), `label` is the store for hints.
  public static func match<Entry>(
    _ reference: String, in entries: [Entry], record: (Entry) -> KeyRecord, place: String, label: String
  ) throws -> Entry {
    for matches in [entries.filter { record($0).id == reference }, entries.filter { record($0).name == reference }]
    where !matches.isEmpty {
      if matches.count == 1 { return matches[0] }
      let owners = matches.map { "\(record($0).id) (user \(record($0).user ?? "-"))" }.joined(separator: ", ")
      throw LisaError(
        .conflict, "\(matches.count) tokens in \(place) are named '\(reference)': \(owners)", hint: "name the token by its id")
    }
    let names = entries.flatMap { [record($0).id, record($0).name] }.filter { !$0.isEmpty }
    let hint =
      ConfigValidator.suggest(reference, among: names).map { "did you mean '\($0)'?" }
      ?? "'lisa keys list --store \(label)' shows the \(entries.count) token(s)"
    throw LisaError(.notFound, "no token '\(reference)' in \(place)", hint: hint)
  }
}

/// A freshly issued key: the only place a secret travels with its record.
public struct IssuedKey: Sendable {
  public var record: KeyRecord
  public var secret: KeySecret
  /// A step after the new key was stored failed (e.g. revoking the old key on rotation). The new
  /// secret works and must still be handed out; the caller reports this afterwards.
  public var incomplete: LisaError?

  public init(record: KeyRecord, secret: KeySecret, incomplete: LisaError? = nil) {
    self.record = record
    self.secret = secret
    self.incomplete = incomplete
  }
}

/// A secret value. Interpolating it (logs, errors, `print`) shows only a masked prefix;
/// the full value must be asked for with `reveal()`.
public struct KeySecret: Sendable, Equatable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
  private let value: String

  public init(_ value: String) { self.value = value }

  public func reveal() -> String { value }
  public var masked: String { String(value.prefix(4)) + "…" }
  public var description: String { masked }
  public var debugDescription: String { "KeySecret(\(masked))" }
}

/// Where `--store` points: `file:PATH`, `api` or `table[:NAME]`.
public enum KeyStoreAddress: Sendable, Equatable {
  case file(path: String)
  case api
  case table(name: String?)

  public static let forms = "file:PATH, api, table[:NAME]"

  public static func parse(_ text: String) throws -> KeyStoreAddress {
    let kind = text.prefix { $0 != ":" }
    let rest = text.count > kind.count ? String(text.dropFirst(kind.count + 1)) : nil
    switch kind {
    case "file":
      guard let rest, !rest.isEmpty else { throw LisaError.usage("--store file needs a path", hint: "--store file:keys.txt") }
      return .file(path: rest)
    case "api":
      guard rest == nil else { throw LisaError.usage("--store api takes no argument") }
      return .api
    case "table":
      return .table(name: rest.flatMap { $0.isEmpty ? nil : $0 })
    default:
      throw LisaError.usage("unknown key store '\(text)'", hint: "use one of: \(forms)")
    }
  }
}
