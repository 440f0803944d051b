import ArgumentParser

struct ModelsSchedule: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Show, set or remove when a LISA-hosted model runs.",
    subcommands: [ModelsScheduleGet.self, ModelsScheduleSet.self, ModelsScheduleDelete.self]
  )
}
