import ArgumentParser

public struct RagGroup: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "rag",
    abstract: "Manage LISA RAG repositories and collections.",
    subcommands: []
  )
  public init() {}
}
