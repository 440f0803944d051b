import ArgumentParser
import LisaKit

struct ModelsScheduleGet: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "get",
    abstract: "Show a model's schedule and its next scheduled action.",
    discussion: """
      Prints LISA's answer to GET /models/ID/schedule: modelId, scheduling (scheduleType, timezone, \
      dailySchedule or recurringSchedule) and nextScheduledAction, as YAML or -o json.

      Exit status: 0 ok, 4 the credential was rejected, 5 no such model, 69 LISA unreachable.
      """
  )

  @Argument(help: "Model id.")
  var id: String

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json, .table])
    let schedule = try await session.modelsAPI().schedule(id)
    session.output(session.renderer.object(schedule, format: format == .table ? .yaml : format))
  }
}
