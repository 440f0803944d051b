import ArgumentParser
import Foundation
import LisaKit

struct KeysVerify: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check that LISA would accept every backed-up token against a table.",
    discussion: """
      For each token in the backup: is there an item under the key LISA looks up (the SHA-256 of the \
      token in a v6.1 table, the token itself in a v6.0 one), with a tokenUUID and an expiration in the \
      future? Tokens that had already expired are counted apart, not as failures. Failures are listed by \
      masked token and name.

      Exit codes: 0 every token accepted; 3 some were not; 4 credentials or passphrase; 5 table or file not found.
      """
  )

  @Option(name: .customLong("table"), help: "Table to check (default: the deployment's v6 token table).")
  var table: String?

  @Option(
    name: .customLong("backup"), help: "The *.lisabak file whose tokens to check.", completion: .file(extensions: ["lisabak"]))
  var backup: String

  @Option(
    name: .customLong("format"),
    help: "How the table stores tokens: auto (v6.1 when it has the username-index GSI), v6.0 or v6.1.")
  var format: String = "auto"

  @Option(
    name: .customLong("passphrase-file"), help: "Read the backup passphrase from this file, or '-' for stdin.",
    completion: .file())
  var passphraseFile: String?

  @OptionGroup var globals: GlobalOptions

  func validate() throws {
    guard ["auto", "v6.0", "v6.1"].contains(format) else {
      throw ValidationError("'--format' must be auto, v6.0 or v6.1 (got '\(format)')")
    }
  }

  func run(_ session: Session) async throws {
    let ctx = session.context
    let reader = try BackupReader(path: ctx.resolve(backup), displayName: backup)
    let access = try session.tokenTableAccess()
    let (aws, dynamo) = (access.aws, access.dynamo)
    let unlocked = try await reader.unlock(
      with: try session.protectionForReading(reader.metadata.encryption, passphraseFile: passphraseFile, aws: aws))
    let (target, description) = try await access.target(table)
    let tableFormat = LisaTokenFormat(rawValue: format) ?? TokenTables.format(of: description)
    let total = reader.metadata.counts.kinds[TokenBackup.kind]?.total
    let meter = ProgressMeter(label: "verify \(target.name)", total: total, context: ctx, quiet: session.quiet)
    let result = try await TokenVerifier(dynamo: dynamo, table: target.name, format: tableFormat, now: ctx.now())
      .verify(unlocked.records(kind: TokenBackup.kind), progress: { meter.add($0) })
    let elapsed = meter.finish()
    let outputFormat = try session.format(default: .table, allowed: [.table, .json, .yaml])
    if outputFormat == .table, !result.failures.isEmpty {
      let rows = result.failures.map { JSONValue.object([("token", .string($0.token)), ("reason", .string($0.reason))]) }
      session.output(session.renderer.table(rows, columns: [Column("TOKEN", key: "token"), Column("REASON", key: "reason")]))
    }
    try session.report(
      summary:
        "verified \(result.checked) tokens against \(target.name) (\(tableFormat.rawValue)): \(result.accepted) accepted, \(result.failed) failed, \(result.expired) already expired, in \(ProgressMeter.duration(elapsed))",
      json: result.json)
    if !result.succeeded {
      throw LisaError(.partial, "\(result.failed) token\(result.failed == 1 ? "" : "s") would be rejected by LISA")
    }
  }
}
