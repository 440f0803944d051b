import ArgumentParser
import Foundation
import LisaKit

struct BackupVerify: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check a backup's structure and checksums, and with its passphrase or KMS key that every secret decrypts.",
    discussion: """
      Without a key: the SQLite structure, the record counts and every checksum (whole file and per \
      section). With the passphrase (--passphrase-file, LISA_BACKUP_PASSPHRASE) or, for a KMS backup, with \
      --secrets: also that the key opens the file and every sealed secret decrypts and belongs to its record.

      Exit codes: 0 intact; 4 wrong passphrase or KMS key; 5 no such file; 65 damaged or truncated.
      """
  )

  @Argument(help: "The *.lisabak file.", completion: .file(extensions: ["lisabak"]))
  var file: String

  @Option(
    name: .customLong("passphrase-file"), help: "Read the backup passphrase from this file, or '-' for stdin.",
    completion: .file())
  var passphraseFile: String?

  @Flag(name: .customLong("secrets"), help: "Also decrypt every secret (prompts for the passphrase on a terminal).")
  var secrets = false

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let path = try session.existingBackup(file)
    let shown = session.context.display(path)
    let reader = try BackupReader(path: path, displayName: shown)
    let metadata = reader.metadata
    let haveKey =
      switch metadata.encryption {
      case .none: true
      case .passphrase: passphraseFile != nil || session.context.environment[PassphraseSource.environmentVariable] != nil
      case .kms: false
      }
    var line = "\(shown): intact: \(metadata.counts.total) records, checksums match"
    var decrypted: Int?
    if secrets || haveKey {
      let protection = try session.protectionForReading(
        metadata.encryption, passphraseFile: passphraseFile,
        aws: try session.awsClients(config: session.loadConfigIfPresent()))
      decrypted = try await BackupVerification.decryptAll(reader, protection: protection)
      line += ", every secret decrypts (\(metadata.encryption.scheme))"
    } else {
      line += "; secrets not checked (give the passphrase, or --secrets)"
    }
    try session.report(
      summary: line,
      json: .object([
        ("file", .string(path)), ("records", .int(metadata.counts.total)), ("checksum", .string(metadata.checksum)),
        ("checksumsMatch", .bool(true)), ("secretsChecked", .bool(decrypted != nil)),
        ("encryption", .string(metadata.encryption.scheme)),
      ]))
  }
}
