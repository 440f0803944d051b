import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

/// A section that writes `count` records of one kind, and a restorer that counts what it restores and can
/// be told to fail (as a process killed mid-section would stop).
private struct CountingWriter: BackupSectionWriter {
  var section: BackupSection
  var count: Int

  func write(into writer: BackupWriter, progress: @escaping @Sendable (Int) -> Void) async throws -> [String] {
    for index in 0..<count {
      try writer.append(
        BackupRecord(
          kind: section.recordKinds[0], key: "\(section.rawValue)-\(index)", publicJSON: Data("{}".utf8),
          secret: Data("secret \(index)".utf8)))
      progress(1)
    }
    return []
  }
}

private final class RestoreLog: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String] = []
  var failing: Set<BackupSection> = []

  func add(_ entry: String) {
    lock.lock()
    entries.append(entry)
    lock.unlock()
  }

  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return entries
  }
}

private struct LoggingRestorer: SectionRestorer {
  var section: BackupSection
  var log: RestoreLog

  func plan(_ backup: UnlockedBackup, overwrite: Bool) async throws -> SectionPlan {
    var plan = SectionPlan(section: section)
    for try await _ in backup.records(kind: section.recordKinds[0]) { plan.missing += 1 }
    return plan
  }

  func restore(_ backup: UnlockedBackup, overwrite: Bool, log line: @escaping @Sendable (String) -> Void) async throws
    -> SectionOutcome
  {
    if log.failing.contains(section) { throw LisaError(.unavailable, "\(section.rawValue) interrupted") }
    log.add(section.rawValue)
    return SectionOutcome(counts: ["restored": try await plan(backup, overwrite: overwrite).missing])
  }
}

@Suite("Deployment backups: sections, creation, the restore journal")
struct DeploymentBackupTests {
  let directory = TestPaths.temporaryDirectory("lisa-deployment-backup")

  func context() -> LisaContext { TestContext(workingDirectory: directory).context }

  func makeBackup(_ counts: [BackupSection: Int], state: StateStore?) async throws -> (String, BackupMetadata) {
    let path = directory.appendingPathComponent("d.lisabak").path
    let creator = DeploymentBackupCreator(
      path: path, source: BackupSource(deployment: "prod", region: "us-east-1", details: ["stage": "dev"]),
      lisaVersion: "6.6.0", writers: counts.map { CountingWriter(section: $0.key, count: $0.value) }, context: context(),
      quiet: true)
    let outcome = try await creator.create(cipher: .unencrypted, state: state, info: { _ in }, warn: { _ in })
    return (path, outcome.metadata)
  }

  @Test func onlyNamesSectionsAndKeepsRestoreOrder() throws {
    #expect(try BackupSection.parse("keys,models,keys") == [.models, .keys])
    #expect(try BackupSection.parse(nil) == nil)
    #expect(throws: LisaError.self) { try BackupSection.parse("models,tokens") }
    #expect(BackupSection.of(kind: "token") == .keys && BackupSection.of(kind: "collection") == .rag)
  }

  @Test func aBackupHoldsEachSectionWithItsOwnCountAndChecksumAndIsIndexed() async throws {
    let state = try StateStore(directory: directory.appendingPathComponent("state").path, now: { Date() })
    let (path, metadata) = try await makeBackup([.keys: 30, .models: 3, .config: 2], state: state)
    #expect(metadata.kind == DeploymentBackup.backupKind)
    #expect(metadata.source.details["sections"] == "config,models,keys")
    #expect(Set(metadata.kindChecksums.keys) == ["config-file", "model", "token"])
    let reader = try BackupReader(path: path)
    #expect(reader.metadata.kindChecksums == metadata.kindChecksums)
    let summary = BackupSummary(path: "d.lisabak", metadata: reader.metadata)
    #expect(summary.parts.map(\.name) == ["config", "models", "keys"])
    #expect(summary.parts.map(\.count.total) == [2, 3, 30])
    #expect(!summary.lines.joined().contains("secret"))
    let listed = try BackupListing.all(in: state)
    #expect(listed.count == 1 && listed.first?.status == .ok && listed.first?.entry.recordCount == 35)
    #expect(try await BackupVerification.decryptAll(reader, protection: NoEncryption()) == 35)
  }

  @Test func aRestoreInterruptedInASectionResumesThereAndEndsAsAnUninterruptedOne() async throws {
    let (path, _) = try await makeBackup([.keys: 5, .models: 2, .config: 1], state: nil)
    let backup = try await BackupReader(path: path).unlock(with: NoEncryption())
    let state = try StateStore(directory: directory.appendingPathComponent("state").path, now: { Date() })
    let log = RestoreLog()
    func restore(overwrite: Bool = false) -> DeploymentRestore {
      DeploymentRestore(
        backupPath: path, target: "deployment:prod",
        restorers: [BackupSection.keys, .config, .models].map { LoggingRestorer(section: $0, log: log) }, overwrite: overwrite,
        state: state, context: context())
    }
    log.failing = [.keys]
    await #expect(throws: LisaError.self) { try await restore().run(backup, log: { _ in }) }
    #expect(log.all == ["config", "models"], "dependency order, up to the interruption")
    let changed = await BackupTestSupport.lisaError { _ = try await restore(overwrite: true).run(backup, log: { _ in }) }
    #expect(changed?.status == .conflict, "resuming with other options is refused")
    log.failing = []
    let summary = try await restore().run(backup, log: { _ in })
    #expect(summary.resumed && log.all == ["config", "models", "keys"], "finished sections are not run again")
    #expect(summary.counts == ["config.restored": 1, "models.restored": 2, "keys.restored": 5])
    let fresh = try await restore().run(backup, log: { _ in })
    #expect(!fresh.resumed && fresh.counts == summary.counts)
  }

  @Test func configFilesAreWrittenWhenMissingAndKeptWhenTheyDiffer() async throws {
    let path = directory.appendingPathComponent("c.lisabak").path
    let writer = try BackupWriter(
      path: path, kind: DeploymentBackup.backupKind, source: BackupSource(), createdAt: Date(), cipher: .unencrypted)
    for (file, text) in [("config-custom.yaml", "deploymentName: prod\n"), ("config-base.yaml", "a: 1\n"), ("merged.yaml", "m")] {
      try writer.append(try ConfigBackup.record(file: file, text: text))
    }
    try writer.finish(completedAt: Date())
    let backup = try await BackupReader(path: path).unlock(with: NoEncryption())
    let target = directory.appendingPathComponent("config")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    try "a: 2\n".write(to: target.appendingPathComponent("config-base.yaml"), atomically: true, encoding: .utf8)
    let restorer = ConfigRestorer(directory: target.path, context: context())
    let plan = try await restorer.plan(backup, overwrite: false)
    #expect((plan.missing, plan.same, plan.differs) == (1, 0, 1))
    _ = try await restorer.restore(backup, overwrite: false, log: { _ in })
    let custom = target.appendingPathComponent("config-custom.yaml")
    #expect(try String(contentsOf: custom, encoding: .utf8) == "deploymentName: prod\n")
    #expect(BackupTestSupport.mode(of: custom.path) == 0o600)
    #expect(try String(contentsOf: target.appendingPathComponent("config-base.yaml"), encoding: .utf8) == "a: 2\n")
    #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("merged.yaml").path))
    _ = try await restorer.restore(backup, overwrite: true, log: { _ in })
    #expect(try String(contentsOf: target.appendingPathComponent("config-base.yaml"), encoding: .utf8) == "a: 1\n")
  }
}
