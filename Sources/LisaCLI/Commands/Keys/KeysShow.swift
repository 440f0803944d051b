import ArgumentParser
import LisaKit

struct KeysShow: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one key's attributes; never its secret.",
    discussion: "A key that does not exist exits 5. -o json prints the same object as one item of 'keys list -o json'."
  )

  @Argument(help: "Key id or name.")
  var key: String

  @OptionGroup(title: "Key store") var storeOptions: KeyStoreOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .id])
    let store = try await session.openKeyStore(storeOptions)
    let record = try await store.find(key)
    session.detail("keys: found '\(record.id)' at \(record.location?.description ?? store.label)")
    let view = record.json(at: session.context.now(), capabilities: store.capabilities)
    session.output(session.renderer.object(view, format: format, idKey: "id"))
  }
}
