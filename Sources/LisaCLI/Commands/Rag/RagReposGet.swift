import ArgumentParser
import Foundation
import LisaKit

struct RagReposGet: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "get",
    abstract: "Show one RAG repository as LISA stores it.",
    discussion: """
      Prints the repository (GET /repository/ID) with its status, as YAML; -o json for scripts. Numbers \
      LISA stored as floats are printed as the integers they are. LISA answers a missing id with a 500; \
      lisa checks the listing and exits 5 when the repository does not exist.

      Exit status: 0 ok, 1 LISA failed, 4 the credential was rejected, 5 no such repository, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories))
  var id: String

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json, .id])
    let repository = try await session.ragAPI().repository(id)
    session.output(session.renderer.object(repository.shown, format: format, idKey: "repositoryId"))
  }
}
