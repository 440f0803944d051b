import ArgumentParser
import Foundation
import LisaKit

struct RagSearch: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search a repository: the best matching chunks with their document.",
    discussion: """
      Runs LISA's similarity search (GET /repository/REPO/similaritySearch) in a collection, or with the \
      repository's embedding model in its default collection. Prints a table of score (with --score), \
      document and an excerpt; -o json prints {score, document, source, content} per result.

      Exit status: 0 ok (also no results), 4 the credential was rejected, 5 no such repository, 7 LISA \
      refused the search, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories)) var repository: String
  @Argument(help: "The query text.") var query: String
  @Option(name: .customLong("top-k"), help: "How many results (1-100).") var topK = 3
  @Option(name: .customLong("collection"), help: "Collection id.") var collection: String?
  @Flag(name: .customLong("score"), help: "Ask LISA for similarity scores.") var score = false
  @OptionGroup var globals: GlobalOptions

  func validate() throws {
    guard (1...100).contains(topK) else { throw ValidationError("--top-k must be between 1 and 100") }
    guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the query must not be empty") }
  }

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .jsonl])
    let api = try await session.ragAPI()
    let found = try await api.repository(repository)
    let model = collection == nil ? found.json["embeddingModelId"]?.stringValue : nil
    if collection == nil, model == nil {
      throw LisaError(.usage, "repository '\(repository)' has no embeddingModelId; name a collection with --collection")
    }
    let docs = try await api.search(repository, query: query, topK: topK, collection: collection, model: model, score: score)
    let rows = docs.map { doc -> JSONValue in
      let document = doc["Document"] ?? doc
      let metadata = document["metadata"] ?? .object([])
      let content = document["page_content"]?.stringValue ?? ""
      let source = metadata["source"]?.stringValue ?? ""
      return .object([
        ("score", metadata["similarity_score"] ?? .null),
        ("document", .string(metadata["document_id"]?.stringValue ?? (source as NSString).lastPathComponent)),
        ("source", .string(source)),
        ("content", .string(content)),
        ("excerpt", .string(Self.excerpt(content))),
      ])
    }
    if format == .table {
      var columns = [Column("DOCUMENT", key: "document"), Column("EXCERPT", key: "excerpt")]
      if score { columns.insert(Column("SCORE", key: "score"), at: 0) }
      if !rows.isEmpty { session.output(session.renderer.table(rows, columns: columns)) }
      session.info("\(rows.count) result\(rows.count == 1 ? "" : "s")")
    } else {
      session.output(
        session.renderer.list(rows.map { $0.setting("excerpt", nil) }, format: format, columns: [], idKey: "document"))
    }
  }

  static func excerpt(_ text: String) -> String {
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return line.count > 80 ? String(line.prefix(79)) + "…" : line
  }
}
