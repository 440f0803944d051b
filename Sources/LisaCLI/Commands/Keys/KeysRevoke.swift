import ArgumentParser
import LisaKit

struct KeysRevoke: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke",
    abstract: "Delete a key so its secret stops working.",
    discussion: """
      Asks for confirmation on a terminal; elsewhere --yes is required (exit 64 without it). A key that \
      does not exist exits 5. -o json prints the revoked key (without secret); -o id its id. \
      File store: the key's line is removed; every other line stays byte for byte. The gateway stops \
      accepting the key when it reloads the file (SIGHUP or POST /reload).

      Table store: the item is deleted; KEY is its tokenUUID, its name (if no other token has it) or, for \
      a legacy item, the legacy-… id 'keys list' shows. --legacy-key-file PATH (or - for stdin) names \
      the token by its secret instead, read from the file and never from the command line.

      API store: KEY as for the table store; the token is found by listing, then deleted with DELETE \
      /api-tokens/{tokenUUID}. LISA finds only the first token of its table that way: a 404 for a token \
      it lists exits 1 with a hint to revoke it with --store table. Legacy tokens need an admin credential.
      """
  )

  @Argument(help: "Key id or name.")
  var key: String?

  @Option(
    name: .customLong("legacy-key-file"), help: "Revoke the token whose secret is in this file, or '-' for stdin (table store).",
    completion: .file())
  var legacyKeyFile: String?

  @Flag(name: .customLong("dry-run"), help: "Print what would be revoked and change nothing.")
  var dryRun = false

  @OptionGroup(title: "Key store") var storeOptions: KeyStoreOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .id])
    let store = try await session.openKeyStore(storeOptions)
    let current = try await target(in: store, session: session)
    let shown = current.id == current.name ? "'\(current.name)'" : "'\(current.name)' (id \(current.id))"
    if dryRun {
      session.output("would revoke key \(shown) in \(store.label)\n")
      return
    }
    try session.confirm("Revoke key \(shown) in \(store.label)?")
    let revoked = try await store.revoke(current.id)
    if format == .table {
      session.info("revoked key '\(revoked.name)' in \(store.label)")
    } else {
      let view = revoked.json(at: session.context.now(), capabilities: store.capabilities)
      session.output(session.renderer.object(view, format: format, idKey: "id"))
    }
    if store is KeyFileStore { session.info("hint: the gateway reads the key file again on SIGHUP or POST /reload") }
  }

  private func target(in store: any KeyStore, session: Session) async throws -> KeyRecord {
    switch (key, legacyKeyFile) {
    case (let key?, nil):
      return try await store.find(key)
    case (nil, let path?):
      guard let table = store as? TableKeyStore else {
        throw LisaError.usage("--legacy-key-file is for the table store, not \(store.label)")
      }
      return try await table.find(secret: try KeySecretFile.read(path, context: session.context))
    default:
      throw LisaError.usage("name the key to revoke, or pass --legacy-key-file, not both")
    }
  }
}
