import Foundation

/// `lisa keys migrate`: export the source table to a backup, import it into the target, verify the
/// target; `lisa keys import` is the same without the export (`source` nil, the backup given).
/// Journalled in the state database: run again after any interruption and it continues from where it
/// stopped, with the same run start time, options and backup, so the result is the same.
public struct TokenMigration: Sendable {
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
  public var quiet: Bool

  public init(
    dynamo: DynamoDBClient, region: String, source: String?, target: String, targetFormat: LisaTokenFormat,
    options: TokenImportOptions, overwrite: Bool, state: StateStore, protection: any BackupProtection, backupPath: String,
    context: LisaContext, quiet: Bool
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
    self.quiet = quiet
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

  public func run(log: @escaping @Sendable (String) -> Void) async throws -> Summary {
    let started = context.now()
    var parameters = parameters
    parameters["createdBy"] = options.createdBy
    let start = try state.startOrResume(
      kind: kind, source: sourceLabel, target: "dynamodb:\(region)/\(target)", parameters: parameters,
      phase: source == nil ? "import" : "export")
    var run = start.run
    if start.resumed {
      let changed = self.parameters.keys.sorted().filter { run.parameters[$0] != self.parameters[$0] }
      if !changed.isEmpty {
        throw LisaError(
          .conflict,
          "run \(run.id) from \(ISO8601DateFormatter().string(from: run.startedAt)) was interrupted with other options (\(changed.joined(separator: ", ")))",
          hint: "run again with the same options to finish it, or pass --restart to abandon it")
      }
      log("resuming run \(run.id) from \(ISO8601DateFormatter().string(from: run.startedAt)) at its \(run.phase) phase")
    }
    let lease = try state.lease(run.id)
    defer { withExtendedLifetime(lease) {} }
    var importOptions = options
    importOptions.runStartedAt = run.startedAt
    importOptions.createdBy = run.parameters["createdBy"] ?? options.createdBy

    let backup = run.backupPath ?? backupPath
    if run.backupPath == nil { try state.attachBackup(path: backup, to: run.id) }
    var exported: Int?
    if run.phase == "export", let source {
      if FileIO.exists(backup) {
        log("using the backup \(context.display(backup)) the interrupted run already wrote")
      } else {
        exported = try await export(source, to: backup, runId: run.id)
      }
      try state.advance(run.id, to: "import")
      run.phase = "import"
    }

    let reader = try BackupReader(path: backup, displayName: context.display(backup))
    let unlocked = try await reader.unlock(with: protection)
    let total = reader.metadata.counts.kinds[TokenBackup.kind]?.total ?? 0
    var counts: TokenImportCounts
    if run.phase == "import" {
      let meter = ProgressMeter(label: "import into \(target)", total: total, context: context, quiet: quiet)
      let importer = TokenImporter(
        dynamo: dynamo, table: target, options: importOptions, overwrite: overwrite, state: state, runId: run.id)
      counts = try await importer.run(unlocked.records(kind: TokenBackup.kind), progress: { meter.add($0) })
      meter.finish()
      try state.advance(run.id, to: "verify", counts: counts.journal)
    } else {
      counts = try TokenImportCounts.from(state: state, runId: run.id)
    }

    let meter = ProgressMeter(label: "verify \(target)", total: total, context: context, quiet: quiet)
    let verifier = TokenVerifier(dynamo: dynamo, table: target, format: targetFormat, now: context.now())
    let verification = try await verifier.verify(unlocked.records(kind: TokenBackup.kind), progress: { meter.add($0) })
    meter.finish()
    let summary = Summary(
      runId: run.id, resumed: start.resumed, backupPath: backup, exported: exported, counts: counts, verification: verification,
      elapsed: context.now().timeIntervalSince(started))
    try state.finish(run.id, outcome: summary.succeeded ? .succeeded : .partial, counts: counts.journal)
    return summary
  }

  public var kind: String { source == nil ? Self.importKind : Self.runKind }

  /// What the journal calls the source: the table, or for an import the backup file.
  public var sourceLabel: String { source.map { "dynamodb:\(region)/\($0)" } ?? "backup:\(backupPath)" }

  func export(_ source: String, to path: String, runId: Int64) async throws -> Int {
    let cipher = try await protection.newCipher()
    let writer = try BackupWriter(
      path: path, displayName: context.display(path), kind: TokenBackup.backupKind,
      source: BackupSource(resource: source, region: region, details: ["table": source]), createdAt: context.now(), cipher: cipher
    )
    let meter = ProgressMeter(label: "export \(source)", total: nil, context: context, quiet: quiet)
    let count: Int
    do {
      count = try await TokenExporter(dynamo: dynamo, table: source).export(into: writer, progress: { meter.add($0) })
    } catch {
      writer.abandon()
      throw error
    }
    let metadata = try writer.finish(completedAt: context.now())
    meter.finish()
    try state.recordBackup(
      BackupIndexEntry(
        path: path, kind: TokenBackup.backupKind, source: "dynamodb:\(region)/\(source)", createdAt: metadata.createdAt,
        recordCount: count,
        checksum: metadata.checksum, encryption: metadata.encryption.scheme, runId: runId))
    return count
  }
}
