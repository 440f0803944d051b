import ArgumentParser
import Foundation
import LisaKit

struct KeysImport: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Write the tokens of a *.lisabak backup into a token table, then verify them.",
    discussion: """
      --format auto writes v6.1 items when the target has the username-index GSI (LISA v6.1+), v6.0 items \
      otherwise. A legacy token becomes a v6.1 item under the SHA-256 of its plaintext, with a tokenUUID \
      derived from that hash (a re-run writes identical items), its expiration kept or \
      --default-expiration, --username/--groups/--admin/--name-prefix, and isSystemToken true so LISA's \
      one-token-per-user rule does not block it. Expired tokens are skipped and reported unless \
      --include-expired; existing items are never overwritten unless --overwrite. Interrupted, it resumes.

      Exit codes: 0 all imported and accepted; 3 some failed; 4 credentials or passphrase; 5 table or file \
      not found; 6 another process runs this import, or it was interrupted with other options.
      """
  )

  @Option(name: .customLong("backup"), help: "The *.lisabak file to import.", completion: .file(extensions: ["lisabak"]))
  var backup: String

  @Option(name: .customLong("to-table"), help: "Target table (default: the deployment's v6 token table).")
  var toTable: String?

  @Option(
    name: .customLong("passphrase-file"), help: "Read the backup passphrase from this file, or '-' for stdin.",
    completion: .file())
  var passphraseFile: String?

  @Flag(name: .customLong("dry-run"), help: "Print the plan (counts, what is skipped and why, masked examples); write nothing.")
  var dryRun = false

  @Flag(name: .customLong("restart"), help: "Abandon an interrupted import of this backup and start afresh.")
  var restart = false

  @OptionGroup(title: "Token options") var write: TokenWriteOptions
  @OptionGroup(title: "Token options") var expired: IncludeExpiredOption
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let ctx = session.context
    let path = ctx.resolve(backup)
    let reader = try BackupReader(path: path, displayName: backup)
    let access = try session.tokenTableAccess()
    let (config, aws, dynamo) = (access.config, access.aws, access.dynamo)
    let (target, targetTable) = try await access.target(toTable)
    let protection = try session.protectionForReading(reader.metadata.encryption, passphraseFile: passphraseFile, aws: aws)
    let format = write.targetFormat(for: targetTable)
    let options = try write.importOptions(
      format: format, config: config, startedAt: ctx.now(), createdBy: await session.callerName(aws),
      includeExpired: expired.includeExpired)

    if dryRun {
      let plan = try await TokenImportPlan.of(
        try await reader.unlock(with: protection).records(kind: TokenBackup.kind), options: options,
        overwrite: write.overwrite, dynamo: dynamo, table: target.name)
      return try session.printPlan(plan, target: target.name)
    }

    let state = try StateStore(context: ctx)
    let migration = TokenMigration(
      dynamo: dynamo, region: aws.region, source: nil, target: target.name, targetFormat: format, options: options,
      overwrite: write.overwrite, state: state, protection: protection, backupPath: path, context: ctx)
    if restart { try session.abandonUnfinished(migration, state: state) }
    try await session.runTokenMigration(migration, verb: "keys import")
  }
}
