import ArgumentParser
import LisaKit

struct KeysRotate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "rotate",
    abstract: "Give a key a new secret, keeping its identity and attributes.",
    discussion: """
      Prints the new secret once, like create (alone on stdout when stdout is not a terminal, or with \
      -o value). Asks for confirmation on a terminal; elsewhere --yes is required (exit 64 without it). \
      Scripted: lisa keys rotate ci-bot --store file:keys.txt --yes -o value > new.key

      File store: the key's line gets the new secret in place; rate limit and expiry stay unless \
      --expires is given. The old secret stops working when the gateway reloads the file. \
      --keep-old (leave the old secret valid for a while) needs a store that can hold both.

      Table store: a new token (new tokenUUID) with the same name, user, groups and system flag is written \
      first; its expiry is now plus the old token's original validity (90 days when unknown) unless \
      --expires is given. Then the old token is deleted, or with --keep-old 24h its expiry is cut to at most \
      24 hours from now. If that second step fails, the new secret is still printed and lisa exits 3.

      API store: the new token is made through POST /api-tokens/{user} (an admin credential) with the same \
      name, groups and system flag, and the old token's validity (or --expires); then the old one is deleted. \
      LISA allows one non-system token per user, so a user's only token can be rotated here only with \
      --system (the new token becomes a system token), else use --store table. --keep-old is not possible: \
      the API cannot change an expiry. A 404 on deleting the old token is LISA's lookup bug (exit 3; revoke \
      it with --store table).
      """
  )

  @Argument(help: "Key id or name.")
  var key: String

  @Option(name: .customLong("expires"), help: "New lifetime (30d, 24h, 60m) or date; default: keep the current expiry.")
  var expires: String?

  @Option(name: .customLong("keep-old"), help: "Leave the old secret valid this long (24h) instead of revoking it now.")
  var keepOld: String?

  @Flag(name: .customLong("system"), help: "Make the new key a system key, exempt from one-key-per-user (api and table stores).")
  var system = false

  @Flag(name: .customLong("dry-run"), help: "Print what would change and change nothing.")
  var dryRun = false

  @OptionGroup(title: "Key store") var storeOptions: KeyStoreOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    _ = try session.format(default: .table, allowed: [.table, .value, .json, .yaml])
    let store = try await session.openKeyStore(storeOptions)
    if expires != nil { try session.require(.expiry, option: "--expires", in: store) }
    if keepOld != nil { try session.require(.keepOld, option: "--keep-old", in: store) }
    if system { try session.require(.systemKeys, option: "--system", in: store) }
    let now = session.context.now()
    let rotation = KeyRotation(
      expiresAt: try expires.map { try KeyFileTime.expiry($0, now: now, zone: session.keyTimeZone) },
      keepOld: try keepOld.map { try KeyFileTime.duration($0, option: "--keep-old") }, system: system)
    let current = try await store.find(key)
    try store.requireRotatable(current, options: rotation)
    let grace = keepOld.map { ", the old one stays valid for \($0)" } ?? ", the old one stops working"
    if dryRun {
      session.output("would rotate key '\(current.name)' in \(store.label): new secret\(grace)\n")
      return
    }
    try session.confirm("Rotate key '\(current.name)' in \(store.label)\(grace)?")
    let issued = try await store.rotate(current.id, options: rotation)
    if issued.record.status(at: now) == .expired, let expiresAt = issued.record.expiresAt {
      session.warn(
        "key '\(current.name)' expired at \(session.localTime(expiresAt)); the new secret is expired too (use --expires)")
    }
    try session.emitIssued(issued, verb: "rotated", store: store)
  }
}
