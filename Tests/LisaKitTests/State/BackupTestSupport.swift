import Crypto
import Foundation
import LisaTestSupport

@testable import LisaKit

/// Public fields shaped like an exported token's.
struct TokenFields: Codable, Equatable {
  var name: String
  var username: String
  var expiration: Int
  var masked: String
}

enum BackupTestSupport {
  static let createdAt = Date(timeIntervalSince1970: 1_760_000_000)
  static let source = BackupSource(deployment: "prod", resource: "prod-LISAApiTokenTable", region: "us-east-1")

  /// Cheap scrypt parameters so tests do not spend 128 MiB per derivation; the default is measured separately.
  static let fastScrypt: @Sendable () -> ScryptParameters = {
    ScryptParameters(salt: BackupCipher.randomBytes(16), cost: 1 << 10, blockSize: 8, parallelism: 1)
  }

  static func passphrase(_ text: String) -> Passphrase {
    guard let passphrase = Passphrase(text) else { fatalError("test passphrase must not be empty") }
    return passphrase
  }

  /// Deterministic records: every 3rd is "legacy" format, every 10th has no secret.
  static func record(_ index: Int) throws -> BackupRecord {
    let digest = SHA256.hash(data: Data("token-\(index)".utf8)).map { String(format: "%02x", $0) }.joined()
    let fields = TokenFields(
      name: "key \(index)", username: "user\(index % 97)", expiration: 1_800_000_000 + index, masked: "tok\(index % 10)…")
    let secret = index % 10 == 9 ? nil : Data("secret-value-\(index)-\(String(repeating: "x", count: index % 40))".utf8)
    return try BackupRecord(
      kind: "token", key: digest, format: index % 3 == 0 ? "legacy" : "hashed", publicFields: fields, secret: secret)
  }

  @discardableResult
  static func writeBackup(
    at path: String, count: Int, cipher: BackupCipher, batchSize: Int = 2000
  ) throws -> BackupMetadata {
    let writer = try BackupWriter(
      path: path, kind: "keys", source: source, lisaVersion: "6.1.0", createdAt: createdAt, cipher: cipher, batchSize: batchSize)
    for index in 0..<count { try writer.append(try record(index)) }
    return try writer.finish(completedAt: createdAt.addingTimeInterval(5))
  }

  static func readAll(_ path: String, protection: any BackupProtection, kind: String? = nil) async throws -> [BackupRecord] {
    let reader = try BackupReader(path: path)
    let backup = try await reader.unlock(with: protection)
    var records: [BackupRecord] = []
    for try await record in backup.records(kind: kind, pageSize: 777) { records.append(record) }
    return records
  }

  static func mode(of path: String) -> Int {
    var status = stat()
    guard stat(path, &status) == 0 else { return -1 }
    return Int(status.st_mode & 0o777)
  }

  static func temporaryFile(_ name: String = "keys.lisabak") -> String {
    TestPaths.temporaryDirectory("lisa-backup").appendingPathComponent(name).path
  }

  /// Backups of 10,000+ records are megabytes; tests remove theirs.
  static func removeDirectory(of path: String) {
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
  }

  /// Runs `body` and returns the `LisaError` it threw, or nil.
  static func lisaError(_ body: () async throws -> Void) async -> LisaError? {
    do {
      try await body()
      return nil
    } catch let error as LisaError {
      return error
    } catch {
      return LisaError(.failure, "not a LisaError: \(error)")
    }
  }
}

/// KMS in memory: data keys are wrapped with AES-GCM under a master key that never leaves the fake.
final class FakeKMS: DataKeyProvider, @unchecked Sendable {
  let keyId: String
  private let master = SymmetricKey(size: .bits256)
  private let lock = NSLock()
  private var calls: [String] = []

  init(keyId: String = "arn:aws:kms:us-east-1:111122223333:key/test-key") {
    self.keyId = keyId
  }

  var callLog: [String] {
    lock.lock()
    defer { lock.unlock() }
    return calls
  }

  private func log(_ call: String) {
    lock.lock()
    calls.append(call)
    lock.unlock()
  }

  func generateDataKey() async throws -> (plaintext: SymmetricKey, wrapped: Data, keyId: String) {
    log("GenerateDataKey")
    let key = SymmetricKey(size: .bits256)
    let wrapped = try AES.GCM.seal(key.withUnsafeBytes { Data($0) }, using: master).combined ?? Data()
    return (key, wrapped, keyId)
  }

  func decrypt(wrapped: Data) async throws -> SymmetricKey {
    log("Decrypt")
    do {
      return SymmetricKey(data: try AES.GCM.open(AES.GCM.SealedBox(combined: wrapped), using: master))
    } catch {
      throw LisaError(.auth, "KMS Decrypt: InvalidCiphertextException")
    }
  }
}
