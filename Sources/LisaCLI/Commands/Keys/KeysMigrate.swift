import ArgumentParser
import Foundation
import LisaKit

struct KeysMigrate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Carry every API token across LISA's v6 token-table move: export, import, verify.",
    discussion: """
      Reads the pre-v6 table (${deploymentName}-LISAApiTokenTable), keeps an encrypted backup, writes \
      each token to the v6 table (SSM <deploymentPrefix>/tokenTableName, else \
      ${deploymentName}-LISAApiBaseTokenTable) and checks that LISA's authorizer would accept it. For a \
      v6.1 table a token is stored under the SHA-256 of its plaintext with a tokenUUID derived from that \
      hash, so existing clients keep working unchanged and a re-run writes identical items. Expired \
      tokens are skipped (--include-expired writes them); tokens without an expiry need \
      --default-expiration. Existing items are never overwritten without --overwrite.

      Progress is journalled in the state directory (LISA_STATE_DIR). If the run is interrupted (Ctrl-C, \
      kill, network loss), run the same command again: it continues where it stopped and ends exactly \
      as an uninterrupted run would. The backup file is kept and named in the summary.

      Exit codes: 0 all tokens accepted; 3 some failed or would be rejected; 4 credentials or passphrase; \
      5 table not found; 6 another process runs this migration, or it was interrupted with other options.
      """
  )

  @Option(name: .customLong("from-table"), help: "Source table (default: the deployment's pre-v6 token table).")
  var fromTable: String?

  @Option(name: .customLong("to-table"), help: "Target table (default: the deployment's v6 token table).")
  var toTable: String?

  @Option(
    name: .customLong("backup"), help: "Backup file to write (default: in the state directory).",
    completion: .file(extensions: ["lisabak"]))
  var backup: String?

  @Flag(name: .customLong("dry-run"), help: "Print the plan (counts, what is skipped and why, masked examples); write nothing.")
  var dryRun = false

  @Flag(name: .customLong("restart"), help: "Abandon an interrupted run of this migration and start afresh.")
  var restart = false

  @OptionGroup(title: "Token options") var write: TokenWriteOptions
  @OptionGroup(title: "Token options") var expired: IncludeExpiredOption
  @OptionGroup(title: "Backup encryption") var encryption: BackupEncryptionOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let ctx = session.context
    let access = try session.tokenTableAccess()
    let (config, aws, dynamo) = (access.config, access.aws, access.dynamo)
    let source: TableCandidate
    do {
      source = try await access.source(fromTable)
    } catch let error as LisaError where error.status == .notFound {
      throw try sourceGone(error, session: session, config: config, region: aws.region)
    }
    let (target, targetTable) = try await access.target(toTable)
    guard source.name != target.name else { throw LisaError.usage("source and target are the same table (\(source.name))") }
    session.detail("keys: from \(source.name) (\(source.origin)) to \(target.name) (\(target.origin))")
    let format = write.targetFormat(for: targetTable)
    let options = try write.importOptions(
      format: format, config: config, startedAt: ctx.now(), createdBy: await session.callerName(aws),
      includeExpired: expired.includeExpired)

    if dryRun {
      let plan = try await TokenImportPlan.of(
        table: source.name, options: options, overwrite: write.overwrite, dynamo: dynamo, into: target.name)
      return try session.printPlan(plan, target: target.name)
    }

    let state = try StateStore(context: ctx)
    var migration = TokenMigration(
      dynamo: dynamo, region: aws.region, source: source.name, target: target.name, targetFormat: format, options: options,
      overwrite: write.overwrite, state: state, protection: NoEncryption(), backupPath: "", context: ctx)
    if restart { try session.abandonUnfinished(migration, state: state) }
    if let reader = try migration.interruptedRunBackup() {
      migration.protection = try session.protectionForReading(
        reader.metadata.encryption, passphraseFile: encryption.passphraseFile, aws: aws)
    } else {
      migration.protection = try session.protectionForWriting(encryption, aws: aws)
    }
    migration.backupPath = try backup.map(ctx.resolve) ?? session.defaultBackupPath(state: state, table: source.name)
    try await session.runTokenMigration(migration, verb: "keys migrate")
  }

  /// The source table is gone: if an interrupted run backed it up completely, name the `keys import`
  /// that continues from that backup, with this command's token options.
  func sourceGone(_ error: LisaError, session: Session, config: LoadedConfig?, region: String) throws -> LisaError {
    let labels = TokenTables.sourceCandidates(flag: fromTable, config: config).map { "dynamodb:\(region)/\($0.name)" }
    let state = try StateStore(context: session.context)
    guard let run = try TokenMigration.interruptedRunWithCompleteBackup(state: state, sources: labels),
      let backupPath = run.backupPath
    else { return error }
    let table = run.source.split(separator: "/").last.map(String.init) ?? run.source
    let target = run.target.split(separator: "/").last.map(String.init) ?? run.target
    let command =
      ["lisa", "keys", "import", "--backup", backupPath, "--to-table", target]
      + write.commandLine + expired.commandLine + (encryption.passphraseFile.map { ["--passphrase-file", $0] } ?? [])
    return LisaError(
      .notFound,
      "source table \(table) is gone from \(region), but interrupted run \(run.id) backed it up completely to "
        + session.context.display(backupPath),
      hint: "continue from the backup: \(command.map(ShellQuote.word).joined(separator: " "))")
  }
}
