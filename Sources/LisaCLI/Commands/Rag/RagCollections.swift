import ArgumentParser
import Foundation
import LisaKit

struct RagCollections: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "collections",
    abstract: "List, show, create, change and delete collections of RAG repositories.",
    subcommands: [
      RagCollectionsList.self, RagCollectionsGet.self, RagCollectionsCreate.self, RagCollectionsUpdate.self,
      RagCollectionsDelete.self,
    ]
  )
}

enum RagCollectionStyle {
  static let columns = [
    Column("REPOSITORY", key: "repositoryId"), Column("ID", key: "collectionId"), Column("NAME", key: "name"),
    Column("EMBEDDING MODEL", key: "embeddingModel"), Column("DEFAULT", key: "default"),
    Column("STATUS", key: "status", style: RagStyle.status),
  ]
}

struct RagCollectionsList: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the collections of one repository, or of all.",
    discussion: """
      Follows LISA's page cursor until the last page. Without REPO, lists the collections of every \
      repository the credential may see. -o json prints LISA's collection objects; -o id the collection ids.

      Exit status: 0 ok, 4 the credential was rejected, 5 no such repository, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id (default: every repository).")
  var repository: String?

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .jsonl, .id])
    let api = try await session.ragAPI()
    var ids = [String]()
    if let repository {
      ids = [try await api.repository(repository).id]
    } else {
      ids = try await api.repositories().map(\.id).sorted()
    }
    var rows: [JSONValue] = []
    for id in ids { rows += try await api.collections(id).map(JSONComparison.integral) }
    if format == .table {
      if !rows.isEmpty { session.output(session.renderer.table(rows, columns: RagCollectionStyle.columns)) }
      session.info("\(rows.count) collection\(rows.count == 1 ? "" : "s")")
    } else {
      session.output(session.renderer.list(rows, format: format, columns: RagCollectionStyle.columns, idKey: "collectionId"))
    }
  }
}

struct RagCollectionsGet: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "get", abstract: "Show one collection.",
    discussion: "Exit status: 0 ok, 4 the credential was rejected, 5 no such collection, 69 LISA unreachable.")

  @Argument(help: "Repository id.") var repository: String
  @Argument(help: "Collection id.") var collection: String
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json, .id])
    let value = try await session.ragAPI().collection(repository, collection)
    session.output(session.renderer.object(JSONComparison.integral(value), format: format, idKey: "collectionId"))
  }
}

struct RagCollectionsCreate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create a collection in a repository from a definition file.",
    discussion: """
      Reads a RagCollectionConfig (YAML or JSON: name, description, embeddingModel, chunkingStrategy, \
      allowChunkingOverride, metadata, allowedGroups, pipelines) and checks it first: the name (at most \
      100 letters, digits, spaces, '-' and '_'), chunking bounds, tags. Prints the new collection; -o id \
      its id. embeddingModel cannot change later.

      Exit status: 0 ok, 4 the credential was rejected, 5 no such repository, 7 the definition breaks \
      LISA's rules (or LISA refused it), 65 the file is not YAML/JSON, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id.") var repository: String
  @Option(name: .shortAndLong, help: "The collection definition (YAML or JSON).", completion: .file()) var file: String
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json, .id])
    let definition = try session.ragDefinition(file)
    let body = try session.requireValid(
      RagRules.checkCollection(definition.request, locate: definition.locate), what: definition.origin)
    let created = try await session.ragAPI().createCollection(repository, body: body)
    session.output(session.renderer.object(JSONComparison.integral(created), format: format, idKey: "collectionId"))
  }
}

struct RagCollectionsUpdate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract: "Change a collection's name, description, chunking, groups, metadata or pipelines.",
    discussion: """
      Reads the fields to change (YAML or JSON). embeddingModel is immutable after create: LISA would \
      silently keep the old one, so a different value is refused here (exit 7); the same value is left out.

      Exit status: 0 ok, 4 the credential was rejected, 5 no such collection, 7 the change breaks LISA's \
      rules, 65 the file is not YAML/JSON, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id.") var repository: String
  @Argument(help: "Collection id.") var collection: String
  @Option(name: .shortAndLong, help: "The fields to change (YAML or JSON).", completion: .file()) var file: String
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json, .id])
    let definition = try session.ragDefinition(file)
    let api = try await session.ragAPI()
    let current = try await api.collection(repository, collection)
    let body = try session.requireValid(
      RagRules.checkCollectionUpdate(definition.request, current: current, locate: definition.locate),
      what: definition.origin)
    let updated = try await api.updateCollection(repository, collection, body: body)
    session.output(session.renderer.object(JSONComparison.integral(updated), format: format, idKey: "collectionId"))
  }
}

struct RagCollectionsDelete: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete a collection and its documents.",
    discussion: """
      LISA marks the collection DELETE_IN_PROGRESS and a job removes its documents (with their S3 \
      objects), then the collection. --hard sends LISA's documented hardDelete=true; LISA v6.6.0's handler \
      does not read it and deletes the same way. Asks for confirmation on a terminal; elsewhere --yes.

      Exit status: 0 ok, 2 declined, 4 the credential was rejected, 5 no such collection, 64 --yes needed \
      off a terminal, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id.") var repository: String
  @Argument(help: "Collection id.") var collection: String
  @Flag(name: .customLong("hard"), help: "Ask for a hard delete (hardDelete=true).") var hard = false
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let api = try await session.ragAPI()
    let current = try await api.collection(repository, collection)
    let name = current["name"]?.stringValue.map { " '\($0)'" } ?? ""
    try session.confirm(
      "Delete collection \(collection)\(name) of repository '\(repository)' with its documents and their S3 objects?")
    let answer = try await api.deleteCollection(repository, collection, hard: hard)
    if hard { session.warn("LISA v6.6.0 does not read hardDelete; the collection is deleted as any other") }
    session.info("deleting collection \(collection) (job \(answer["jobId"]?.plainText ?? "?"))")
  }
}
