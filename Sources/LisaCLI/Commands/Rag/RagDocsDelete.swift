import ArgumentParser
import Foundation
import LisaKit

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

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories)) var repository: String
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
