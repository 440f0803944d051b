import ArgumentParser
import Foundation
import LisaKit

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

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories)) var repository: String
  @Argument(help: "Collection id.", completion: .custom(LiveCompletions.collections)) var collection: String
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
