import ArgumentParser
import Foundation
import LisaKit

struct RagReposUpdate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract: "Change a RAG repository's name, description, groups, metadata or pipelines.",
    discussion: """
      Reads the fields to change (YAML or JSON: repositoryName, description, embeddingModelId, \
      allowedGroups, metadata, pipelines, bedrockKnowledgeBaseConfig) and checks them before sending. \
      pipelines replaces the whole list; a pipeline field the file leaves out keeps its stored value. \
      Changing autoRemove, collectionId, s3Bucket, s3Prefix or trigger of an existing pipeline is \
      refused (LISA needs a new pipeline for it), as is changing type or the vector store's config. When \
      the pipelines change LISA redeploys (UPDATE_IN_PROGRESS); --wait follows that. --redeploy sends the \
      stored pipelines (for a Bedrock Knowledge Base repository its knowledge base config) back as they \
      are, which is how LISA v6.0 gives an older Bedrock KB repository its collections.

      Exit status: 0 ok, 1 the update failed or a wait timed out, 4 the credential was rejected, 5 no such \
      repository, 7 the change breaks LISA's rules, 65 the file is not YAML/JSON, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories))
  var id: String

  @Option(name: .shortAndLong, help: "The fields to change (YAML or JSON).", completion: .file())
  var file: String?

  @Flag(
    name: .customLong("redeploy"),
    help: "Send the stored pipelines (Bedrock KB: the knowledge base config) back unchanged, so LISA redeploys them.")
  var redeploy = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func validate() throws {
    guard (file != nil) != redeploy else { throw ValidationError("give either -f FILE or --redeploy") }
  }

  func run(_ session: Session) async throws {
    let timeout = session.deadline.remaining
    let api = try await session.ragAPI()
    let current = try await api.repository(id)
    let body: JSONValue
    if let file {
      let definition = try session.ragDefinition(file)
      body = try session.requireValid(
        RagRules.checkUpdate(definition.request, current: current, locate: definition.locate), what: definition.origin)
    } else {
      body = try RagRules.redeployBody(current)
    }
    let answer = try await api.update(id, body: body)
    let redeploys = answer["executionArn"] != nil
    session.info("updated repository '\(id)'\(redeploys ? "; its pipelines are being deployed" : "")")
    guard waiting.wait, redeploys else { return }
    let ready = try await session.ragWaiter(api, waiting, timeout: timeout).waitReady(id)
    session.info("repository '\(id)' is \(ready.status)")
  }
}
