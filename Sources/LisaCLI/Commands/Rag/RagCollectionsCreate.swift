import ArgumentParser
import Foundation
import LisaKit

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

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories)) var repository: String
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
