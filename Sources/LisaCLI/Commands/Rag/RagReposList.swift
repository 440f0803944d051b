import ArgumentParser
import Foundation
import LisaKit

struct RagReposList: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List RAG repositories with their type, embedding model and status.",
    discussion: """
      Shows every repository the credential may see (GET /repository), sorted by id. -o json prints one \
      object per repository: repositoryId, repositoryName, type, embeddingModelId, pipelines (how many), \
      allowedGroups, status; -o id prints the ids. No repositories is not an error.

      Exit status: 0 ok, 4 the credential was rejected, 69 LISA unreachable.
      """
  )

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .jsonl, .id])
    let repositories = try await session.ragAPI().repositories().sorted { $0.id < $1.id }
    let rows = repositories.map(\.summary)
    if format == .table {
      if !rows.isEmpty { session.output(session.renderer.table(rows, columns: RagStyle.repositoryColumns)) }
      session.info("\(rows.count) repositor\(rows.count == 1 ? "y" : "ies")")
    } else {
      session.output(session.renderer.list(rows, format: format, columns: RagStyle.repositoryColumns, idKey: "repositoryId"))
    }
  }
}
