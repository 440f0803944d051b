import ArgumentParser
import Foundation
import LisaKit

struct RagReposDelete: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete a RAG repository with its collections and documents.",
    discussion: """
      Says what goes with the repository (its collections, its documents, and the S3 objects of those \
      documents) and asks for confirmation on a terminal; elsewhere --yes is required (exit 64 without it). \
      LISA starts its delete state machine; --wait follows the status until the repository is gone. \
      Export it first if it may be needed again: lisa rag repos export ID -f repo.yaml.

      Exit status: 0 ok, 1 the deletion failed or a wait timed out, 2 declined, 4 the credential was \
      rejected, 5 no such repository, 64 --yes needed off a terminal, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories))
  var id: String

  @Flag(name: .customLong("dry-run"), help: "Show what would be deleted; change nothing.")
  var dryRun = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let timeout = session.deadline.remaining
    let api = try await session.ragAPI()
    let repository = try await api.repository(id)
    let collections = (try? await api.collections(id))?.count
    let what =
      "repository '\(id)' (\(repository.type), \(repository.status)) with its \(collections.map(String.init) ?? "")"
      + " collection\(collections == 1 ? "" : "s"), all their documents and the S3 objects of those documents"
    if dryRun {
      session.info("would delete \(what)")
      return
    }
    if repository.status == "DELETE_IN_PROGRESS" {
      session.info("repository '\(id)' is already being deleted")
    } else {
      try session.confirm("Delete \(what)?")
      try await api.delete(id)
      session.info("deleting repository '\(id)'")
    }
    guard waiting.wait else { return }
    try await session.ragWaiter(api, waiting, timeout: timeout).waitGone(id)
    session.info("repository '\(id)' is deleted")
  }
}
