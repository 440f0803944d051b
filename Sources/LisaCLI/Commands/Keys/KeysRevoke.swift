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
      """
  )

  @Argument(help: "Key id or name.")
  var key: String

  @Flag(name: .customLong("dry-run"), help: "Print what would be revoked and change nothing.")
  var dryRun = false

  @OptionGroup(title: "Key store") var storeOptions: KeyStoreOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .id])
    let store = try session.openKeyStore(storeOptions)
    let current = try await store.find(key)
    if dryRun {
      session.output("would revoke key '\(current.name)' in \(store.label)\n")
      return
    }
    try session.confirm("Revoke key '\(current.name)' in \(store.label)?")
    let revoked = try await store.revoke(current.id)
    if format == .table {
      session.info("revoked key '\(revoked.name)' in \(store.label)")
    } else {
      let view = revoked.json(at: session.context.now(), capabilities: store.capabilities)
      session.output(session.renderer.object(view, format: format, idKey: "id"))
    }
    if store is KeyFileStore { session.info("hint: the gateway reads the key file again on SIGHUP or POST /reload") }
  }
}
