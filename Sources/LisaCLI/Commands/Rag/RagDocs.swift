import ArgumentParser
import Foundation
import LisaKit

struct RagDocs: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docs", abstract: "List and delete documents of a repository.",
    subcommands: [RagDocsList.self, RagDocsDelete.self])
}
