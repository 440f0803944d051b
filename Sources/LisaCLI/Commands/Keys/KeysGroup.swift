import ArgumentParser

public struct KeysGroup: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "Manage and migrate API keys: LISA's token table and API, and key files.",
    subcommands: []
  )
  public init() {}
}
