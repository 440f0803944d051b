import ArgumentParser

public struct MigrateGroup: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Carry a deployment's settings across LISA's breaking changes.",
    subcommands: [MigrateConfig.self, MigratePlan.self, MigrateCheck.self]
  )
  public init() {}
}
