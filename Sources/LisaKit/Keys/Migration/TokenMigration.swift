import Foundation

/// `lisa keys migrate`: export the source table to a backup, import it into the target, verify the
/// target, all in one pass over the source; `lisa keys import` is the import and the verification of a
/// backup (`source` nil, the backup given).
/// Journalled in the state database: run again after any interruption and it continues from where it
/// stopped, with the same run start time, options and backup, so the result is the same.
public struct TokenMigration: Sendable {
  /// Where a run stands, as its journal records it.
  public enum Phase: String, Sendable {
    /// The one pass: scan into the backup, importing and verifying each page as it comes.
    case export
    /// From a complete backup: `keys import`, or a migration whose backup was finished before it stopped.
    case `import`
    case verify
  }

  /// What a run reports as it goes, for the caller to render (`TokenMigrationMeters` draws a bar per phase).
  public enum Progress: Sendable {
    /// A phase begins; `total` is how many tokens it goes through, when known.
    case began(Phase, total: Int?)
    case advanced(Phase, by: Int)
    case ended(Phase)
  }

  public static let runKind = "keys-migrate"
  public static let importKind = "keys-import"

  public var dynamo: DynamoDBClient
  public var region: String
  /// The table to export; nil to import an existing backup.
  public var source: String?
  public var target: String
  public var targetFormat: LisaTokenFormat
  public var options: TokenImportOptions
  public var overwrite: Bool
  public var state: StateStore
  public var protection: any BackupProtection
  /// Where to write the backup when this is a new run; a resumed run keeps its own.
  public var backupPath: String
  public var context: LisaContext

  public init(
    dynamo: DynamoDBClient, region: String, source: String?, target: String, targetFormat: LisaTokenFormat,
    options: TokenImportOptions, overwrite: Bool, state: StateStore, protection: any BackupProtection, backupPath: String,
    context: LisaContext
  ) {
    self.dynamo = dynamo
    self.region = region
    self.source = source
    self.target = target
    self.targetFormat = targetFormat
    self.options = options
    self.overwrite = overwrite
    self.state = state
    self.protection = protection
    self.backupPath = backupPath
    self.context = context
  }

  public struct Summary: Sendable {
    public var runId: Int64
    public var resumed: Bool
    public var backupPath: String
    public var exported: Int?
    public var counts: TokenImportCounts
    public var verification: TokenVerification
    public var elapsed: TimeInterval
    public var succeeded: Bool { counts.failed == 0 && verification.succeeded }
  }

  /// The options that decide what gets written; a resumed run must use the same ones.
  var parameters: [String: String] {
    [
      "format": targetFormat.rawValue, "defaultExpiration": options.defaultExpiration.map { String(Int($0)) } ?? "",
      "includeExpired": String(options.includeExpired), "username": options.username,
      "groups": options.groups.joined(separator: ","),
      "namePrefix": options.namePrefix, "overwrite": String(overwrite),
    ]
  }

  public func run(
    log: @escaping @Sendable (String) -> Void, progress: @escaping @Sendable (Progress) -> Void = { _ in }
  ) async throws -> Summary {
    let started = context.now()
    var parameters = parameters
    parameters["createdBy"] = options.createdBy
    let start = try state.startOrResume(
      kind: runKey.kind, source: runKey.source, target: runKey.target, parameters: parameters,
      phase: (source == nil ? Phase.import : .export).rawValue)
    let run = start.run
    var phase = Phase(rawValue: run.phase) ?? .export
    if start.resumed {
      let changed = self.parameters.keys.sorted().filter { run.parameters[$0] != self.parameters[$0] }
      if !changed.isEmpty {
        throw LisaError(
          .conflict,
          "run \(run.id) from \(ISO8601DateFormatter().string(from: run.startedAt)) was interrupted with other options (\(changed.joined(separator: ", ")))",
          hint: "run again with the same options to finish it, or pass --restart to abandon it")
      }
      log("resuming run \(run.id) from \(ISO8601DateFormatter().string(from: run.startedAt)) at its \(phase.rawValue) phase")
    }
    let lease = try state.lease(run.id)
    defer { withExtendedLifetime(lease) {} }
    var importOptions = options
    importOptions.runStartedAt = run.startedAt
    importOptions.createdBy = run.parameters["createdBy"] ?? options.createdBy

    let backup = run.backupPath ?? backupPath
    if run.backupPath == nil { try state.attachBackup(path: backup, to: run.id) }
    func finished(exported: Int?, verification: TokenVerification) throws -> Summary {
      let counts = try TokenImportCounts.from(state: state, runId: run.id)
      let summary = Summary(
        runId: run.id, resumed: start.resumed, backupPath: backup, exported: exported, counts: counts,
        verification: verification, elapsed: context.now().timeIntervalSince(started))
      try state.finish(run.id, outcome: summary.succeeded ? .succeeded : .partial, counts: counts.journal)
      return summary
    }
    if phase == .export, let source {
      if !FileIO.exists(backup) {
        let pass = try await copyInOnePass(source, backup: backup, runId: run.id, options: importOptions, progress: progress)
        return try finished(exported: pass.exported, verification: pass.verification)
      }
      log("using the backup \(context.display(backup)) the interrupted run already wrote")
      try state.advance(run.id, to: Phase.import.rawValue)
      phase = .import
    }

    let reader = try BackupReader(path: backup, displayName: context.display(backup))
    let unlocked = try await reader.unlock(with: protection)
    let total = reader.metadata.counts.kinds[TokenBackup.kind]?.total ?? 0
    if phase == .import {
      progress(.began(.import, total: total))
      let importer = TokenImporter(
        dynamo: dynamo, table: target, options: importOptions, overwrite: overwrite, state: state, runId: run.id)
      let counts = try await importer.run(
        unlocked.records(kind: TokenBackup.kind), progress: { progress(.advanced(.import, by: $0)) })
      progress(.ended(.import))
      try state.advance(run.id, to: Phase.verify.rawValue, counts: counts.journal)
    }

    progress(.began(.verify, total: total))
    let verifier = TokenVerifier(dynamo: dynamo, table: target, format: targetFormat, now: context.now())
    let verification = try await verifier.verify(
      unlocked.records(kind: TokenBackup.kind), progress: { progress(.advanced(.verify, by: $0)) })
    progress(.ended(.verify))
    return try finished(exported: nil, verification: verification)
  }

  public var kind: String { source == nil ? Self.importKind : Self.runKind }

  /// An interrupted `keys migrate` run from one of `sources` (journal labels, `dynamodb:REGION/TABLE`)
  /// whose backup was finished: what can continue when the source table is gone. A backup file exists
  /// only once complete (the writer renames it into place at the end).
  public static func interruptedRunWithCompleteBackup(state: StateStore, sources: [String]) throws -> Run? {
    try state.recentRuns(limit: 500).first { run in
      run.kind == runKind && run.endedAt == nil && sources.contains(run.source) && (run.backupPath.map(FileIO.exists) ?? false)
    }
  }

  /// What identifies this migration in the journal: an unfinished run with the same key is resumed.
  public struct RunKey: Sendable, Equatable {
    public var kind: String
    public var source: String
    public var target: String

    /// The interrupted run with this key, if any.
    public func unfinished(in state: StateStore) throws -> Run? {
      try state.unfinishedRun(kind: kind, source: source, target: target)
    }
  }

  public var runKey: RunKey { RunKey(kind: kind, source: sourceLabel, target: "dynamodb:\(region)/\(target)") }

  /// What the journal calls the source: the table, or for an import the backup file.
  public var sourceLabel: String { source.map { "dynamodb:\(region)/\($0)" } ?? "backup:\(backupPath)" }

  /// Scans the source into the backup and imports and verifies each page as it comes (`TokenCopyPipeline`):
  /// one read of the source and one write and read-back of the target. Killed midway, it leaves no backup
  /// file and the journal holds what was written, so the next run makes the pass again and passes over those.
  func copyInOnePass(
    _ source: String, backup: String, runId: Int64, options: TokenImportOptions,
    progress: @escaping @Sendable (Progress) -> Void
  ) async throws -> (exported: Int, verification: TokenVerification) {
    let importer = TokenImporter(
      dynamo: dynamo, table: target, options: options, overwrite: overwrite, state: state, runId: runId)
    let verifier = TokenVerifier(dynamo: dynamo, table: target, format: targetFormat, now: context.now())
    let pipeline = TokenCopyPipeline(importer: importer, verifier: verifier, settled: { progress(.advanced(.export, by: $0)) })
    progress(.began(.export, total: nil))
    do {
      let written = try await TokenExporter(dynamo: dynamo, table: source).exportBackup(
        to: backup, region: region, protection: protection, state: state, runId: runId, context: context,
        progress: { _ in }, alongside: { try await pipeline.submit($0) })
      let verification = try await pipeline.finish()
      progress(.ended(.export))
      return (written.count, verification)
    } catch {
      await pipeline.cancel()
      throw error
    }
  }

  /// The header of the backup an interrupted run of this migration already wrote, if any: a resumed run
  /// opens that file, so it needs the protection the file was written with, not a new one.
  public func interruptedRunBackup() throws -> BackupReader? {
    guard let path = try runKey.unfinished(in: state)?.backupPath, FileIO.exists(path) else { return nil }
    return try BackupReader(path: path, displayName: context.display(path))
  }
}
