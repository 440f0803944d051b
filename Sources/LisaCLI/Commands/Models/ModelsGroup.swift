import ArgumentParser

public struct ModelsGroup: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "models",
    abstract: "Manage models through LISA's Model Management API.",
    subcommands: []
  )
  public init() {}
}
