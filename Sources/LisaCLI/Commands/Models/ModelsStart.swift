import ArgumentParser
import LisaKit

struct ModelsStart: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Start a Stopped LISA-hosted model.",
    discussion: """
      Sends PUT /models/ID {"enabled": true}. LISA starts a Stopped model only: the status goes \
      Starting, then InService. A model already InService or Starting is left alone (exit 0). \
      Third-party and internal models cannot be started (exit 7). --wait waits for InService.

      Exit status: 0 ok, 1 the model Failed while waiting, 4 the credential was rejected, 5 no such \
      model, 6 the model's status forbids starting it, 7 not a LISA-hosted model, 69 LISA unreachable.
      """
  )

  @Argument(help: "Model id.", completion: .custom(LiveCompletions.models))
  var id: String

  @Flag(name: .customLong("dry-run"), help: "Check that the model can start; change nothing.")
  var dryRun = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    try await session.switchModel(id, on: true, dryRun: dryRun, waiting: waiting)
  }
}
