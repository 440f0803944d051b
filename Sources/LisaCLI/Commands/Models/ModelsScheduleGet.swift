import ArgumentParser
import LisaKit

struct ModelsScheduleGet: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "get",
    abstract: "Show a model's schedule and its next scheduled action.",
    discussion: """
      Prints LISA's answer to GET /models/ID/schedule: modelId, scheduling (scheduleType, timezone, \
      dailySchedule or recurringSchedule) and nextScheduledAction, as YAML or -o json. A model without \
      a schedule (LISA answers that with a 400 about 'NoneType') prints "no schedule", or with -o json \
      {"modelId": ID, "scheduling": null}.

      Exit status: 0 ok (also without a schedule), 4 the credential was rejected, 5 no such model, 69 \
      LISA unreachable.
      """
  )

  @Argument(help: "Model id.", completion: .custom(LiveCompletions.models))
  var id: String

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json, .table])
    guard let schedule = try await session.modelsAPI().schedule(id) else {
      if format == .json {
        session.output(session.renderer.object(.object([("modelId", .string(id)), ("scheduling", .null)]), format: .json))
      } else {
        session.output("no schedule: model '\(id)' runs until it is stopped\n")
      }
      return
    }
    session.output(session.renderer.object(schedule, format: format == .table ? .yaml : format))
  }
}
