import ArgumentParser
import LisaKit

struct ModelsGet: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "get",
    abstract: "Show one model as LISA stores it.",
    discussion: """
      Prints the model (GET /models/ID): its create request, status and modelUrl, as YAML; -o json for \
      scripts. A Failed model also shows failureReason, which LISA keeps only in its models table (read \
      with the AWS access the environment gives; otherwise it says why it could not). LISA never returns \
      a third-party apiKey. -o id prints the id.

      Exit status: 0 ok, 1 LISA cannot read the model it stored, 4 the credential was rejected, 5 no such model, 69 LISA \
      unreachable.
      """
  )

  @Argument(help: "Model id.", completion: .custom(LiveCompletions.models))
  var id: String

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json, .table, .id])
    let (model, note) = try await session.modelCatalog().get(id)
    if let note { session.warn("model '\(id)' is Failed: \(note)") }
    session.printModel(model, format: format == .table ? .yaml : format)
  }
}
