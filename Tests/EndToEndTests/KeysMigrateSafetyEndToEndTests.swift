import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// `lisa keys migrate` next to other writers of the target table, dry runs against real runs, and a
/// source table that disappeared after the backup was complete.
@Suite(.serialized) struct KeysMigrateSafetyEndToEndTests {
  typealias Base = KeysMigrateEndToEndTests
  let base = KeysMigrateEndToEndTests()

  static func json(_ result: ProcessResult) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
  }

  static func written(_ json: [String: Any]) -> Int { (json["counts"] as? [String: Any])?["written"] as? Int ?? -1 }

  @Test func twoMigrationsWithTheirOwnStateNeverRewriteEachOthersItemsAndCountTruly() async throws {
    try await MotoServer.with { server in
      let setup = try await base.setUp(server, count: 1200)
      let arguments = ["keys", "migrate", "--default-expiration", "90d", "-q", "-o", "json"]
      var second = setup.environment
      second["LISA_STATE_DIR"] = setup.dir.appendingPathComponent("state-2").path
      let first = try Subprocess.startLisa(arguments, environment: setup.environment)
      let other = try Subprocess.startLisa(arguments, environment: second)
      let (a, b) = (await first.wait(), await other.wait())
      #expect(a.status == 0, "\(a.stderr)")
      #expect(b.status == 0, "\(b.stderr)")
      let (jsonA, jsonB) = (try Self.json(a), try Self.json(b))
      let live = setup.total - setup.expired
      let items = try await TokenTableScript.dump(endpoint: server.url, table: Base.target)
      #expect(items.count == live)
      #expect(Self.written(jsonA) + Self.written(jsonB) == live, "each item counted as written by exactly one run")
      for json in [jsonA, jsonB] {
        let skipped = (json["counts"] as? [String: Any])?["skippedBecause"] as? [String: Int] ?? [:]
        #expect(Self.written(json) + (skipped[TokenImporter.alreadyPresent] ?? 0) == live, "\(skipped)")
        #expect((json["verification"] as? [String: Any])?["accepted"] as? Int == live)
      }
      // Whoever wrote an item first, it is never replaced: as many items carry a run's start time as
      // that run says it wrote (when both runs started in the same second, all items carry it).
      let byCreated = Dictionary(grouping: items.compactMap(Base.createdDate), by: { $0 }).mapValues(\.count)
      if byCreated.count == 2 {
        #expect(byCreated.values.sorted() == [Self.written(jsonA), Self.written(jsonB)].sorted(), "\(byCreated)")
      } else {
        #expect(byCreated.count == 1)
      }

      // Byte for byte what one uninterrupted run writes, apart from the run's own start time.
      try await TokenTableScript.create(endpoint: server.url, table: "baseline", v61: true)
      let baseline = try await Subprocess.lisa(
        arguments + ["--to-table", "baseline"],
        environment: setup.environment.merging(
          ["LISA_STATE_DIR": setup.dir.appendingPathComponent("state-3").path]) { _, new in new })
      #expect(baseline.status == 0, "\(baseline.stderr)")
      #expect(
        Base.withoutRunTimes(items)
          == Base.withoutRunTimes(try await TokenTableScript.dump(endpoint: server.url, table: "baseline")))
    }
  }

  @Test func dryRunWithOverwriteSaysWhatTheRealRunDoes() async throws {
    try await MotoServer.with { server in
      let setup = try await base.setUp(server, count: 40)
      let live = setup.total - setup.expired
      #expect(
        try await Subprocess.lisa(["keys", "migrate", "--default-expiration", "90d", "-q"], environment: setup.environment).status
          == 0)
      // Items with another tokenUUID are "a different item": only --overwrite replaces them.
      try await TokenTableScript.retag(endpoint: server.url, table: Base.target, count: 7)
      let arguments = ["keys", "migrate", "--default-expiration", "90d", "--overwrite", "-o", "json"]
      let dry = try await Subprocess.lisa(arguments + ["--dry-run"], environment: setup.environment)
      #expect(dry.status == 0, "\(dry.stderr)")
      let plan = try Self.json(dry)
      #expect(plan["wouldWrite"] as? Int == 7, "dry run: \(dry.stdout)")
      #expect(plan["wouldOverwrite"] as? Int == 7, "dry run: \(dry.stdout)")
      let real = try await Subprocess.lisa(arguments, environment: setup.environment)
      #expect(real.status == 0, "\(real.stderr)")
      let json = try Self.json(real)
      #expect(Self.written(json) == 7)
      let skipped = (json["counts"] as? [String: Any])?["skippedBecause"] as? [String: Int] ?? [:]
      #expect(skipped[TokenImporter.alreadyPresent] == live - 7, "\(skipped)")
      let withoutOverwrite = try await Subprocess.lisa(
        ["keys", "migrate", "--default-expiration", "90d", "--dry-run", "-o", "json"], environment: setup.environment)
      #expect(try Self.json(withoutOverwrite)["wouldWrite"] as? Int == 0)
    }
  }

  @Test func sourceGoneAfterACompleteBackupNamesTheImportThatContinues() async throws {
    try await MotoServer.with { server in
      let setup = try await base.setUp(server, count: 1500)
      let arguments = ["keys", "migrate", "--default-expiration", "90d", "-q"]
      let stateDir = setup.dir.appendingPathComponent("state")
      let process = try Subprocess.startLisa(arguments, environment: setup.environment)
      // The database may be opened while lisa is still creating its schema: try again shortly.
      var opened: StateStore?
      for _ in 0..<50 where opened == nil {
        opened = try? Base.waitForState(stateDir)
        if opened == nil { usleep(20_000) }
      }
      let state = try #require(opened)
      // Killed once its backup is complete (the file appears only then) while pages are still being imported.
      func backupComplete() throws -> Bool {
        guard let run = try state.recentRuns(limit: 1).first, run.endedAt == nil else { return false }
        guard let path = run.backupPath, FileManager.default.fileExists(atPath: path) else { return false }
        // The file is renamed into place a moment before it is entered in the backup index.
        return try state.backups(kind: TokenBackup.backupKind).contains { $0.path == path }
      }
      let deadline = Date().addingTimeInterval(120)
      while process.isRunning, Date() < deadline, try !backupComplete() { usleep(2_000) }
      process.killHard()
      _ = await process.wait()
      let run = try #require(try state.recentRuns(limit: 1).first)
      try #require(run.endedAt == nil, "the run finished before it could be interrupted")
      let backup = try #require(run.backupPath)
      #expect(try state.backups(kind: TokenBackup.backupKind).contains { $0.path == backup && $0.runId == run.id })

      try await TokenTableScript.drop(endpoint: server.url, table: Base.source)
      let gone = try await Subprocess.lisa(arguments, environment: setup.environment)
      #expect(gone.status == 5, "\(gone.stderr)")
      #expect(gone.stderrWithoutWaits.split(separator: "\n").count == 1, "\(gone.stderr)")
      #expect(gone.stderr.contains("source table \(Base.source) is gone"), "\(gone.stderr)")
      let hint = try #require(gone.stderr.range(of: "continue from the backup: ").map { gone.stderr[$0.upperBound...] })
      let words = hint.split(separator: ")").first.map { $0.split(separator: " ").map(String.init) } ?? []
      #expect(words.prefix(3) == ["lisa", "keys", "import"], "\(gone.stderr)")
      #expect(words.contains("--backup") && words.contains("--default-expiration"), "\(gone.stderr)")

      let continued = try await Subprocess.lisa(Array(words.dropFirst()) + ["-o", "json"], environment: setup.environment)
      #expect(continued.status == 0, "\(continued.stderr)")
      let check = try await TokenTableScript.check(
        endpoint: server.url, table: Base.target, secrets: setup.secrets, now: base.now)
      #expect(check.accepted == setup.total - setup.expired && check.missing == 0 && check.bad == 0, "\(check.problems)")
    }
  }

  @Test func keysExportIsRecordedInTheBackupIndex() async throws {
    try await MotoServer.with { server in
      let setup = try await base.setUp(server, count: 20)
      let backup = setup.dir.appendingPathComponent("export.lisabak").path
      let run = try await Subprocess.lisa(["keys", "export", "--output", backup, "-q"], environment: setup.environment)
      #expect(run.status == 0, "\(run.stderr)")
      let state = try StateStore(directory: setup.dir.appendingPathComponent("state").path, now: { Date() })
      let entry = try #require(try state.backups(kind: TokenBackup.backupKind).first)
      #expect(entry.path == backup && entry.recordCount == setup.total && entry.runId == nil)
    }
  }
}
