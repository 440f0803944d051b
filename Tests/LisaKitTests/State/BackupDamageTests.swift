import Foundation
import GRDB
import Testing

@testable import LisaKit

@Suite("Backup files: damage, tampering and wrong keys")
struct BackupDamageTests {
  typealias Support = BackupTestSupport

  private func copy(_ path: String, edit: (inout Data) -> Void) throws -> String {
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    edit(&bytes)
    let damaged = path + ".damaged"
    try bytes.write(to: URL(fileURLWithPath: damaged))
    return damaged
  }

  private func expectDamaged(_ path: String, protection: any BackupProtection = NoEncryption(), _ comment: String) async {
    let error = await Support.lisaError { _ = try await Support.readAll(path, protection: protection) }
    #expect(error?.status == .dataError, "\(comment): \(error?.description ?? "no error")")
    #expect(
      error?.description.contains("backup is damaged or truncated") == true, "\(comment): \(error?.description ?? "no error")")
  }

  @Test func truncatedFilesAreRejectedAtEveryCut() async throws {
    let path = Support.temporaryFile()
    defer { Support.removeDirectory(of: path) }
    try Support.writeBackup(at: path, count: 10_000, cipher: .unencrypted)
    let size = try Data(contentsOf: URL(fileURLWithPath: path)).count
    #expect(size > 100_000)
    for cut in [0, 1, 50, 99, 100, 4096, 4097, size / 3, size / 2, size - 4096, size - 100, size - 1] {
      let damaged = try copy(path) { $0 = $0.prefix(cut) }
      await expectDamaged(damaged, "cut at \(cut) of \(size)")
      let message = (await Support.lisaError { _ = try BackupReader(path: damaged) })?.description ?? ""
      #expect(message.hasPrefix(damaged + ": "), "the message names the file: \(message)")
    }
  }

  @Test func aFlippedByteInARecordIsCaughtByTheChecksum() async throws {
    let path = Support.temporaryFile()
    try Support.writeBackup(at: path, count: 2000, cipher: .unencrypted)
    let damaged = try copy(path) { bytes in
      guard let range = bytes.range(of: Data("\"username\":\"user42\"".utf8)) else { return }
      bytes[range.lowerBound + 13] ^= 0x01
    }
    #expect(damaged != path)
    let error = await Support.lisaError { _ = try BackupReader(path: damaged) }
    #expect(error?.status == .dataError)
    #expect(error?.description.contains("checksum mismatch") == true, "\(error?.description ?? "no error")")
  }

  /// Wherever a byte flips, the reader either refuses the file or returns exactly the records written:
  /// it never hands out altered data.
  @Test func flippedBytesAnywhereNeverYieldWrongRecords() async throws {
    let path = Support.temporaryFile()
    let protection = PassphraseProtection(Support.passphrase("pw"), parameters: Support.fastScrypt)
    defer { Support.removeDirectory(of: path) }
    try Support.writeBackup(at: path, count: 1500, cipher: try await protection.newCipher())
    let size = try Data(contentsOf: URL(fileURLWithPath: path)).count
    let expected = try (0..<1500).map(Support.record)
    var refused = 0
    for position in stride(from: 7, to: size, by: size / 40) {
      let damaged = try copy(path) { $0[position] ^= 0x5A }
      do {
        let records = try await Support.readAll(damaged, protection: protection)
        let unchanged = records == expected
        #expect(unchanged, "byte \(position) changed the records")
      } catch let error as LisaError {
        refused += 1
        #expect([.dataError, .auth].contains(error.status), "byte \(position): \(error)")
      }
    }
    #expect(refused > 20, "most positions hold data that matters; only \(refused) were refused")
  }

  @Test func aChecksumThatDoesNotMatchIsReported() async throws {
    let path = Support.temporaryFile()
    try Support.writeBackup(at: path, count: 100, cipher: .unencrypted)
    try await edit(
      path,
      "UPDATE metadata SET value = 'sha256:' || substr(value, 8, 63) || '0' WHERE name = 'checksum' AND substr(value, 71) <> '0'")
    try await edit(
      path,
      "UPDATE metadata SET value = 'sha256:' || substr(value, 8, 63) || '1' WHERE name = 'checksum' AND substr(value, 71) = '0'")
    let error = await Support.lisaError { _ = try BackupReader(path: path) }
    let expected = "backup is damaged or truncated (checksum mismatch) (hint: restore the file from another copy or export again)"
    #expect(error?.description == "\(path): \(expected)")
  }

  @Test func deletedRecordsAreCaughtByCountsAndByTheKeyedManifest() async throws {
    let kms = FakeKMS()
    let path = Support.temporaryFile()
    try Support.writeBackup(at: path, count: 100, cipher: try await KMSEnvelopeProtection(provider: kms).newCipher())
    try await edit(path, "DELETE FROM records WHERE seq = 50")
    let countError = await Support.lisaError { _ = try BackupReader(path: path) }
    #expect(
      countError?.description.contains("holds 99 records, the metadata says 100") == true, "\(countError?.description ?? "")")

    // Someone who also fixes counts and checksum still lacks the key for the manifest tag.
    let reader = try BackupReader(path: path, verify: false)
    var counts = reader.metadata.counts
    counts.add(kind: "token", format: try Support.record(49).format, count: -1)
    var checksum = BackupChecksum()
    let rows = try DatabaseQueue(path: path).read { db in try Row.fetchAll(db, sql: "SELECT * FROM records ORDER BY seq") }
    for row in rows {
      let text: String = row["public"]
      checksum.add(
        kind: row["kind"], key: row["key"], format: row["format"], publicJSON: Data(text.utf8), storedSecret: row["secret"])
    }
    let countsText = String(decoding: try BackupFormat.jsonEncoder.encode(counts), as: UTF8.self)
    try await edit(path, "UPDATE metadata SET value = '\(countsText)' WHERE name = 'counts'")
    try await edit(path, "UPDATE metadata SET value = '\(checksum.finalize())' WHERE name = 'checksum'")
    // Every record is a token, so the token kind's checksum is the whole file's.
    try await edit(path, "UPDATE metadata SET value = '{\"token\":\"\(checksum.finalize())\"}' WHERE name = 'kindChecksums'")
    let forged = try BackupReader(path: path)
    let error = await Support.lisaError { _ = try await forged.unlock(with: KMSEnvelopeProtection(provider: kms)) }
    #expect(error?.description.contains("counts and checksum were changed") == true, "\(error?.description ?? "no error")")
  }

  @Test func aSecretCannotBeMovedToAnotherRecord() throws {
    let cipher = BackupCipher(header: .kms(keyId: "k", wrappedKey: Data()), key: .init(size: .bits256))
    let first = try Support.record(1)
    let second = try Support.record(2)
    let sealed = try cipher.seal(Data("s".utf8), boundTo: first.sealingContext)
    #expect(try cipher.open(sealed, boundTo: first.sealingContext) == Data("s".utf8))
    #expect(throws: (any Error).self) { try cipher.open(sealed, boundTo: second.sealingContext) }
    var edited = first
    edited.publicJSON = Data(
      String(decoding: first.publicJSON, as: UTF8.self).replacingOccurrences(of: "user1", with: "admin").utf8)
    #expect(throws: (any Error).self) { try cipher.open(sealed, boundTo: edited.sealingContext) }
  }

  @Test func aWrongPassphraseIsAnAuthErrorBeforeAnyRecordIsRead() async throws {
    let path = Support.temporaryFile()
    try Support.writeBackup(
      at: path, count: 10,
      cipher: try await PassphraseProtection(Support.passphrase("right"), parameters: Support.fastScrypt).newCipher())
    let wrong = PassphraseProtection(Support.passphrase("wrong"), parameters: Support.fastScrypt)
    let error = await Support.lisaError { _ = try await BackupReader(path: path).unlock(with: wrong) }
    #expect(error?.status == .auth)
    #expect(error?.description.contains("the passphrase does not open this backup") == true)
    #expect(error?.description.contains("wrong") == false && error?.description.contains("right") == false)
  }

  @Test func theWrongKindOfProtectionIsAUsageError() async throws {
    let path = Support.temporaryFile()
    try Support.writeBackup(at: path, count: 3, cipher: try await KMSEnvelopeProtection(provider: FakeKMS()).newCipher())
    let error = await Support.lisaError { _ = try await Support.readAll(path, protection: NoEncryption()) }
    #expect(error?.status == .usage)
    #expect(error?.description.contains("backup uses kms protection, not none") == true)
    let otherKMS = await Support.lisaError {
      _ = try await Support.readAll(path, protection: KMSEnvelopeProtection(provider: FakeKMS()))
    }
    #expect(otherKMS?.status == .auth)
  }

  @Test func filesThatAreNotLisaBackupsAreNamedAsSuch() async throws {
    let text = Support.temporaryFile("notes.lisabak")
    try Data(String(repeating: "hello ", count: 100).utf8).write(to: URL(fileURLWithPath: text))
    #expect(
      (await Support.lisaError { _ = try BackupReader(path: text) })?.description
        == "\(text): not a lisa backup file (not an SQLite database)")
    let other = Support.temporaryFile("other.db")
    try await DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
    #expect(
      (await Support.lisaError { _ = try BackupReader(path: other) })?.description.contains(
        "an SQLite database of another application") == true)
    let missing = Support.temporaryFile("missing.lisabak")
    #expect((await Support.lisaError { _ = try BackupReader(path: missing) })?.status == .notFound)
  }

  @Test func aNewerFormatAsksForANewerLisa() async throws {
    let path = Support.temporaryFile()
    try Support.writeBackup(at: path, count: 3, cipher: .unencrypted)
    try await edit(path, "UPDATE metadata SET value = '99' WHERE name = 'formatVersion'")
    let error = await Support.lisaError { _ = try BackupReader(path: path) }
    #expect(error?.status == .dataError)
    #expect(error?.description.contains("backup format 99 is newer than this lisa understands") == true)
  }

  private func edit(_ path: String, _ sql: String) async throws {
    try await DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
  }
}
