import ArgumentParser
import Foundation
import LisaKit

struct RagReposCreate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create a RAG repository from a definition file.",
    discussion: """
      Reads one VectorStoreConfig (YAML or JSON) and checks it before sending: the id (3-20 of a-z, 0-9, \
      '-', not starting or ending with '-'), the config its type needs (opensearchConfig, rdsConfig, \
      bedrockKnowledgeBaseConfig), each pipeline's trigger (event or schedule; LISA's API refuses \
      'daily'), s3Prefix, chunking (a chunkingStrategy, or chunkSize and chunkOverlap together; size \
      100-10000, overlap at most half) and tags. Each problem is one line with file, line and field; \
      nothing is sent then (exit 7). LISA starts a deployment: the repository is CREATE_IN_PROGRESS; \
      --wait follows it to CREATE_COMPLETE, or exits 1 with the reason on CREATE_FAILED.

      Exit status: 0 ok, 1 the creation failed or a wait timed out, 4 the credential was rejected, 6 the id \
      exists, 7 the definition breaks LISA's rules, 65 the file is not YAML/JSON, 69 LISA unreachable.
      """
  )

  @Option(name: .shortAndLong, help: "The repository definition (YAML or JSON).", completion: .file())
  var file: String

  @Flag(name: .customLong("dry-run"), help: "Check the definition and print the request; send nothing.")
  var dryRun = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let timeout = session.deadline.remaining
    let definition = try session.ragDefinition(file)
    let checked = RagRules.checkRepository(definition.request, locate: definition.locate)
    let body = try session.requireValid(checked, what: definition.origin)
    let id = body["repositoryId"]?.stringValue ?? ""
    if dryRun {
      session.output(session.renderer.object(body, format: try session.format(default: .yaml, allowed: [.yaml, .json])))
      return
    }
    let api = try await session.ragAPI()
    if try await api.repositories().contains(where: { $0.id == id }) {
      throw LisaError(.conflict, "repository '\(id)' already exists", hint: "change it with lisa rag repos update or apply")
    }
    try await api.create(body)
    session.info("creating repository '\(id)'")
    guard waiting.wait else { return }
    let ready = try await session.ragWaiter(api, waiting, timeout: timeout).waitReady(id)
    session.info("repository '\(id)' is \(ready.status)")
  }
}
