import Foundation

/// scrypt cost parameters, stored in the backup so a reader derives the same key.
public struct ScryptParameters: Sendable, Equatable, Codable {
  public var salt: Data
  /// CPU/memory cost N (a power of two).
  public var cost: Int
  public var blockSize: Int
  public var parallelism: Int

  public init(salt: Data, cost: Int, blockSize: Int, parallelism: Int) {
    self.salt = salt
    self.cost = cost
    self.blockSize = blockSize
    self.parallelism = parallelism
  }

  /// N=2^17, r=8, p=1: 128 MiB and well under a second per derivation, the OWASP recommendation.
  public static func recommended() -> ScryptParameters {
    ScryptParameters(salt: BackupCipher.randomBytes(16), cost: 1 << 17, blockSize: 8, parallelism: 1)
  }

  /// Bounds on what a file may ask for, so a crafted header cannot make the reader allocate gigabytes.
  /// `blockSize * (parallelism + 1) <= 32` is what swift-crypto's default memory limit for scrypt admits.
  public var problem: String? {
    if salt.count < 16 || salt.count > 64 { return "scrypt salt of \(salt.count) bytes (expected 16-64)" }
    if cost < 1 << 10 || cost > 1 << 20 || cost & (cost - 1) != 0 {
      return "scrypt N=\(cost) (expected a power of two, 2^10-2^20)"
    }
    if blockSize < 1 || parallelism < 1 || blockSize * (parallelism + 1) > 32 {
      return "scrypt r=\(blockSize) p=\(parallelism) (expected r*(p+1) <= 32)"
    }
    return nil
  }

  enum CodingKeys: String, CodingKey {
    case salt
    case cost = "N"
    case blockSize = "r"
    case parallelism = "p"
  }
}

/// How the secrets in a backup are protected: the public half, stored in the metadata table.
public enum EncryptionHeader: Sendable, Equatable, Codable {
  case none
  case passphrase(ScryptParameters)
  case kms(keyId: String, wrappedKey: Data)

  /// The name used in the file and in `lisa backup show`.
  public var scheme: String {
    switch self {
    case .none: "none"
    case .passphrase: "passphrase"
    case .kms: "kms"
    }
  }

  public static let cipherName = "AES-256-GCM"

  enum CodingKeys: String, CodingKey {
    case scheme, cipher, kdf, keyId, wrappedKey
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let scheme = try container.decode(String.self, forKey: .scheme)
    switch scheme {
    case "none":
      self = .none
    case "passphrase":
      self = .passphrase(try container.decode(ScryptParameters.self, forKey: .kdf))
    case "kms":
      self = .kms(
        keyId: try container.decode(String.self, forKey: .keyId), wrappedKey: try container.decode(Data.self, forKey: .wrappedKey)
      )
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .scheme, in: container, debugDescription: "unknown encryption scheme \(scheme)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(scheme, forKey: .scheme)
    switch self {
    case .none:
      break
    case .passphrase(let parameters):
      try container.encode(Self.cipherName, forKey: .cipher)
      try container.encode(parameters, forKey: .kdf)
    case .kms(let keyId, let wrappedKey):
      try container.encode(Self.cipherName, forKey: .cipher)
      try container.encode(keyId, forKey: .keyId)
      try container.encode(wrappedKey, forKey: .wrappedKey)
    }
  }
}
