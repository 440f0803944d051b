import Foundation
import Testing

@testable import LisaKit

@Suite("Backup files: round trips")
struct BackupRoundTripTests {
  typealias Support = BackupTestSupport
  static let count = 10_000

  /// Writes 10,000 records, reads them back, and compares every field of every record in order.
  private func roundTrip(writeWith protection: any BackupProtection, readWith reading: any BackupProtection) async throws -> (
    BackupMetadata, String
  ) {
    let path = Support.temporaryFile()
    let written = try Support.writeBackup(at: path, count: Self.count, cipher: try await protection.newCipher())
    let records = try await Support.readAll(path, protection: reading)
    #expect(records.count == Self.count)
    for (index, record) in records.enumerated() {
      let expected = try Support.record(index)
      guard record == expected else {
        Issue.record("record \(index) differs: \(record) vs \(expected)")
        break
      }
    }
    let reader = try BackupReader(path: path)
    #expect(reader.metadata == written)
    return (written, path)
  }

  @Test func unencryptedRoundTrip() async throws {
    let (metadata, path) = try await roundTrip(writeWith: NoEncryption(), readWith: NoEncryption())
    defer { Support.removeDirectory(of: path) }
    #expect(metadata.encryption == .none)
    #expect(metadata.counts.kinds["token"] == KindCount(total: 10_000, formats: ["legacy": 3334, "hashed": 6666]))
    #expect(Support.mode(of: path) == 0o600)
    // Unencrypted means what it says: the secret is in the file as is.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes.range(of: Data("secret-value-12-".utf8)) != nil)
  }

  @Test func passphraseRoundTrip() async throws {
    let protection = PassphraseProtection(Support.passphrase("correct horse battery staple"), parameters: Support.fastScrypt)
    let (metadata, path) = try await roundTrip(writeWith: protection, readWith: protection)
    defer { Support.removeDirectory(of: path) }
    guard case .passphrase(let parameters) = metadata.encryption else {
      Issue.record("expected a passphrase header, got \(metadata.encryption.scheme)")
      return
    }
    #expect(parameters.cost == 1024 && parameters.salt.count == 16)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes.range(of: Data("secret-value-12-".utf8)) == nil, "secrets must not be stored in the clear")
    #expect(bytes.range(of: Data("correct horse".utf8)) == nil)
    #expect(Support.mode(of: path) == 0o600)
  }

  @Test func kmsEnvelopeRoundTrip() async throws {
    let kms = FakeKMS()
    let protection = KMSEnvelopeProtection(provider: kms)
    let (metadata, path) = try await roundTrip(writeWith: protection, readWith: protection)
    defer { Support.removeDirectory(of: path) }
    #expect(metadata.encryption.scheme == "kms")
    if case .kms(let keyId, let wrapped) = metadata.encryption {
      #expect(keyId == kms.keyId)
      #expect(wrapped.count == 60)
    }
    #expect(kms.callLog == ["GenerateDataKey", "Decrypt"])
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes.range(of: Data("secret-value-12-".utf8)) == nil)
  }

  @Test func metadataIsReadableWithoutAnyKey() async throws {
    let path = Support.temporaryFile()
    let protection = PassphraseProtection(Support.passphrase("pw"), parameters: Support.fastScrypt)
    try Support.writeBackup(at: path, count: 30, cipher: try await protection.newCipher())
    let reader = try BackupReader(path: path)
    #expect(reader.metadata.kind == "keys")
    #expect(reader.metadata.source == Support.source)
    #expect(reader.metadata.lisaVersion == "6.1.0")
    #expect(reader.metadata.counts.total == 30)
    #expect(reader.metadata.createdAt == Support.createdAt)
    #expect(reader.metadata.checksum.hasPrefix("sha256:") && reader.metadata.checksum.count == 71)
  }

  @Test func recordsOfOneKindKeepTheirOrderAcrossPages() async throws {
    let path = Support.temporaryFile()
    let writer = try BackupWriter(
      path: path, kind: "full", source: Support.source, createdAt: Support.createdAt, cipher: .unencrypted, batchSize: 7)
    for index in 0..<50 {
      let kind = index % 2 == 0 ? "model" : "repository"
      try writer.append(BackupRecord(kind: kind, key: "\(kind)-\(index)", publicJSON: Data("{\"i\":\(index)}".utf8)))
    }
    let metadata = try writer.finish(completedAt: Support.createdAt)
    #expect(metadata.counts.kinds["model"]?.total == 25 && metadata.counts.kinds["repository"]?.total == 25)
    let models = try await Support.readAll(path, protection: NoEncryption(), kind: "model")
    #expect(models.map(\.key) == stride(from: 0, to: 50, by: 2).map { "model-\($0)" })
    let backup = try await BackupReader(path: path).unlock(with: NoEncryption())
    var keys: [String] = []
    for try await record in backup.records(pageSize: 3) { keys.append(record.key) }
    #expect(keys.count == 50 && keys.first == "model-0" && keys.last == "repository-49")
  }

  @Test func identicalInputGivesTheIdenticalChecksum() async throws {
    let first = try Support.writeBackup(at: Support.temporaryFile(), count: 200, cipher: .unencrypted)
    let second = try Support.writeBackup(at: Support.temporaryFile(), count: 200, cipher: .unencrypted, batchSize: 13)
    let shorter = try Support.writeBackup(at: Support.temporaryFile(), count: 199, cipher: .unencrypted)
    #expect(first.checksum == second.checksum)
    #expect(first.checksum != shorter.checksum)
  }

  @Test func publicFieldsDecodeBackToTheirType() throws {
    let record = try Support.record(4)
    let fields = try record.publicFields(as: TokenFields.self)
    #expect(fields.username == "user4" && fields.expiration == 1_800_000_004)
    #expect(!record.description.contains("secret-value"), "a record's description must not show its secret")
  }
}
