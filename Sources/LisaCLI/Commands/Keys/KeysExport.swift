import ArgumentParser
import Foundation
import LisaKit

struct KeysExport: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Back up an API token table to an encrypted *.lisabak file.",
    discussion: """
      Scans the source table (default: this deployment's pre-v6 table, ${deploymentName}-LISAApiTokenTable) \
      into a backup file. Token plaintexts are encrypted with AES-256-GCM under a passphrase (scrypt) or a \
      KMS data key; --no-encrypt must be asked for. The file is mode 0600 and records counts and a checksum. \
      An interrupted export leaves no file behind; run it again.

      Exit codes: 0 written; 4 AWS credentials or passphrase; 5 table not found; 6 the file exists; 64 usage.
      """
  )

  @Option(name: .customLong("from-table"), help: "Table to export (default: the deployment's pre-v6 token table).")
  var fromTable: String?

  @Option(
    name: .customLong("output"), help: "Backup file to write (default: ./<table>-<UTC time>.lisabak).",
    completion: .file(extensions: ["lisabak"]))
  var output: String?

  @OptionGroup(title: "Backup encryption") var encryption: BackupEncryptionOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let ctx = session.context
    let access = try session.tokenTableAccess()
    let (aws, dynamo) = (access.aws, access.dynamo)
    let table = try await access.source(fromTable)
    let path = ctx.resolve(output ?? "\(table.name)-\(Self.stamp(ctx.now())).lisabak")
    let meter = ProgressMeter(label: "export \(table.name)", total: nil, context: ctx, quiet: session.quiet)
    let written = try await TokenExporter(dynamo: dynamo, table: table.name).exportBackup(
      to: path, region: aws.region, protection: try session.protectionForWriting(encryption, aws: aws),
      state: try StateStore(context: ctx), runId: nil, context: ctx, progress: { meter.add($0) })
    let (count, metadata) = (written.count, written.metadata)
    let elapsed = meter.finish()
    let formats = metadata.counts.kinds[TokenBackup.kind]?.formats ?? [:]
    let formatText = formats.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    try session.report(
      summary:
        "exported \(count) tokens (\(formatText.isEmpty ? "none" : formatText)) from \(table.name) to \(ctx.display(path)) in \(ProgressMeter.duration(elapsed)), \(metadata.encryption.scheme)",
      json: .object([
        ("table", .string(table.name)), ("region", .string(aws.region)), ("backup", .string(path)), ("read", .int(count)),
        ("formats", .object(formats.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
        ("checksum", .string(metadata.checksum)), ("encryption", .string(metadata.encryption.scheme)),
        ("elapsedSeconds", .number(String(format: "%.3f", elapsed))),
      ]))
  }

  static func stamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    return formatter.string(from: date)
  }
}
