import ArgumentParser
import LisaKit

struct KeysCreate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create a key and print its secret once.",
    discussion: """
      The secret is generated here (sk- and 32 random bytes, base64url) and printed once: as a sentence \
      on a terminal, otherwise alone on stdout so `> new.key` captures exactly the key (other messages go \
      to stderr). -o value prints only the secret; -o json an object with id, name, secret, rateLimit, \
      expiresAt (ISO-8601, UTC) and status. There is no way to pass a secret in.

      File store: NAME is the key id (1-64 of A-Z a-z 0-9 - _). A missing file is created with \
      key_mgmt.py's header comment, mode 0600. --expires writes a local time, as key_mgmt.py does. \
      An existing NAME exits 6; use rotate.

      Table store: writes a v6.1 item as LISA's token API does (SHA-256 of a 128-hex-character secret, \
      tokenUUID, tokenExpiration default now+90d, username, groups, name, isSystemToken, createdBy = your \
      AWS identity). --user names the owner (default: your AWS identity); --admin adds the config's \
      authConfig.adminGroup. LISA allows one token per user: a user who has one exits 6 unless --system.

      API store: LISA generates the secret. Without --user the token is the caller's own (POST /api-tokens; \
      admins and members of authConfig.apiGroup), with the caller's groups; --user NAME creates it for NAME \
      (POST /api-tokens/NAME, admin credential only) and allows --groups, --admin and --system. The expiry \
      defaults to LISA's (90 days). One token per user unless --system, as for the table store.
      """
  )

  @Argument(help: "Key name (in a key file, the key id).")
  var name: String

  @Option(
    name: .customLong("expires"), help: "Lifetime (30d, 24h, 60m) or date (2026-12-31T00:00:00, local unless Z or an offset).")
  var expires: String?

  @Option(name: .customLong("rate-limit"), help: "Requests per minute for this key (default: the gateway's).")
  var rateLimit: Int?

  @Option(name: .customLong("groups"), help: "Comma-separated groups the key acts with (api and table stores).")
  var groups: String?

  @Flag(name: .customLong("admin"), help: "Give the key the deployment's admin group (api and table stores).")
  var admin = false

  @Flag(name: .customLong("system"), help: "A system key, exempt from one-key-per-user (api and table stores).")
  var system = false

  @Option(name: .customLong("user"), help: "The key's owner (api and table stores; default: you).")
  var user: String?

  @Flag(name: .customLong("dry-run"), help: "Print what would be created and change nothing.")
  var dryRun = false

  @OptionGroup(title: "Key store") var storeOptions: KeyStoreOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let store = try await session.openKeyStore(storeOptions)
    if expires != nil { try session.require(.expiry, option: "--expires", in: store) }
    if rateLimit != nil { try session.require(.rateLimit, option: "--rate-limit", in: store) }
    if groups != nil { try session.require(.groups, option: "--groups", in: store) }
    if admin { try session.require(.admin, option: "--admin", in: store) }
    if system { try session.require(.systemKeys, option: "--system", in: store) }
    if user != nil { try session.require(.users, option: "--user", in: store) }
    if let rateLimit, rateLimit <= 0 { throw LisaError.usage("--rate-limit \(rateLimit): must be a positive integer") }
    _ = try session.format(default: .table, allowed: [.table, .value, .json, .yaml])
    let now = session.context.now()
    let spec = KeySpec(
      name: name, expiresAt: try expires.map { try KeyFileTime.expiry($0, now: now, zone: session.keyTimeZone) },
      rateLimit: rateLimit, groups: groups.map(Self.list) ?? [], admin: admin, system: system, user: user)
    if dryRun {
      let planned = try await store.preview(spec)
      session.output("would create key '\(name)' in \(store.label)\(session.attributes(planned))\n")
      return
    }
    let issued = try await store.create(spec)
    try session.emitIssued(issued, verb: "created", store: store)
  }

  static func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }
}
