import Foundation
import LisaKit

/// What every token-table command starts from: the optional config, AWS clients and DynamoDB.
struct TokenTableAccess {
  var config: LoadedConfig?
  var aws: AWSClients
  var dynamo: DynamoDBClient

  func source(_ flag: String?) async throws -> TableCandidate {
    try await TokenTables.describeFirst(
      TokenTables.sourceCandidates(flag: flag, config: config), dynamo: dynamo, region: aws.region, role: "source"
    ).0
  }

  func target(_ flag: String?) async throws -> (TableCandidate, DynamoDBTableDescription) {
    try await TokenTables.describeFirst(
      await TokenTables.targetCandidates(flag: flag, config: config, ssm: try? aws.ssm()), dynamo: dynamo, region: aws.region,
      role: "target")
  }
}

extension Session {
  func tokenTableAccess() throws -> TokenTableAccess {
    let config = try loadConfigIfPresent()
    let aws = try awsClients(config: config)
    return TokenTableAccess(config: config, aws: aws, dynamo: try aws.dynamoDB())
  }

  /// Where a migration keeps its backup unless `--backup` says otherwise: the state directory.
  func defaultBackupPath(state: StateStore, table: String) throws -> String {
    let directory = (state.directory as NSString).appendingPathComponent("backups")
    try FileIO.createPrivateDirectory(directory, orThrow: LisaError(.ioError, "\(directory): cannot create the backup directory"))
    return (directory as NSString).appendingPathComponent("\(table)-\(KeysExport.stamp(context.now())).lisabak")
  }

  /// `--restart`: gives up an interrupted run so a fresh one starts.
  func abandonUnfinished(_ migration: TokenMigration, state: StateStore) throws {
    guard let run = try migration.runKey.unfinished(in: state) else { return }
    try state.finish(run.id, outcome: .cancelled)
    info("abandoned interrupted run \(run.id) (its backup stays at \(run.backupPath.map(context.display) ?? "none"))")
  }

  /// Runs the journalled import, prints the one-line summary (and JSON with -o json), exits 3 on failures.
  func runTokenMigration(_ migration: TokenMigration, verb: String) async throws {
    let meters = TokenMigrationMeters(source: migration.source, target: migration.target, context: context, quiet: quiet)
    let summary = try await migration.run(log: infoSink, progress: meters.sink)
    let counts = summary.counts
    let reasons = counts.skipped.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")
    let verification = summary.verification
    var line = "\(verb): read \(counts.read), written \(counts.written), skipped \(counts.skippedTotal)"
    if !reasons.isEmpty { line += " (\(reasons))" }
    line += ", failed \(counts.failed); verified \(verification.accepted) accepted, \(verification.failed) rejected"
    line += verification.expired > 0 ? ", \(verification.expired) already expired" : ""
    line += "; \(ProgressMeter.duration(summary.elapsed)); backup \(context.display(summary.backupPath))"
    for failure in verification.failures.prefix(20) { warn("would be rejected: \(failure.token): \(failure.reason)") }
    try report(
      summary: line,
      json: .object([
        ("run", .int(Int(summary.runId))), ("resumed", .bool(summary.resumed)), ("source", .optional(migration.source)),
        ("target", .string(migration.target)), ("format", .string(migration.targetFormat.rawValue)),
        ("backup", .string(summary.backupPath)),
        ("exported", summary.exported.map { .int($0) } ?? .null), ("counts", counts.json), ("verification", verification.json),
        ("elapsedSeconds", .number(String(format: "%.3f", summary.elapsed))), ("succeeded", .bool(summary.succeeded)),
      ]))
    guard summary.succeeded else {
      throw LisaError(
        .partial,
        "\(counts.failed + verification.failed) token\(counts.failed + verification.failed == 1 ? "" : "s") did not make it",
        hint: "see the lines above; run the command again to retry")
    }
  }

  /// `--dry-run`: the plan on stdout (or as JSON), nothing written.
  func printPlan(_ plan: TokenImportPlan, target: String) throws {
    let format = try format(default: .table, allowed: [.table, .json, .yaml])
    if format == .table {
      output((["dry run: nothing written; into \(target):"] + plan.lines).joined(separator: "\n") + "\n")
    } else {
      output(renderer.object(plan.json, format: format))
    }
  }
}
