import ArgumentParser

public struct KeysGroup: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "Manage and migrate API keys: LISA's token table and API, and key files.",
    subcommands: [
      KeysCreate.self, KeysList.self, KeysShow.self, KeysRotate.self, KeysRevoke.self, KeysCheck.self,
      KeysExport.self, KeysImport.self, KeysMigrate.self, KeysVerify.self,
    ]
  )
  public init() {}
}
