import Crypto
import Foundation

/// What backups need from KMS: `GenerateDataKey` (AES_256) and `Decrypt`. The KMS client implements
/// it; tests use an in-memory fake. Errors are the provider's own `LisaError`s (auth, not found, ...).
public protocol DataKeyProvider: Sendable {
  func generateDataKey() async throws -> (plaintext: SymmetricKey, wrapped: Data, keyId: String)
  func decrypt(wrapped: Data) async throws -> SymmetricKey
}
