import Foundation

/// A data key: the plaintext to encrypt with locally, and the same key encrypted under a KMS key to store.
public struct KMSDataKey: Sendable, Equatable, CustomStringConvertible {
  public var keyID: String
  public var plaintext: Data
  public var ciphertextBlob: Data

  public var description: String { "data key from \(keyID) (\(plaintext.count) bytes, plaintext hidden)" }
}

public struct KMSClient: Sendable {
  public let client: AWSJSONClient

  public init(sender: AWSRequestSender) {
    client = AWSJSONClient(sender: sender)
  }

  /// A fresh 256-bit data key. Each call returns a new key, so repeating a lost call is harmless.
  public func generateDataKey(keyID: String, encryptionContext: [String: String] = [:]) async throws -> KMSDataKey {
    struct Input: Encodable {
      var KeyId: String
      var KeySpec = "AES_256"
      var EncryptionContext: [String: String]?
    }
    struct Output: Decodable {
      var KeyId: String?
      var Plaintext: String
      var CiphertextBlob: String
    }
    let output = try await client.call(
      "GenerateDataKey", Input(KeyId: keyID, EncryptionContext: encryptionContext.isEmpty ? nil : encryptionContext),
      as: Output.self,
      resource: "key \(keyID)", retrySafe: true)
    guard let plaintext = Data(base64Encoded: output.Plaintext), let blob = Data(base64Encoded: output.CiphertextBlob) else {
      throw LisaError(.failure, "kms:GenerateDataKey for \(keyID) returned a key that is not base64")
    }
    return KMSDataKey(keyID: output.KeyId ?? keyID, plaintext: plaintext, ciphertextBlob: blob)
  }

  /// The plaintext of a data key encrypted by `generateDataKey`. `keyID` is optional for symmetric keys.
  public func decrypt(
    _ ciphertextBlob: Data, keyID: String? = nil, encryptionContext: [String: String] = [:]
  ) async throws -> Data {
    struct Input: Encodable {
      var CiphertextBlob: String
      var KeyId: String?
      var EncryptionContext: [String: String]?
    }
    struct Output: Decodable { var Plaintext: String }
    let input = Input(
      CiphertextBlob: ciphertextBlob.base64EncodedString(), KeyId: keyID,
      EncryptionContext: encryptionContext.isEmpty ? nil : encryptionContext)
    let output = try await client.call("Decrypt", input, as: Output.self, resource: keyID.map { "key \($0)" }, retrySafe: true)
    guard let plaintext = Data(base64Encoded: output.Plaintext) else {
      throw LisaError(.failure, "kms:Decrypt returned a plaintext that is not base64")
    }
    return plaintext
  }

  /// Creates a symmetric key and returns its id (tests and fixtures).
  public func createKey(description: String) async throws -> String {
    struct Input: Encodable { var Description: String }
    struct Output: Decodable {
      struct Metadata: Decodable { var KeyId: String }
      var KeyMetadata: Metadata
    }
    return try await client.call("CreateKey", Input(Description: description), as: Output.self, retrySafe: false).KeyMetadata
      .KeyId
  }
}

extension KMSDataKey: CustomReflectable {
  public var customMirror: Mirror {
    Mirror(self, children: ["keyID": keyID, "plaintext": "<\(plaintext.count) bytes hidden>"], displayStyle: .struct)
  }
}
