import ArgumentParser

public struct BackupGroup: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Back up a deployment (config, models, RAG, tokens) to one file and restore it.",
    subcommands: [BackupCreate.self, BackupList.self, BackupShow.self, BackupVerify.self, BackupRestore.self]
  )
  public init() {}
}
