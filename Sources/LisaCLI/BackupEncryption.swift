import ArgumentParser
import Foundation
import LisaKit

/// How a new backup's secrets are protected: a passphrase (default), a KMS key, or explicitly none.
struct BackupEncryptionOptions: ParsableArguments {
  @Option(
    name: .customLong("passphrase-file"),
    help: "Read the backup passphrase from this file, or '-' for stdin (else LISA_BACKUP_PASSPHRASE, else a prompt).",
    completion: .file())
  var passphraseFile: String?

  @Option(name: .customLong("kms-key-id"), help: "Encrypt with a data key from this KMS key (envelope encryption) instead.")
  var kmsKeyID: String?

  @Flag(name: .customLong("no-encrypt"), help: "Write secrets unencrypted (the file is still mode 0600).")
  var noEncrypt = false

  func validate() throws {
    let chosen = [passphraseFile != nil, kmsKeyID != nil, noEncrypt].filter { $0 }.count
    if chosen > 1 { throw ValidationError("choose one of '--passphrase-file', '--kms-key-id' and '--no-encrypt'") }
  }
}

extension Session {
  /// Protection for a backup about to be written.
  func protectionForWriting(_ options: BackupEncryptionOptions, aws: @autoclosure () throws -> AWSClients) throws
    -> any BackupProtection
  {
    if options.noEncrypt {
      warn("--no-encrypt: secrets are stored unencrypted in the backup")
      return NoEncryption()
    }
    if let keyID = options.kmsKeyID { return KMSEnvelopeProtection(provider: KMSDataKeys(client: try aws().kms(), keyID: keyID)) }
    return PassphraseProtection(
      try PassphraseSource.resolve(context: context, passphraseFile: options.passphraseFile, confirm: true))
  }

  /// Protection that opens an existing backup, chosen by what its header says.
  func protectionForReading(_ encryption: EncryptionHeader, passphraseFile: String?, aws: @autoclosure () throws -> AWSClients)
    throws -> any BackupProtection
  {
    switch encryption {
    case .none: return NoEncryption()
    case .passphrase:
      return PassphraseProtection(try PassphraseSource.resolve(context: context, passphraseFile: passphraseFile, confirm: false))
    case .kms(let keyID, _):
      return KMSEnvelopeProtection(provider: KMSDataKeys(client: try aws().kms(), keyID: keyID))
    }
  }
}
