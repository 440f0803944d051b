import ArgumentParser
import LisaKit

struct ModelsScheduleSet: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Run a model only in given hours: every day, or per weekday.",
    discussion: """
      --recurring 08:00-18:00 runs the model in that window every day; --day mon=08:00-18:00 (repeatable) \
      sets windows per weekday. Times are HH:MM (or H:MM, as LISA takes them: 8:00-18:00) in --timezone \
      (an IANA zone such as Europe/Berlin; default UTC). Each window must last at least two hours and may \
      run past midnight (22:00-02:00). \
      -f schedule.yaml sends a SchedulingConfig as written (scheduleType DAILY or RECURRING). The \
      schedule is checked as LISA checks it before anything is sent.

      Exit status: 0 ok, 4 the credential was rejected, 5 no such model, 7 the schedule breaks LISA's \
      rules, 64 conflicting options, 69 LISA unreachable.
      """
  )

  @Argument(help: "Model id.", completion: .custom(LiveCompletions.models))
  var id: String

  @Option(name: .customLong("recurring"), help: ArgumentHelp("One window every day.", valueName: "HH:MM-HH:MM"))
  var recurring: String?

  @Option(name: .customLong("day"), help: ArgumentHelp("A window on one weekday (repeatable).", valueName: "DAY=HH:MM-HH:MM"))
  var days: [String] = []

  @Option(name: .customLong("timezone"), help: "IANA time zone of the times (default UTC).")
  var timezone: String?

  @Option(name: .shortAndLong, help: "A SchedulingConfig (YAML or JSON).", completion: .file())
  var file: String?

  @Flag(name: .customLong("dry-run"), help: "Check and print the schedule; change nothing.")
  var dryRun = false

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .yaml, .json])
    let sources = [recurring != nil, !days.isEmpty, file != nil].filter { $0 }.count
    guard sources == 1 else { throw LisaError.usage("give exactly one of --recurring, --day or -f") }
    let document = try file.map(session.requestFile)
    var config = try document?.request ?? flagsConfig()
    if let timezone { config = config.setting("timezone", .string(timezone)) }
    let body = try session.requireValid(
      ScheduleRules.check(config, locate: document?.locate ?? { _ in nil }), what: "the schedule")
    let api = try await session.modelsAPI()
    if dryRun {
      _ = try await api.get(id)
      session.info("would set the schedule of model '\(id)' to:")
      session.output(session.renderer.object(body, format: format == .table ? .yaml : format))
      return
    }
    let answer = try await api.setSchedule(id, body)
    if format == .table {
      session.info(answer["message"]?.stringValue ?? "set the schedule of model '\(id)'")
    } else {
      session.output(session.renderer.object(answer, format: format))
    }
  }

  func flagsConfig() throws -> JSONValue {
    if let recurring {
      return .object([
        ("scheduleType", .string("RECURRING")), ("recurringSchedule", try window(recurring, option: "--recurring")),
      ])
    }
    var daily: [(String, JSONValue)] = []
    for entry in days {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      let name = parts.first?.lowercased() ?? ""
      guard parts.count == 2, let day = ScheduleRules.days.first(where: { $0 == name || $0.prefix(3) == name }) else {
        throw LisaError.usage("--day '\(entry)': expected DAY=HH:MM-HH:MM with DAY monday … sunday (or mon … sun)")
      }
      guard !daily.contains(where: { $0.0 == day }) else { throw LisaError.usage("--day names \(day) twice") }
      daily.append((day, try window(parts[1], option: "--day \(day)")))
    }
    return .object([("scheduleType", .string("DAILY")), ("dailySchedule", .object(daily))])
  }

  func window(_ text: String, option: String) throws -> JSONValue {
    let times = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard times.count == 2 else { throw LisaError.usage("\(option) '\(text)': expected START-STOP, e.g. 08:00-18:00") }
    return .object([("startTime", .string(times[0])), ("stopTime", .string(times[1]))])
  }
}
