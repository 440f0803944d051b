import ArgumentParser
import LisaKit

struct ModelsApply: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply",
    abstract: "Make the deployment's models match a file: plan, then create, update, recreate.",
    discussion: """
      Reads create requests (the YAML or JSON of lisa models export, or its encrypted .lisabak, which \
      also restores third-party API keys), checks them all, compares them with the deployment and prints \
      a plan: create (missing), update (with each changed field; only what LISA's update can change), \
      recreate (a field the update cannot change, or the model Failed), delete (with --prune, models \
      not in the file), unchanged. Fields the file leaves out are not managed, nor is desiredCapacity \
      (LISA never stores a change of it; it is sent on create only). The container environment is \
      managed as a whole and sent as the whole map LISA replaces the stored one with. A value lisa's \
      rules flag but the model already holds in LISA is kept with a warning, unless the model is created \
      anew.

      The whole plan is checked before the first write: models that need recreating without --recreate \
      (exit 6), or that LISA stores in a form it cannot read, change nothing. Then it runs in an order \
      LISA's status gating allows: deletions (recreations only with --recreate), waiting until those are \
      gone, creations, then updates, each once its model is InService or Stopped. Deleting asks for \
      confirmation (--yes off a terminal); a container change on a running model needs \
      --acknowledge-restart or a yes on a terminal. --wait waits until every created model is InService. \
      It stops at the first error; running it again continues from there, and running it after success \
      changes nothing. --dry-run prints the plan only (exit 0). -o json prints the plan as {items: \
      [{modelId, action, status, note, restartsContainer, changes}], summary}.

      Exit status: 0 done or nothing to do, 1 a model Failed, a wait timed out or a model in the file is \
      one LISA cannot read, 2 declined, 4 the credential was rejected, 6 models need --recreate or a \
      model's status forbids the change, 7 the file breaks LISA's rules, 64 --yes or \
      --acknowledge-restart needed off a terminal, 65 the file is not YAML/JSON or the backup is \
      damaged, 69 LISA unreachable.
      """
  )

  @Option(name: .shortAndLong, help: "Models to apply: YAML/JSON from export, or an export --backup file.", completion: .file())
  var file: String

  @Flag(name: .customLong("dry-run"), help: "Print the plan and change nothing.")
  var dryRun = false

  @Flag(name: .customLong("prune"), help: "Delete models that are not in the file.")
  var prune = false

  @Flag(name: .customLong("recreate"), help: "Delete and create again models whose changes the update route cannot make.")
  var recreate = false

  @Flag(name: .customLong("acknowledge-restart"), help: "Accept that container changes restart running models (an outage).")
  var acknowledgeRestart = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup(title: "Backup encryption") var protection: BackupEncryptionOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    let timeout = session.deadline.remaining
    let path = session.context.resolve(file)
    let shown = session.context.display(path)
    let documents = try await ModelSource.documents(path: path, displayName: shown) { encryption in
      try session.protectionForReading(
        encryption, passphraseFile: protection.passphraseFile, aws: try session.awsClients(config: session.loadConfigIfPresent()))
    }
    let catalog = try await session.modelCatalog()
    let prepared = ModelApplyPlanner.prepare(documents, listing: try await catalog.list(), prune: prune, fileName: shown)
    try session.requireNoErrors(prepared.diagnostics, what: shown)
    prepared.notes.forEach(session.warn)
    let plan = prepared.plan
    session.output(format == .table ? plan.text : session.renderer.object(plan.json, format: format))
    if dryRun || !plan.hasChanges {
      if !plan.hasChanges { session.info("nothing to do: the deployment matches \(shown)") }
      return
    }
    try prepared.requireRunnable(recreate: recreate)
    let deletions = prepared.deletions(recreate: recreate)
    if !deletions.isEmpty {
      try session.confirm(
        "Delete \(deletions.count) model\(deletions.count == 1 ? "" : "s") (\(deletions.map(\.modelId).joined(separator: ", ")))?"
      )
    }
    for item in prepared.restarts {
      try session.acknowledgeRestart(item.modelId, acknowledged: acknowledgeRestart)
    }
    let applier = ModelApplier(
      api: catalog.api, waiter: session.waiter(catalog, waiting), recreate: recreate, waitForReady: waiting.wait,
      timeout: timeout, progress: session.progressLine)
    let outcome = try await applier.apply(plan)
    session.info(
      "applied: \(outcome.created.count) created, \(outcome.updated.count) updated, \(outcome.deleted.count) deleted"
        + (outcome.settledUnchanged.isEmpty ? "" : ", \(outcome.settledUnchanged.count) already matching once settled"))
  }
}
