import ArgumentParser
import Foundation
import LisaKit

struct RagReposApply: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply",
    abstract: "Make the deployment's repositories match a file: plan, then create and update.",
    discussion: """
      Reads repository definitions (what rag repos export writes), checks them all as rag repos create \
      does, compares them with the deployment and prints a plan: create, update (with each changed \
      field), recreate (the type or the vector store's config changed, or the repository failed: it \
      must be deleted and created again, which deletes its documents; only with --recreate), delete (with \
      --prune, repositories not in the file), unchanged. Fields a definition leaves out are not managed; \
      numbers compare by value (LISA answers 512.0 for 512), so applying the same file twice changes \
      nothing. A pipeline change LISA would refuse (an immutable field of an existing pipeline) stops the \
      whole apply before its first write. Deleting asks for confirmation (--yes off a terminal). --wait \
      waits until created and updated repositories are ready. --dry-run prints the plan only. -o json \
      prints the plan as {items: [{repositoryId, action, status, note, refusal, changes}], summary}.

      Exit status: 0 done or nothing to do, 1 a repository failed or a wait timed out, 2 declined, 4 the \
      credential was rejected, 6 repositories need --recreate, 7 a definition breaks LISA's rules, 64 \
      --yes needed off a terminal, 65 the file is not YAML/JSON, 69 LISA unreachable.
      """
  )

  @Option(name: .shortAndLong, help: "Repository definitions (YAML or JSON).", completion: .file())
  var file: String

  @Flag(name: .customLong("dry-run"), help: "Print the plan and change nothing.")
  var dryRun = false

  @Flag(name: .customLong("prune"), help: "Delete repositories that are not in the file.")
  var prune = false

  @Flag(name: .customLong("recreate"), help: "Delete and create again repositories the update cannot change.")
  var recreate = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    let timeout = session.deadline.remaining
    let path = session.context.resolve(file)
    let shown = session.context.display(path)
    let definitions = try RagDefinitionFile.load(path: path, displayName: shown)
    let api = try await session.ragAPI()
    let prepared = RagApplyPlanner.prepare(definitions, current: try await api.repositories(), prune: prune, fileName: shown)
    try session.requireNoErrors(prepared.diagnostics, what: shown)
    try await session.runRagApply(
      prepared, api: api, format: format, dryRun: dryRun, recreate: recreate, waiting: waiting, timeout: timeout, source: shown)
  }
}

extension Session {
  /// Prints the plan, then (unless a dry run or nothing to do) confirms deletions and carries it out:
  /// shared by rag repos apply and rag migrate-yaml.
  func runRagApply(
    _ prepared: PreparedRagApply, api: RagAPI, format: OutputFormat, dryRun: Bool, recreate: Bool,
    waiting: ModelWaitOptions, timeout: TimeInterval, source: String, confirmation: String? = nil
  ) async throws {
    let plan = prepared.plan
    output(format == .table ? plan.text : renderer.object(plan.json, format: format))
    if !plan.hasChanges {
      info("nothing to do: the deployment matches \(source)")
      return
    }
    try plan.requireRunnable(recreate: recreate)
    if dryRun { return }
    if let confirmation { try confirm(confirmation) }
    let deletions = prepared.deletions(recreate: recreate)
    if !deletions.isEmpty {
      let ids = deletions.map(\.repositoryId).joined(separator: ", ")
      try confirm(
        "Delete \(deletions.count) repositor\(deletions.count == 1 ? "y" : "ies") (\(ids)) with their collections, "
          + "documents and the S3 objects of those documents?")
    }
    let applier = RagRepositoryApplier(
      api: api, waiter: ragWaiter(api, waiting, timeout: timeout), recreate: recreate, waitForReady: waiting.wait,
      progress: progressLine)
    let outcome = try await applier.apply(plan)
    info("applied: \(outcome.created.count) created, \(outcome.updated.count) updated, \(outcome.deleted.count) deleted")
  }
}
