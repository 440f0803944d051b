import Foundation
import GRDB
import LisaTestSupport
import Testing

@testable import LisaKit

@Suite("Local state: run journal and checkpoints")
struct StateStoreTests {
  /// A clock the test moves by hand.
  final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_760_000_000.123_456)
    var now: @Sendable () -> Date { { self.lock.withLock { self.current } } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
  }

  private func directory() -> String {
    TestPaths.temporaryDirectory("lisa-state").appendingPathComponent("state/lisa").path
  }

  private func context(_ environment: [String: String]) -> LisaContext {
    LisaContext(
      environment: environment, workingDirectory: "/work/dir", homeDirectory: "/home/op", now: { Date() }, terminal: .pipes,
      stdout: BufferSink(), stderr: BufferSink())
  }

  @Test func theDirectoryFollowsTheEnvironment() {
    #expect(StateLocation.directory(context: context([:])) == "/home/op/.local/state/lisa")
    #expect(StateLocation.directory(context: context(["XDG_STATE_HOME": "/xdg"])) == "/xdg/lisa")
    #expect(StateLocation.directory(context: context(["XDG_STATE_HOME": "relative"])) == "/home/op/.local/state/lisa")
    #expect(StateLocation.directory(context: context(["XDG_STATE_HOME": "/xdg", "LISA_STATE_DIR": "st"])) == "/work/dir/st")
  }

  @Test func theDirectoryIsPrivateAndTheDatabaseToo() throws {
    let directory = directory()
    let store = try StateStore(directory: directory, now: Clock().now)
    let run = try store.startOrResume(kind: "keys.migrate", source: "a", target: "b").run
    try store.record([Checkpoint(itemKey: "k", status: .written)], for: run.id)
    #expect(BackupTestSupport.mode(of: directory) == 0o700)
    #expect(BackupTestSupport.mode(of: store.path) == 0o600)
    #expect(BackupTestSupport.mode(of: store.path + "-wal") == 0o600)
    let journalMode = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    #expect(journalMode == "wal")

    // A database someone loosened is tightened again on open.
    chmod(store.path, 0o644)
    _ = try StateStore(directory: directory, now: Clock().now)
    #expect(BackupTestSupport.mode(of: store.path) == 0o600)
  }

  @Test func anInterruptedRunIsFoundAgainWithItsCheckpointsAfterReopening() throws {
    let directory = directory()
    let clock = Clock()
    let startedAt: Date
    let runId: Int64
    do {
      // First process: starts, does some work, and "dies" without finishing (no close, no finish).
      let store = try StateStore(directory: directory, now: clock.now)
      let start = try store.startOrResume(
        kind: "keys.migrate", source: "prod-LISAApiTokenTable", target: "prod-LISAApiBaseTokenTable",
        parameters: ["defaultExpirationDays": "90"], phase: "export")
      #expect(!start.resumed)
      runId = start.run.id
      startedAt = start.run.startedAt
      clock.advance(30)
      try store.attachBackup(path: "/backups/keys.lisabak", to: runId)
      try store.advance(runId, to: "import", counts: ["exported": 250])
      try store.record((0..<100).map { Checkpoint(itemKey: "key-\($0)", status: .written) }, for: runId, counts: ["written": 100])
      try store.record([Checkpoint(itemKey: "key-100", status: .failed, reason: "ProvisionedThroughputExceeded")], for: runId)
      try store.record([Checkpoint(itemKey: "key-101", status: .skipped, reason: "already in target")], for: runId)
    }

    clock.advance(3600)
    let store = try StateStore(directory: directory, now: clock.now)
    let start = try store.startOrResume(
      kind: "keys.migrate", source: "prod-LISAApiTokenTable", target: "prod-LISAApiBaseTokenTable", parameters: ["ignored": "x"])
    #expect(start.resumed)
    #expect(start.run.id == runId)
    #expect(start.run.startedAt == startedAt, "a resumed run keeps the exact start time")
    #expect(start.run.startedAt.timeIntervalSince1970 == 1_760_000_000.123_456)
    #expect(start.run.parameters == ["defaultExpirationDays": "90"])
    #expect(start.run.phase == "import")
    #expect(start.run.counts == ["written": 100])
    #expect(start.run.backupPath == "/backups/keys.lisabak")
    #expect(!start.run.isFinished)

    #expect(try store.doneKeys(for: runId).count == 101)
    #expect(try store.doneKeys(for: runId, among: ["key-5", "key-100", "key-101", "key-999"]) == ["key-5", "key-101"])
    #expect(try store.checkpointCounts(for: runId) == [.written: 100, .failed: 1, .skipped: 1])
    #expect(
      try store.checkpoints(for: runId, status: .failed) == [
        Checkpoint(itemKey: "key-100", status: .failed, reason: "ProvisionedThroughputExceeded")
      ])

    // The retry succeeds; then the run ends and the same command starts a fresh run.
    try store.record([Checkpoint(itemKey: "key-100", status: .written)], for: runId)
    #expect(try store.checkpointCounts(for: runId) == [.written: 101, .skipped: 1])
    let finished = try store.finish(runId, outcome: .succeeded, counts: ["written": 101, "skipped": 1])
    #expect(finished.outcome == .succeeded && finished.endedAt == clock.now() && finished.phase == "finished")
    #expect(
      try store.unfinishedRun(kind: "keys.migrate", source: "prod-LISAApiTokenTable", target: "prod-LISAApiBaseTokenTable") == nil
    )
    let next = try store.startOrResume(
      kind: "keys.migrate", source: "prod-LISAApiTokenTable", target: "prod-LISAApiBaseTokenTable")
    #expect(!next.resumed && next.run.id != runId)
    #expect(try store.doneKeys(for: next.run.id).isEmpty)
    #expect(try store.recentRuns().map(\.id) == [next.run.id, runId])
  }

  @Test func aFinishedRunCannotBeChanged() throws {
    let store = try StateStore(directory: directory(), now: Clock().now)
    let run = try store.startOrResume(kind: "k", source: "s", target: "t").run
    try store.finish(run.id, outcome: .partial)
    #expect { try store.record([Checkpoint(itemKey: "x", status: .written)], for: run.id) } throws: {
      ($0 as? LisaError)?.status == .conflict
    }
    #expect { try store.advance(run.id, to: "again") } throws: { ($0 as? LisaError)?.status == .conflict }
    #expect { try store.finish(run.id, outcome: .succeeded) } throws: { ($0 as? LisaError)?.status == .conflict }
    #expect { try store.advance(999, to: "x") } throws: { ($0 as? LisaError)?.status == .notFound }
    #expect(try store.run(id: run.id)?.outcome == .partial)
  }

  /// A batch is one transaction: a crash (here an error) in the middle records none of it.
  @Test func aBatchIsAllOrNothing() throws {
    let store = try StateStore(directory: directory(), now: Clock().now)
    let run = try store.startOrResume(kind: "k", source: "s", target: "t").run
    #expect(throws: (any Error).self) {
      try store.write { db in
        try db.execute(
          sql: "INSERT INTO checkpoint (runId, itemKey, status, updatedAt) VALUES (?, 'a', 'written', 0)", arguments: [run.id])
        try db.execute(
          sql: "INSERT INTO checkpoint (runId, itemKey, status, updatedAt) VALUES (?, 'b', 'bogus', 0)", arguments: [run.id])
      }
    }
    #expect(try store.doneKeys(for: run.id).isEmpty)
  }

  @Test func manyCheckpointsAreRecordedInBatchesAndQueriedInChunks() throws {
    let store = try StateStore(directory: directory(), now: Clock().now)
    let run = try store.startOrResume(kind: "k", source: "s", target: "t").run
    let keys = (0..<20_000).map { String(format: "%064x", $0) }
    for start in stride(from: 0, to: keys.count, by: 1000) {
      try store.record(keys[start..<start + 1000].map { Checkpoint(itemKey: $0, status: .written) }, for: run.id)
    }
    let asked = keys.enumerated().filter { $0.offset % 7 == 0 }.map(\.element) + ["missing"]
    let done = try store.doneKeys(for: run.id, among: asked)
    #expect(done.count == asked.count - 1 && !done.contains("missing"))
  }

  @Test func onlyOneProcessHoldsARunAndADeadOnesLeaseIsFree() throws {
    let store = try StateStore(directory: directory(), now: Clock().now)
    let run = try store.startOrResume(kind: "k", source: "s", target: "t").run
    do {
      let lease = try store.lease(run.id)
      #expect { _ = try store.lease(run.id) } throws: { ($0 as? LisaError)?.status == .conflict }
      _ = lease
    }
    let again = try store.lease(run.id)
    #expect(again.runId == run.id)
  }

  @Test func backupsAreIndexed() throws {
    let clock = Clock()
    let store = try StateStore(directory: directory(), now: clock.now)
    let run = try store.startOrResume(kind: "keys.export", source: "s", target: "/b").run
    let metadata = BackupMetadata(
      kind: "keys", source: BackupTestSupport.source, lisaVersion: nil, createdAt: clock.now(), completedAt: clock.now(),
      counts: BackupCounts(kinds: ["token": KindCount(total: 3)]), checksum: "sha256:ab", encryption: .none)
    try store.recordBackup(BackupIndexEntry(path: "/b/old.lisabak", metadata: metadata, runId: run.id))
    clock.advance(10)
    var newer = metadata
    newer.createdAt = clock.now()
    try store.recordBackup(BackupIndexEntry(path: "/b/new.lisabak", metadata: newer))
    let entries = try store.backups()
    #expect(entries.map(\.path) == ["/b/new.lisabak", "/b/old.lisabak"])
    #expect(entries.last?.source == "prod/prod-LISAApiTokenTable/us-east-1")
    #expect(entries.last?.recordCount == 3 && entries.last?.runId == run.id && entries.last?.encryption == "none")
  }
}
