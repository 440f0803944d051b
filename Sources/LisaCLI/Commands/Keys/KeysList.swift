import ArgumentParser
import Foundation
import LisaKit

struct KeysList: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List keys and their status; never their secrets.",
    discussion: """
      STATUS is active, expired (expiry reached) or legacy (a pre-v6.1 token LISA no longer accepts). \
      --expiring-within 7d keeps keys whose expiry falls within that time, already expired ones included. \
      -o json prints id, name, rateLimit, expiresAt (ISO-8601, UTC) and status for each key. A key file \
      that does not exist yet has no keys (exit 0, with a hint on stderr).

      Table store: the id is the tokenUUID; -o json adds user, groups, system, createdBy and createdAt and \
      leaves out rateLimit. --user queries the username-index. A legacy item's key is its plaintext, so it \
      is listed as legacy-<first 12 hex digits of its SHA-256> with a masked name, never the plaintext.

      API store: the same columns and ids as the table store, from GET /api-tokens: every token for an admin \
      credential, only the caller's own otherwise. LISA's answer carries legacy plaintexts; they are masked here.
      """
  )

  @Option(name: .customLong("expiring-within"), help: "Only keys expiring within this time (7d, 24h, 90m).")
  var expiringWithin: String?

  @Option(name: .customLong("user"), help: "Only keys owned by this user (api and table stores).")
  var user: String?

  @OptionGroup(title: "Key store") var storeOptions: KeyStoreOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .jsonl, .id])
    let store = try await session.openKeyStore(storeOptions)
    if user != nil { try session.require(.users, option: "--user", in: store) }
    let window = try expiringWithin.map { try KeyFileTime.duration($0, option: "--expiring-within") }
    let now = session.context.now()
    if let fileStore = store as? KeyFileStore, !fileStore.exists {
      session.info("\(fileStore.displayName) does not exist yet; 'lisa keys create NAME --store \(store.label)' creates it")
    }
    var records = if let user { try await store.list(user: user) } else { try await store.list() }
    if let window {
      let limit = now.addingTimeInterval(window)
      records = records.filter { $0.expiresAt.map { $0 <= limit } ?? false }
    }
    if format == .table {
      if !records.isEmpty {
        session.output(session.renderer.table(records.map { row($0, now: now, session: session) }, columns: columns(store)))
      }
      session.info("\(records.count) key\(records.count == 1 ? "" : "s") in \(store.label)")
      return
    }
    let rows = records.map { $0.json(at: now, capabilities: store.capabilities) }
    session.output(session.renderer.list(rows, format: format, columns: columns(store), idKey: "id"))
  }

  private func columns(_ store: any KeyStore) -> [Column] {
    var columns = [Column("ID", key: "id")]
    if store.capabilities.contains(.names) { columns.append(Column("NAME", key: "name")) }
    if store.capabilities.contains(.users) { columns.append(Column("USER", key: "user")) }
    if store.capabilities.contains(.groups) { columns.append(Column("GROUPS", key: "groups")) }
    if store.capabilities.contains(.rateLimit) { columns.append(Column("RATE LIMIT", key: "rateLimit")) }
    return columns + [Column("EXPIRES", key: "expiresAt"), Column("STATUS", key: "status", style: Self.style)]
  }

  /// Table cells for people: local times, `default` for the gateway's own rate limit.
  private func row(_ record: KeyRecord, now: Date, session: Session) -> JSONValue {
    .object([
      ("id", .string(record.id)), ("name", .string(record.name)), ("user", .optional(record.user)),
      ("groups", .string(record.groups.joined(separator: ","))),
      ("rateLimit", .string(record.rateLimit.map { "\($0)/min" } ?? "default")),
      ("expiresAt", .string(record.expiresAt.map(session.localTime) ?? "-")),
      ("status", .string(record.status(at: now).rawValue)),
    ])
  }

  @Sendable static func style(_ status: String) -> Style? {
    switch status {
    case KeyStatus.active.rawValue: .green
    case KeyStatus.expired.rawValue: .red
    default: .yellow
    }
  }
}
