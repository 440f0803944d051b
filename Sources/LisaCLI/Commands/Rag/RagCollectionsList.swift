import ArgumentParser
import Foundation
import LisaKit

struct RagCollectionsList: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the collections of one repository, or of all.",
    discussion: """
      Follows LISA's page cursor until the last page. Without REPO, lists the collections of every \
      repository the credential may see through LISA's cross-repository listing (GET /repository/collections), \
      grouped by repository. -o json prints LISA's collection objects; -o id the collection ids.

      Exit status: 0 ok, 4 the credential was rejected, 5 no such repository, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id (default: every repository).", completion: .custom(LiveCompletions.repositories))
  var repository: String?

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .jsonl, .id])
    let api = try await session.ragAPI()
    let listed: [JSONValue]
    if let repository {
      listed = try await api.collections(try await api.repository(repository).id)
    } else {
      listed = try await api.allCollections()
    }
    let rows = listed.map(JSONComparison.integral)
    if format == .table {
      if !rows.isEmpty { session.output(session.renderer.table(rows, columns: RagCollectionStyle.columns)) }
      session.info("\(rows.count) collection\(rows.count == 1 ? "" : "s")")
    } else {
      session.output(session.renderer.list(rows, format: format, columns: RagCollectionStyle.columns, idKey: "collectionId"))
    }
  }
}
