import ArgumentParser
import LisaKit

struct ModelsScheduleDelete: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Remove a model's schedule; it then runs until stopped.",
    discussion: """
      Sends DELETE /models/ID/schedule; LISA removes the autoscaling group's scheduled actions.

      Exit status: 0 ok, 4 the credential was rejected, 5 no such model, 69 LISA unreachable.
      """
  )

  @Argument(help: "Model id.", completion: .custom(LiveCompletions.models))
  var id: String

  @Flag(name: .customLong("dry-run"), help: "Show what would be removed; change nothing.")
  var dryRun = false

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let api = try await session.modelsAPI()
    if dryRun {
      _ = try await api.get(id)
      session.info("would remove the schedule of model '\(id)'")
      return
    }
    let answer = try await api.deleteSchedule(id)
    session.info(answer["message"]?.stringValue ?? "removed the schedule of model '\(id)'")
  }
}
