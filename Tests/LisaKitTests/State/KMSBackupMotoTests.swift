import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

/// A backup encrypted with a data key from KMS (moto_server on loopback) and read back.
@Suite("Backup files: KMS envelope encryption against moto")
struct KMSBackupMotoTests {
  @Test func aBackupRoundTripsThroughKMS() async throws {
    try await MotoServer.with { server in
      let kms = try motoClients(server).kms()
      let keyID = try await kms.createKey(description: "lisa backups")
      let otherKeyID = try await kms.createKey(description: "something else")
      let path = BackupTestSupport.temporaryFile()
      defer { BackupTestSupport.removeDirectory(of: path) }
      let protection = KMSEnvelopeProtection(provider: KMSDataKeys(client: kms, keyID: keyID))
      let written = try BackupTestSupport.writeBackup(at: path, count: 500, cipher: try await protection.newCipher())
      guard case .kms(let storedKeyID, let wrapped) = written.encryption else {
        Issue.record("expected a KMS header, got \(written.encryption.scheme)")
        return
      }
      #expect(storedKeyID.hasSuffix(keyID))
      #expect(!wrapped.isEmpty)

      let records = try await BackupTestSupport.readAll(path, protection: protection)
      #expect(records == (try (0..<500).map(BackupTestSupport.record)))

      // Naming another key makes KMS refuse to unwrap the data key.
      let wrongKey = KMSEnvelopeProtection(provider: KMSDataKeys(client: kms, keyID: otherKeyID))
      let error = await BackupTestSupport.lisaError { _ = try await BackupTestSupport.readAll(path, protection: wrongKey) }
      #expect(error != nil && error?.status != .ok)
    }
  }
}
