import Foundation

/// Where a backup passphrase comes from, in order: `--passphrase-file` (a path, or `-` for stdin),
/// `LISA_BACKUP_PASSPHRASE`, then a no-echo prompt on a terminal. Never argv.
public enum PassphraseSource {
  public static let environmentVariable = "LISA_BACKUP_PASSPHRASE"

  /// `confirm` asks twice on a terminal, for writing a new backup.
  public static func resolve(
    context: LisaContext, passphraseFile: String?, confirm: Bool, prompt: SecretPrompt? = nil
  ) throws -> Passphrase {
    if let passphraseFile { return try read(file: passphraseFile, context: context) }
    if let value = context.environment[environmentVariable] {
      guard let passphrase = Passphrase(value) else {
        throw LisaError(.usage, "\(environmentVariable) is set but empty", hint: "unset it or give a passphrase")
      }
      return passphrase
    }
    let prompt = prompt ?? SecretPrompt(context: context)
    guard prompt.canPrompt else {
      throw LisaError(
        .usage, "no backup passphrase given and no terminal to ask on",
        hint: "set \(environmentVariable), use --passphrase-file, or choose --kms-key-id / --no-encrypt")
    }
    let text =
      confirm
      ? try prompt.askTwice("Backup passphrase: ", confirmation: "Repeat the passphrase: ")
      : try prompt.ask("Backup passphrase: ")
    guard let passphrase = Passphrase(text) else { throw LisaError(.usage, "the backup passphrase is empty") }
    return passphrase
  }

  /// The first line of the file, without its line ending; an empty first line is refused.
  static func read(file: String, context: LisaContext) throws -> Passphrase {
    let (name, data) = try context.readSecretInput(file)
    // Bytes, not Characters: Swift treats "\r\n" as one Character, which would hide the "\n".
    var firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
    if firstLine.last == UInt8(ascii: "\r") { firstLine = firstLine.dropLast() }
    guard let text = String(data: firstLine, encoding: .utf8) else {
      throw LisaError(.dataError, "\(name): passphrase file is not UTF-8 text")
    }
    guard let passphrase = Passphrase(text) else {
      throw LisaError(.invalid, "\(name): passphrase file is empty", hint: "put the passphrase on the first line")
    }
    return passphrase
  }
}
