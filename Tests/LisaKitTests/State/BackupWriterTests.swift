import Foundation
import Testing

@testable import LisaKit

@Suite("Backup files: the writer")
struct BackupWriterTests {
  typealias Support = BackupTestSupport

  private func makeWriter(_ path: String, replacing: Bool = false) throws -> BackupWriter {
    try BackupWriter(
      path: path, kind: "keys", source: Support.source, createdAt: Support.createdAt, cipher: .unencrypted, replacing: replacing,
      batchSize: 100)
  }

  private func hiddenFiles(besides path: String) throws -> [String] {
    let directory = (path as NSString).deletingLastPathComponent
    return try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }.sorted()
  }

  @Test func theFileIsPrivateWhileWrittenAndOnlyAppearsWhenFinished() throws {
    let path = Support.temporaryFile()
    let writer = try makeWriter(path)
    let temporary = try #require(writer.temporaryPath)
    #expect(Support.mode(of: temporary) == 0o600)
    for index in 0..<1000 { try writer.append(try Support.record(index)) }
    #expect(Support.mode(of: temporary) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: path), "nothing under the final name before finish")
    try writer.finish(completedAt: Support.createdAt)
    #expect(Support.mode(of: path) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: temporary))
    #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    #expect(try hiddenFiles(besides: path).isEmpty)
  }

  @Test func anAbandonedOrDroppedWriterLeavesNothingBehind() throws {
    let abandoned = Support.temporaryFile()
    let writer = try makeWriter(abandoned)
    for index in 0..<550 { try writer.append(try Support.record(index)) }
    writer.abandon()
    #expect(!FileManager.default.fileExists(atPath: abandoned))
    #expect(try hiddenFiles(besides: abandoned).isEmpty)
    #expect(throws: LisaError.self) { try writer.append(try Support.record(1)) }

    let dropped = Support.temporaryFile()
    do {
      let writer = try makeWriter(dropped)
      for index in 0..<550 { try writer.append(try Support.record(index)) }
    }
    #expect(!FileManager.default.fileExists(atPath: dropped))
    #expect(try hiddenFiles(besides: dropped).isEmpty)
  }

  /// kill -9 cannot run deinit: the half-written temporary file stays, unlocked. The next writer for
  /// the same name removes it, but not a file whose writer is still alive.
  @Test func aKilledWritersDebrisIsRemovedByTheNextWriter() throws {
    let path = Support.temporaryFile()
    let live = try makeWriter(path + ".other")
    let debris = (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent + ".tmp-Zq81xP"
    try Data("half a database".utf8).write(to: URL(fileURLWithPath: debris))
    try Data().write(to: URL(fileURLWithPath: debris + "-journal"))
    let running = try makeWriter(path)
    let runningTemporary = try #require(running.temporaryPath)
    #expect(!FileManager.default.fileExists(atPath: debris))
    #expect(!FileManager.default.fileExists(atPath: debris + "-journal"))
    #expect(!FileManager.default.fileExists(atPath: path))

    // A second writer for the same name must not delete the first one's live file.
    let concurrent = try makeWriter(path)
    #expect(FileManager.default.fileExists(atPath: runningTemporary))
    concurrent.abandon()
    try running.finish(completedAt: Support.createdAt)
    #expect(try BackupReader(path: path).metadata.counts.total == 0)
    live.abandon()
  }

  @Test func anExistingBackupIsOnlyReplacedWhenAskedTo() throws {
    let path = Support.temporaryFile()
    try Support.writeBackup(at: path, count: 5, cipher: .unencrypted)
    #expect { _ = try makeWriter(path) } throws: { ($0 as? LisaError)?.status == .conflict }

    // The name was taken while the writer ran: finish refuses and cleans up.
    let racing = Support.temporaryFile()
    let writer = try makeWriter(racing)
    try writer.append(try Support.record(1))
    try Data("someone else's file".utf8).write(to: URL(fileURLWithPath: racing))
    #expect { try writer.finish(completedAt: Support.createdAt) } throws: { ($0 as? LisaError)?.status == .conflict }
    #expect(try String(contentsOfFile: racing, encoding: .utf8) == "someone else's file")
    #expect(try hiddenFiles(besides: racing).isEmpty)

    let replacing = try makeWriter(path, replacing: true)
    try replacing.append(try Support.record(7))
    try replacing.finish(completedAt: Support.createdAt)
    #expect(try BackupReader(path: path).metadata.counts.total == 1)
    #expect(Support.mode(of: path) == 0o600)
  }

  @Test func aRepeatedKeyIsRejectedAndNamed() throws {
    let path = Support.temporaryFile()
    let writer = try makeWriter(path)
    let record = try Support.record(1)
    try writer.append(record)
    try writer.append(record)
    #expect { try writer.finish(completedAt: Support.createdAt) } throws: { error in
      let message = (error as? LisaError)?.description ?? ""
      return message.contains("appears twice") && message.contains(String(record.key.prefix(12)))
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func aMissingDirectoryIsNamed() throws {
    let path = Support.temporaryFile("no/such/dir/keys.lisabak")
    #expect { _ = try makeWriter(path) } throws: { ($0 as? LisaError)?.status == .notFound }
  }
}
