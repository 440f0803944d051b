import ArgumentParser
import Foundation
import LisaKit

struct RagCollectionsGet: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "get", abstract: "Show one collection.",
    discussion: "Exit status: 0 ok, 4 the credential was rejected, 5 no such collection, 69 LISA unreachable.")

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories)) var repository: String
  @Argument(help: "Collection id.", completion: .custom(LiveCompletions.collections)) var collection: String
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json, .id])
    let value = try await session.ragAPI().collection(repository, collection)
    session.output(session.renderer.object(JSONComparison.integral(value), format: format, idKey: "collectionId"))
  }
}
