import Crypto
import Foundation

/// Seals and opens the secret payloads of one backup file. Records and the manifest use separate
/// subkeys derived from the file key, so no key serves two purposes.
public struct BackupCipher: Sendable {
  public let header: EncryptionHeader
  private let recordKey: SymmetricKey?
  private let manifestKey: SymmetricKey?

  /// `key` is nil only for an unencrypted backup.
  public init(header: EncryptionHeader, key: SymmetricKey?) {
    self.header = header
    recordKey = key.map { Self.subkey($0, purpose: "records") }
    manifestKey = key.map { Self.subkey($0, purpose: "manifest") }
  }

  public static let unencrypted = BackupCipher(header: .none, key: nil)

  public var encrypts: Bool { recordKey != nil }

  private static func subkey(_ key: SymmetricKey, purpose: String) -> SymmetricKey {
    HKDF<SHA256>.deriveKey(
      inputKeyMaterial: key, salt: Data("lisa-backup-v1".utf8), info: Data(purpose.utf8), outputByteCount: 32)
  }

  /// AES-256-GCM with a fresh random nonce; the result is nonce ‖ ciphertext ‖ tag.
  func seal(_ secret: Data, boundTo context: Data) throws -> Data {
    guard let recordKey else { return secret }
    guard let combined = try AES.GCM.seal(secret, using: recordKey, authenticating: context).combined else {
      throw LisaError(.failure, "AES-GCM produced no combined box (unexpected nonce size)")
    }
    return combined
  }

  /// Throws when the payload was altered, moved to another record, or sealed under another key.
  func open(_ sealed: Data, boundTo context: Data) throws -> Data {
    guard let recordKey else { return sealed }
    return try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: recordKey, authenticating: context)
  }

  private static let keyCheckPlaintext = Data("lisa-backup key check".utf8)
  private static let keyCheckContext = Data("key-check".utf8)

  /// A value stored in the clear that only the right key can open: wrong passphrases fail here,
  /// before any record is read.
  func makeKeyCheck() throws -> Data? {
    guard encrypts else { return nil }
    return try seal(Self.keyCheckPlaintext, boundTo: Self.keyCheckContext)
  }

  func accepts(keyCheck: Data?) -> Bool {
    guard encrypts else { return keyCheck == nil }
    guard let keyCheck, let opened = try? open(keyCheck, boundTo: Self.keyCheckContext) else { return false }
    return opened == Self.keyCheckPlaintext
  }

  /// An HMAC over counts and checksum. The plain SHA-256 checksum catches damage; this tag also
  /// catches someone who deletes records and recomputes the checksum without the key.
  func manifestTag(_ manifest: Data) -> Data? {
    guard let manifestKey else { return nil }
    return Data(HMAC<SHA256>.authenticationCode(for: manifest, using: manifestKey))
  }

  func acceptsManifest(_ manifest: Data, tag: Data?) -> Bool {
    guard let manifestKey else { return true }
    guard let tag else { return false }
    return HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: manifest, using: manifestKey)
  }

  static func randomBytes(_ count: Int) -> Data {
    var generator = SystemRandomNumberGenerator()
    return Data((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
  }
}
