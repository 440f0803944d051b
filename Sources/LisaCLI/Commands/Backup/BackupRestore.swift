import ArgumentParser
import Foundation
import LisaKit

struct BackupRestore: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Re-create what a backup holds and the deployment lacks: plan first, then restore, resumably.",
    discussion: """
      The file is checked (structure, checksums) and its key proven before anything is read from the \
      target: a wrong passphrase, a truncated file or a changed byte is refused with one line and nothing \
      is restored. Then a plan per section (what is missing, what exists and is the same, what differs) \
      and the restore in dependency order: config files into the config directory, models through \
      models apply's planner and applier (with their API keys), RAG repositories through rag repos \
      apply's (each waited for until ready) and then their collections, missing by name, tokens through keys \
      import (into a v6.1 table converted as keys migrate converts them; --default-expiration for tokens \
      without one; expired tokens come back as they were unless --skip-expired). Differing items are kept \
      unless --overwrite; nothing is deleted. --dry-run prints the plan only.

      The restore is journalled in lisa's local state: killed at any point and run again with the same \
      options, it continues and ends as an uninterrupted run. A backup of another deployment is refused \
      unless --to-deployment names the target's deploymentName; its config files are then left out (they \
      name the other deployment), and --only config is refused.

      Exit codes: 0 restored or nothing to do; 3 some tokens did not make it; 4 passphrase or credentials; \
      5 file, table or section not found; 6 another deployment, or an interrupted run with other options; \
      7 a model breaks LISA's rules; 65 damaged backup; 69 LISA unreachable.
      """
  )

  @Argument(help: "The *.lisabak file.", completion: .file(extensions: ["lisabak"]))
  var file: String

  @Option(name: .customLong("only"), help: "Sections to restore, comma-separated: config, models, rag, keys.")
  var only: String?

  @Option(
    name: .customLong("to-deployment"),
    help: "Restore a backup of another deployment into this one (its deploymentName, as a confirmation).")
  var toDeployment: String?

  @Flag(name: .customLong("dry-run"), help: "Print the plan; change nothing.")
  var dryRun = false

  @Option(
    name: .customLong("passphrase-file"), help: "Read the backup passphrase from this file, or '-' for stdin.",
    completion: .file())
  var passphraseFile: String?

  @Option(name: .customLong("model-table"), help: "LISA's models table (env: LISA_MODEL_TABLE; else SSM).")
  var modelTable: String?

  @Option(name: .customLong("to-table"), help: "Token table to restore into (default: the deployment's v6 table).")
  var toTable: String?

  @OptionGroup(title: "Token options") var write: TokenWriteOptions
  @OptionGroup(title: "Token options") var expired: SkipExpiredOption
  @OptionGroup(title: "Waiting for models") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let ctx = session.context
    let path = try session.existingBackup(file)
    let shown = ctx.display(path)
    let reader = try BackupReader(path: path, displayName: shown)
    let metadata = reader.metadata
    let deployment = try session.backupDeployment()
    let decided = try RestoreTarget.decide(
      available: DeploymentBackup.sections(of: metadata), source: metadata.source.deployment, displayName: shown, only: only,
      configured: deployment.names.deploymentName, confirmed: toDeployment)
    let target = decided.deployment
    let protection = try session.protectionForReading(
      metadata.encryption, passphraseFile: passphraseFile, aws: try deployment.aws())
    let backup = try await reader.unlock(with: protection)
    let state = try StateStore(context: ctx)
    var restorers: [any SectionRestorer] = []
    for section in decided.sections {
      restorers.append(
        try await restorer(section, session: session, deployment: deployment, protection: protection, path: path, state: state))
    }
    let restore = DeploymentRestore(
      backupPath: path, target: "deployment:\(target)", restorers: restorers, overwrite: write.overwrite, state: state,
      context: ctx)
    let plans = try await restore.plan(backup)
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    if format == .table {
      var lines = dryRun ? ["dry run: nothing restored; from \(shown):"] : []
      lines += decided.leftOut
      for plan in plans {
        lines.append(
          "\(plan.section.rawValue): \(plan.missing) missing, \(plan.same) the same, \(plan.differs) differ"
            + (plan.skipped > 0 ? ", \(plan.skipped) skipped" : ""))
        lines += plan.lines.map { "  " + $0 }
      }
      session.output(lines.joined(separator: "\n") + "\n")
    }
    let planJSON = JSONValue.array(plans.map(\.json))
    let leftOutJSON = JSONValue.array(decided.leftOut.map { .string($0) })
    if dryRun {
      if format != .table {
        session.output(
          session.renderer.object(
            .object([("dryRun", .bool(true)), ("plan", planJSON), ("leftOut", leftOutJSON)]), format: format))
      }
      return
    }
    let summary = try await restore.run(backup, log: session.infoSink)
    let counts = summary.counts.sorted { $0.key < $1.key }
    for problem in summary.problems.prefix(20) { session.warn(problem) }
    try session.report(
      summary: "restored \(shown) into \(target): "
        + counts.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "; \(ProgressMeter.duration(summary.elapsed))",
      json: .object([
        ("run", .int(Int(summary.runId))), ("resumed", .bool(summary.resumed)), ("plan", planJSON), ("leftOut", leftOutJSON),
        ("counts", .object(counts.map { ($0.key, .int($0.value)) })),
        ("problems", .array(summary.problems.map { .string($0) })),
      ]))
    guard summary.problems.isEmpty else {
      throw LisaError(.partial, "\(summary.problems.count) items did not make it", hint: "see the lines above; run it again")
    }
  }
}
