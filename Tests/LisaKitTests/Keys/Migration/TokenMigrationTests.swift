import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

/// The migration engine against a real moto server, checked item by item with boto3.
@Suite(.serialized) struct TokenMigrationTests {
  let now = Date()

  func migration(_ server: MotoServer, state: StateStore, backup: String, protection: any BackupProtection = NoEncryption())
    throws -> TokenMigration
  {
    let clients = try motoClients(server)
    var options = TokenImportOptions(targetFormat: .hashed, runStartedAt: now, defaultExpiration: 90 * 86_400)
    options.username = "api-token"
    options.groups = ["lisa-admins"]
    return TokenMigration(
      dynamo: try clients.dynamoDB(), region: clients.region, source: "acme-LISAApiTokenTable",
      target: "acme-LISAApiBaseTokenTable",
      targetFormat: .hashed, options: options, overwrite: false, state: state, protection: protection, backupPath: backup,
      context: clients.context)
  }

  @Test func migratesEveryLiveTokenSoTheV61AuthorizerAcceptsIt() async throws {
    try await MotoServer.with { server in
      let dir = TestPaths.temporaryDirectory("token-migration")
      let secrets = dir.appendingPathComponent("secrets.jsonl")
      try await TokenTableScript.seed(
        endpoint: server.url, table: "acme-LISAApiTokenTable", target: "acme-LISAApiBaseTokenTable", count: 1500, now: now,
        secrets: secrets)
      let state = try StateStore(directory: dir.appendingPathComponent("state").path, now: { Date() })
      let backup = dir.appendingPathComponent("tokens.lisabak").path
      let passphrase = try #require(Passphrase("correct horse battery staple"))
      let protection = PassphraseProtection(
        passphrase,
        parameters: { ScryptParameters(salt: BackupCipher.randomBytes(16), cost: 1 << 10, blockSize: 8, parallelism: 1) })
      let events = EventLog()
      let summary = try await migration(server, state: state, backup: backup, protection: protection).run(
        log: { _ in }, progress: { events.append($0) })

      // 1500 seeded: every 15th (i % 15 == 4) expired → 100 skipped; the rest written, including those without expiry.
      #expect(summary.exported == 1500)
      #expect(summary.counts.read == 1500)
      #expect(summary.counts.written == 1400)
      #expect(summary.counts.skippedTotal == 100)
      #expect(summary.counts.failed == 0)
      #expect(summary.verification.accepted == 1400)
      #expect(summary.verification.expired == 100)
      #expect(summary.verification.succeeded)
      // One pass: export, import and verify reported as one phase that goes through every token once.
      #expect(events.phases == ["began export", "ended export"])
      #expect(events.advanced == ["export": 1500])
      let check = try await TokenTableScript.check(
        endpoint: server.url, table: "acme-LISAApiBaseTokenTable", secrets: secrets, now: now)
      #expect(check.accepted == 1400 && check.expiredAbsent == 100 && check.missing == 0 && check.bad == 0, "\(check.problems)")
      #expect(try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int == 0o600)
      let plaintexts = try String(contentsOf: secrets, encoding: .utf8)
      let firstToken = try #require(plaintexts.split(separator: "\"").dropFirst(3).first)
      #expect(
        !(try Data(contentsOf: URL(fileURLWithPath: backup))).contains(Data(firstToken.utf8)),
        "the backup must not hold plaintext")

      // A second run finds everything in place and changes nothing.
      let before = try await TokenTableScript.dump(endpoint: server.url, table: "acme-LISAApiBaseTokenTable")
      let again = try await migration(server, state: state, backup: dir.appendingPathComponent("second.lisabak").path).run(log: {
        _ in
      })
      #expect(again.counts.written == 0)
      #expect(again.counts.skipped.first { $0.reason == TokenImporter.alreadyPresent }?.count == 1400)
      #expect(try await TokenTableScript.dump(endpoint: server.url, table: "acme-LISAApiBaseTokenTable") == before)
    }
  }

  @Test func resumesAfterACrashWithTheCountsOfAnUninterruptedRun() async throws {
    try await MotoServer.with { server in
      let dir = TestPaths.temporaryDirectory("token-resume")
      let secrets = dir.appendingPathComponent("secrets.jsonl")
      try await TokenTableScript.seed(
        endpoint: server.url, table: "acme-LISAApiTokenTable", target: "acme-LISAApiBaseTokenTable", count: 600, now: now,
        secrets: secrets)
      let state = try StateStore(directory: dir.appendingPathComponent("state").path, now: { Date() })
      let backup = dir.appendingPathComponent("tokens.lisabak").path
      let migration = try migration(server, state: state, backup: backup)

      // Simulate a crash mid-import: export done, some batches written and journalled, one batch
      // written to the table but only marked pending.
      let run = try state.startOrResume(
        kind: TokenMigration.runKind, source: "dynamodb:us-east-1/acme-LISAApiTokenTable",
        target: "dynamodb:us-east-1/acme-LISAApiBaseTokenTable",
        parameters: migration.parameters.merging(["createdBy": "lisa-migration"]) { a, _ in a },
        phase: "export"
      ).run
      try state.attachBackup(path: backup, to: run.id)
      _ = try await TokenExporter(dynamo: migration.dynamo, table: "acme-LISAApiTokenTable").exportBackup(
        to: backup, region: migration.region, protection: NoEncryption(), state: state, runId: run.id,
        context: migration.context, progress: { _ in })
      try state.advance(run.id, to: "import")
      let unlocked = try await BackupReader(path: backup).unlock(with: NoEncryption())
      var options = migration.options
      options.runStartedAt = run.startedAt
      let importer = TokenImporter(
        dynamo: migration.dynamo, table: migration.target, options: options, overwrite: false, state: state, runId: run.id)
      var records: [BackupRecord] = []
      for try await record in unlocked.records(kind: TokenBackup.kind) { records.append(record) }
      _ = try await importer.importBatch(Array(records[0..<100]))
      let crashed = Array(records[100..<200])
      try state.record(crashed.map { Checkpoint(itemKey: $0.key, status: .pending) }, for: run.id)
      var items: [DynamoDBWriteRequest] = []
      for record in crashed {
        if case .write(let item) = options.convert(try TokenBackup.item(from: record)) { items.append(.put(item)) }
      }
      try await migration.dynamo.batchWrite(table: migration.target, items)

      let resumed = try await migration.run(log: { _ in })
      #expect(resumed.resumed)
      #expect(resumed.runId == run.id)
      #expect(resumed.exported == nil, "the backup of the interrupted run is reused")
      #expect(resumed.counts.written == 560)
      #expect(resumed.counts.skippedTotal == 40)
      #expect(resumed.counts.skipped.map(\.reason) == [TokenImportOptions.expiredReason])
      let check = try await TokenTableScript.check(
        endpoint: server.url, table: "acme-LISAApiBaseTokenTable", secrets: secrets, now: now)
      #expect(check.accepted == 560 && check.missing == 0 && check.bad == 0, "\(check.problems)")
      #expect(try state.unfinishedRun(kind: TokenMigration.runKind, source: run.source, target: run.target) == nil)
    }
  }

  @Test func aResumedRunRefusesDifferentOptions() async throws {
    try await MotoServer.with { server in
      let dir = TestPaths.temporaryDirectory("token-options")
      let state = try StateStore(directory: dir.path, now: { Date() })
      var migration = try migration(server, state: state, backup: dir.appendingPathComponent("b.lisabak").path)
      _ = try state.startOrResume(
        kind: TokenMigration.runKind, source: "dynamodb:us-east-1/acme-LISAApiTokenTable",
        target: "dynamodb:us-east-1/acme-LISAApiBaseTokenTable", parameters: migration.parameters, phase: "export")
      migration.options.username = "someone-else"
      let error = try await #require(throws: LisaError.self) { try await migration.run(log: { _ in }) }
      #expect(error.status == .conflict)
      #expect(error.description.contains("username"))
    }
  }

  @Test func missingTablesNameEveryNameTried() async throws {
    try await MotoServer.with { server in
      let clients = try motoClients(server)
      let candidates = TokenTables.sourceCandidates(flag: nil, config: nil)
      let error = try await #require(throws: LisaError.self) {
        try await TokenTables.describeFirst(candidates, dynamo: try clients.dynamoDB(), region: clients.region, role: "source")
      }
      #expect(error.status == .notFound)
      #expect(error.description.contains("prod-LISAApiTokenTable (LISA v3–v5 name for LISA's default deploymentName 'prod'"))
      #expect(error.description.contains("LISAApiTokenTable (LISA v2 name)"))
    }
  }
}

/// The progress events a migration reported, in order.
final class EventLog: @unchecked Sendable {
  let lock = NSLock()
  var phases: [String] = []
  var advanced: [String: Int] = [:]

  func append(_ event: TokenMigration.Progress) {
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .began(let phase, _): phases.append("began \(phase.rawValue)")
    case .advanced(let phase, let count): advanced[phase.rawValue, default: 0] += count
    case .ended(let phase): phases.append("ended \(phase.rawValue)")
    }
  }
}
