import ArgumentParser
import Foundation
import LisaKit

struct RagDocsList: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List a repository's documents, following LISA's page cursor.",
    discussion: """
      Asks for pages of up to 100 documents and follows lastEvaluated until the last page (or --limit). \
      -o json prints LISA's document objects; -o id the document ids.

      Exit status: 0 ok, 4 the credential was rejected, 5 no such repository, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories)) var repository: String
  @Option(name: .customLong("collection"), help: "Only this collection.") var collection: String?
  @Option(name: .customLong("limit"), help: "Print at most this many documents.") var limit: Int?
  @OptionGroup var globals: GlobalOptions

  static let columns = [
    Column("ID", key: "document_id"), Column("NAME", key: "document_name"), Column("COLLECTION", key: "collection_id"),
    Column("CHUNKS", key: "chunks"), Column("SOURCE", key: "source"),
  ]

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .jsonl, .id])
    if let limit, limit < 1 { throw LisaError.usage("--limit must be at least 1") }
    let api = try await session.ragAPI()
    _ = try await api.repository(repository)
    let documents = try await api.documents(repository, collection: collection, limit: limit).map(JSONComparison.integral)
    if format == .table {
      if !documents.isEmpty { session.output(session.renderer.table(documents, columns: Self.columns)) }
      session.info("\(documents.count) document\(documents.count == 1 ? "" : "s")")
    } else {
      session.output(session.renderer.list(documents, format: format, columns: Self.columns, idKey: "document_id"))
    }
  }
}
