import ArgumentParser
import Foundation
import LisaKit

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

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories)) var repository: String
  @Argument(help: "Collection id.", completion: .custom(LiveCompletions.collections)) var collection: String
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
