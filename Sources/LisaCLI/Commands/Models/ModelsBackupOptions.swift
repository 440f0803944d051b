import ArgumentParser
import LisaKit

/// How a models backup is locked: a passphrase (file, LISA_BACKUP_PASSPHRASE or a prompt) or a KMS key.
struct ModelsBackupOptions: ParsableArguments {
  @Option(
    name: .customLong("passphrase-file"),
    help: "Read the backup passphrase from this file, or '-' for stdin (env: LISA_BACKUP_PASSPHRASE).",
    completion: .file())
  var passphraseFile: String?

  @Option(name: .customLong("kms-key-id"), help: "Lock the backup with a data key from this KMS key instead of a passphrase.")
  var kmsKeyID: String?

  func validate() throws {
    if passphraseFile != nil && kmsKeyID != nil {
      throw ValidationError("'--passphrase-file' and '--kms-key-id' cannot be used together")
    }
  }
}

extension Session {
  /// The protection for writing a new backup (`confirm` asks for a new passphrase twice) or for
  /// opening one; a backup locked with KMS opens with the key recorded in it.
  func backupProtection(_ options: ModelsBackupOptions, forWriting: Bool, encryption: EncryptionHeader? = nil) throws
    -> any BackupProtection
  {
    var kmsKey = options.kmsKeyID
    if let encryption, case .kms(let recorded, _) = encryption { kmsKey = options.kmsKeyID ?? recorded }
    if let kmsKey {
      return KMSEnvelopeProtection(provider: KMSDataKeys(client: try awsClients(config: loadConfigIfPresent()).kms(), keyID: kmsKey))
    }
    let passphrase = try PassphraseSource.resolve(context: context, passphraseFile: options.passphraseFile, confirm: forWriting)
    return PassphraseProtection(passphrase)
  }
}
