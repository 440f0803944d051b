import Crypto
import CryptoExtras
import Foundation

/// One way of protecting backup secrets: it makes the key for a new file and recovers the key of an
/// existing one from the file's public header.
public protocol BackupProtection: Sendable {
  /// A fresh key for a new backup, with the public parameters to store beside it.
  func newCipher() async throws -> BackupCipher
  /// The key of an existing backup. Whether it is the right key is checked by `BackupReader.unlock`.
  func cipher(for header: EncryptionHeader, file: String) async throws -> BackupCipher
}

extension BackupProtection {
  func mismatch(_ header: EncryptionHeader, file: String, expected: String) -> LisaError {
    let hint: String =
      switch header {
      case .none: "this backup is not encrypted; read it without a passphrase or KMS key"
      case .passphrase: "this backup is protected by a passphrase: LISA_BACKUP_PASSPHRASE or --passphrase-file"
      case .kms(let keyId, _): "this backup is protected by KMS key \(keyId): use --kms-key-id"
      }
    return LisaError(.usage, "\(file): backup uses \(header.scheme) protection, not \(expected)", hint: hint)
  }
}

/// Secrets stored in the clear; only ever chosen explicitly (`--no-encrypt`).
public struct NoEncryption: BackupProtection {
  public init() {}

  public func newCipher() async throws -> BackupCipher { .unencrypted }

  public func cipher(for header: EncryptionHeader, file: String) async throws -> BackupCipher {
    guard case .none = header else { throw mismatch(header, file: file, expected: "none") }
    return .unencrypted
  }
}

/// A key derived from a passphrase with scrypt.
public struct PassphraseProtection: BackupProtection {
  private let passphrase: Passphrase
  private let makeParameters: @Sendable () -> ScryptParameters

  /// `parameters` exists for tests that cannot afford 128 MiB per derivation; production uses the default.
  public init(_ passphrase: Passphrase, parameters: @escaping @Sendable () -> ScryptParameters = ScryptParameters.recommended) {
    self.passphrase = passphrase
    makeParameters = parameters
  }

  public func newCipher() async throws -> BackupCipher {
    let parameters = makeParameters()
    if let problem = parameters.problem { throw LisaError(.usage, "refusing to write a backup with \(problem)") }
    return BackupCipher(header: .passphrase(parameters), key: try derive(parameters, file: "new backup"))
  }

  public func cipher(for header: EncryptionHeader, file: String) async throws -> BackupCipher {
    guard case .passphrase(let parameters) = header else { throw mismatch(header, file: file, expected: "passphrase") }
    if let problem = parameters.problem {
      throw LisaError(.dataError, "\(file): backup header asks for an unsupported \(problem)")
    }
    return BackupCipher(header: header, key: try derive(parameters, file: file))
  }

  private func derive(_ parameters: ScryptParameters, file: String) throws -> SymmetricKey {
    do {
      return try passphrase.withBytes { bytes in
        try KDF.Scrypt.deriveKey(
          from: bytes, salt: parameters.salt, outputByteCount: 32, rounds: parameters.cost,
          blockSize: parameters.blockSize, parallelism: parameters.parallelism)
      }
    } catch {
      throw LisaError(.failure, "\(file): scrypt key derivation failed (N=\(parameters.cost), r=\(parameters.blockSize))")
    }
  }
}

/// Envelope encryption: KMS makes a data key and returns it with a wrapped copy that only KMS can
/// unwrap; the wrapped copy and the key id go into the file.
public struct KMSEnvelopeProtection: BackupProtection {
  private let provider: any DataKeyProvider

  public init(provider: any DataKeyProvider) {
    self.provider = provider
  }

  public func newCipher() async throws -> BackupCipher {
    let dataKey = try await provider.generateDataKey()
    guard dataKey.plaintext.bitCount == 256 else {
      throw LisaError(.failure, "KMS key \(dataKey.keyId): data key has \(dataKey.plaintext.bitCount) bits, expected 256")
    }
    return BackupCipher(header: .kms(keyId: dataKey.keyId, wrappedKey: dataKey.wrapped), key: dataKey.plaintext)
  }

  public func cipher(for header: EncryptionHeader, file: String) async throws -> BackupCipher {
    guard case .kms(_, let wrappedKey) = header else { throw mismatch(header, file: file, expected: "kms") }
    return BackupCipher(header: header, key: try await provider.decrypt(wrapped: wrappedKey))
  }
}
