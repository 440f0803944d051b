import Crypto
import Foundation

/// Backup data keys from AWS KMS (`--kms-key-id`). Every key is bound to a fixed encryption
/// context, so a data key made for a backup cannot be unwrapped by a caller asking for another purpose.
public struct KMSDataKeys: DataKeyProvider {
  public static let encryptionContext = ["purpose": "lisa-backup"]
  private let client: KMSClient
  private let keyID: String

  public init(client: KMSClient, keyID: String) {
    self.client = client
    self.keyID = keyID
  }

  public func generateDataKey() async throws -> (plaintext: SymmetricKey, wrapped: Data, keyId: String) {
    let dataKey = try await client.generateDataKey(keyID: keyID, encryptionContext: Self.encryptionContext)
    return (SymmetricKey(data: dataKey.plaintext), dataKey.ciphertextBlob, dataKey.keyID)
  }

  public func decrypt(wrapped: Data) async throws -> SymmetricKey {
    SymmetricKey(data: try await client.decrypt(wrapped, keyID: keyID, encryptionContext: Self.encryptionContext))
  }
}
