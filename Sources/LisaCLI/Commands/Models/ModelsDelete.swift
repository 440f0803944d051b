import ArgumentParser
import LisaKit

struct ModelsDelete: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete a model and the infrastructure LISA made for it.",
    discussion: """
      Asks for confirmation on a terminal; elsewhere --yes is required (exit 64 without it). LISA deletes \
      in any status: the model goes Deleting and disappears when its stack is gone (--wait waits for \
      that). A model used by a RAG repository, pipeline or collection is refused with a 409 that names \
      them (exit 6). Export the model first if it may be needed again: lisa models export -f models.yaml.

      Exit status: 0 ok, 1 the deletion Failed while waiting, 2 declined, 4 the credential was rejected, \
      5 no such model, 6 the model is in use, 64 --yes needed off a terminal, 69 LISA unreachable.
      """
  )

  @Argument(help: "Model id.", completion: .custom(LiveCompletions.models))
  var id: String

  @Flag(name: .customLong("dry-run"), help: "Show what would be deleted; change nothing.")
  var dryRun = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let timeout = session.deadline.remaining
    let catalog = try await session.modelCatalog()
    let api = catalog.api
    let current = try await api.get(id)
    let what = "model '\(id)' (\(current.hosting.rawValue), \(current.statusText))"
    if dryRun {
      session.info("would delete \(what)")
      return
    }
    if current.status == .deleting {
      session.info("\(what) is already being deleted")
    } else {
      try session.confirm("Delete \(what)?")
      try await api.delete(id)
      session.info("deleting model '\(id)'")
    }
    guard waiting.wait else { return }
    try await session.waiter(catalog, waiting).wait(for: id, until: .deleted, timeout: timeout, onChange: session.statusPrinter)
  }
}
