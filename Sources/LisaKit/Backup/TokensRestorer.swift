import Foundation

/// Restores the token section through `keys import`: `TokenImportPlan` for the plan, `TokenMigration`
/// (journalled, resumable, verified) for the writes, so tokens going into a v6.1 table are converted as
/// `keys migrate` converts them.
public struct TokensRestorer: SectionRestorer {
  public var dynamo: DynamoDBClient
  public var region: String
  public var table: String
  public var format: LisaTokenFormat
  public var options: TokenImportOptions
  public var protection: any BackupProtection
  public var backupPath: String
  public var state: StateStore
  public var context: LisaContext
  public var quiet: Bool
  public var section: BackupSection { .keys }

  public init(
    dynamo: DynamoDBClient, region: String, table: String, format: LisaTokenFormat, options: TokenImportOptions,
    protection: any BackupProtection, backupPath: String, state: StateStore, context: LisaContext, quiet: Bool
  ) {
    self.dynamo = dynamo
    self.region = region
    self.table = table
    self.format = format
    self.options = options
    self.protection = protection
    self.backupPath = backupPath
    self.state = state
    self.context = context
    self.quiet = quiet
  }

  public func plan(_ backup: UnlockedBackup, overwrite: Bool) async throws -> SectionPlan {
    let importPlan = try await TokenImportPlan.of(
      backup.records(kind: TokenBackup.kind), options: options, overwrite: overwrite, dynamo: dynamo, table: table)
    var plan = SectionPlan(section: .keys)
    // Decided as the real run decides: with --overwrite a differing item is among the writes.
    plan.missing = importPlan.wouldWrite - importPlan.wouldOverwrite
    plan.same = importPlan.skipped[TokenImporter.alreadyPresent] ?? 0
    plan.differs =
      importPlan.wouldOverwrite + importPlan.skipped.filter { $0.key.hasPrefix("a different item") }.values.reduce(0, +)
    plan.skipped = importPlan.skipped.values.reduce(0, +) - plan.same - (plan.differs - importPlan.wouldOverwrite)
    plan.lines = ["into \(table) as \(format.rawValue):"] + importPlan.lines.map { "  " + $0 }
    if overwrite, plan.differs > 0 { plan.lines.append("  --overwrite: the \(plan.differs) differing items are replaced") }
    return plan
  }

  public func restore(_ backup: UnlockedBackup, overwrite: Bool, log: @escaping @Sendable (String) -> Void) async throws
    -> SectionOutcome
  {
    let migration = TokenMigration(
      dynamo: dynamo, region: region, source: nil, target: table, targetFormat: format, options: options, overwrite: overwrite,
      state: state, protection: protection, backupPath: backupPath, context: context)
    let meters = TokenMigrationMeters(source: nil, target: table, context: context, quiet: quiet)
    let summary = try await migration.run(log: log, progress: meters.sink)
    let counts = summary.counts
    let verification = summary.verification
    log(
      "keys: read \(counts.read), written \(counts.written), skipped \(counts.skippedTotal), failed \(counts.failed); "
        + "verified \(verification.accepted) accepted, \(verification.failed) rejected")
    var problems = verification.failures.prefix(20).map { "token \($0.token): \($0.reason)" }
    if counts.failed > 0 { problems.append("\(counts.failed) tokens failed to write") }
    var journal = counts.journal
    journal["accepted"] = verification.accepted
    return SectionOutcome(counts: journal, problems: problems)
  }
}
