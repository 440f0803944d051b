import ArgumentParser
import Foundation
import LisaKit

struct RagDocs: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docs", abstract: "List and delete documents of a repository.",
    subcommands: [RagDocsList.self, RagDocsDelete.self])
}

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

  @Argument(help: "Repository id.") var repository: String
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

struct RagDocsDelete: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete documents from a repository, with their S3 objects.",
    discussion: """
      LISA deletes each document's S3 object too, even when another repository ingested the same key. \
      Asks for confirmation on a terminal; elsewhere --yes is required.

      Exit status: 0 ok, 1 LISA found none of them, 2 declined, 4 the credential was rejected, 64 --yes \
      needed off a terminal, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id.") var repository: String
  @Argument(help: "Document ids.") var ids: [String]
  @Option(name: .customLong("collection"), help: "The documents' collection.") var collection: String?
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let api = try await session.ragAPI()
    try session.confirm(
      "Delete \(ids.count) document\(ids.count == 1 ? "" : "s") from '\(repository)'? LISA also deletes their S3 objects, "
        + "even where another repository ingested the same object")
    let answer = try await api.deleteDocuments(repository, ids: ids, collection: collection)
    session.info("deleting \(answer["jobs"]?.arrayItems?.count ?? 0) document(s)")
  }
}
