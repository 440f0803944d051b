import ArgumentParser
import LisaKit

struct ModelsGet: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "get",
    abstract: "Show one model as LISA stores it.",
    discussion: """
      Prints the model (GET /models/ID): its create request, status and modelUrl, as YAML; -o json for \
      scripts. A third-party apiKey is shown as (hidden). -o id prints the id.

      Exit status: 0 ok, 4 the credential was rejected, 5 no such model, 69 LISA unreachable.
      """
  )

  @Argument(help: "Model id.")
  var id: String

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json, .table, .id])
    let model = try await session.modelsAPI().get(id)
    session.printModel(model, format: format == .table ? .yaml : format)
  }
}
