import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// `lisa keys migrate` as an operator runs it, against a real moto server, checked with boto3.
@Suite(.serialized) struct KeysMigrateEndToEndTests {
  static let source = "prod-LISAApiTokenTable"
  static let target = "prod-LISAApiBaseTokenTable"
  let now = Date()

  struct Setup {
    var dir: URL
    var secrets: URL
    var environment: [String: String]
    var expired: Int
    var total: Int
  }

  func setUp(_ server: MotoServer, count: Int, endpoint: URL? = nil) async throws -> Setup {
    let dir = TestPaths.temporaryDirectory("e2e-keys")
    let secrets = dir.appendingPathComponent("secrets.jsonl")
    try await TokenTableScript.seed(
      endpoint: server.url, table: Self.source, target: Self.target, count: count, now: now, secrets: secrets)
    let expired = try String(contentsOf: secrets, encoding: .utf8).split(separator: "\n").filter { line in
      guard let data = String(line).data(using: .utf8),
        let entry = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let expiration = entry["expiration"] as? Double
      else { return false }
      return expiration <= now.timeIntervalSince1970
    }.count
    let environment = [
      "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key", "AWS_REGION": "us-east-1",
      "AWS_ENDPOINT_URL": (endpoint ?? server.url).absoluteString, "AWS_EC2_METADATA_DISABLED": "true",
      "LISA_STATE_DIR": dir.appendingPathComponent("state").path, "LISA_BACKUP_PASSPHRASE": "e2e passphrase, not a token",
      "HOME": dir.path,
    ]
    return Setup(dir: dir, secrets: secrets, environment: environment, expired: expired, total: count)
  }

  func plaintexts(_ setup: Setup, count: Int) throws -> [String] {
    try String(contentsOf: setup.secrets, encoding: .utf8).split(separator: "\n").prefix(count).compactMap { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["token"] as? String
    }
  }

  @Test func migrateCarriesEveryLiveTokenAndSaysSoOnce() async throws {
    try await MotoServer.with { server in
      let setup = try await setUp(server, count: 2000)
      let run = try await Subprocess.lisa(
        ["keys", "migrate", "--default-expiration", "90d", "-o", "json"], environment: setup.environment)
      #expect(run.status == 0, "\(run.stderr)")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      let counts = try #require(json["counts"] as? [String: Any])
      #expect(counts["written"] as? Int == setup.total - setup.expired)
      #expect(counts["skipped"] as? Int == setup.expired)
      #expect((json["verification"] as? [String: Any])?["accepted"] as? Int == setup.total - setup.expired)
      let summary = run.stderrWithoutWaits.split(separator: "\n").filter { $0.hasPrefix("keys migrate:") }
      #expect(summary.count == 1)
      #expect(summary.first?.contains("written \(setup.total - setup.expired)") == true)
      let check = try await TokenTableScript.check(endpoint: server.url, table: Self.target, secrets: setup.secrets, now: now)
      #expect(check.accepted == setup.total - setup.expired && check.missing == 0 && check.bad == 0, "\(check.problems)")
      let backup = try #require(json["backup"] as? String)
      #expect(try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int == 0o600)
      for token in try plaintexts(setup, count: 50) {
        #expect(!run.stdout.contains(token) && !run.stderr.contains(token), "a plaintext token was printed")
      }
    }
  }

  @Test func killedAtAnyPointItResumesToTheTableAnUninterruptedRunWrites() async throws {
    try await MotoServer.with { server in
      let setup = try await setUp(server, count: 4000)
      let arguments = ["keys", "migrate", "--default-expiration", "90d", "-q"]
      let stateDir = setup.dir.appendingPathComponent("state")
      let killPoints: [(String, (StateStore) throws -> Bool)] = [
        ("export", { _ in Self.temporaryBackupExists(in: stateDir.appendingPathComponent("backups")) }),
        ("import, 300 done", { try Self.checkpoints($0) >= 300 }),
        ("import, 2400 done", { try Self.checkpoints($0) >= 2400 }),
        // The one pass finishes the backup while its last pages are imported: the next session resumes from the file.
        (
          "backup complete, pass not finished",
          { try $0.recentRuns(limit: 1).first?.backupPath.map { FileManager.default.fileExists(atPath: $0) } ?? false }
        ),
        ("verify", { try $0.recentRuns(limit: 1).first?.phase == "verify" }),
      ]
      var sessions = 0
      for (label, condition) in killPoints {
        let process = try Subprocess.startLisa(arguments, environment: setup.environment)
        sessions += 1
        let state = try Self.waitForState(stateDir)
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline, !(try condition(state)) { usleep(2_000) }
        process.killHard()
        let result = await process.wait()
        #expect(result.status != 0 || !label.isEmpty)
      }
      let finish = try await Subprocess.lisa(arguments + ["-o", "json"], environment: setup.environment)
      #expect(finish.status == 0, "\(finish.stderr)")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(finish.stdout.utf8)) as? [String: Any])
      #expect(json["resumed"] as? Bool == true)
      #expect(
        (json["counts"] as? [String: Any])?["written"] as? Int == setup.total - setup.expired,
        "written counted once, across sessions")

      // The uninterrupted baseline: the same backup imported into a fresh table in one go.
      try await TokenTableScript.create(endpoint: server.url, table: "baseline", v61: true)
      let baseline = try await Subprocess.lisa(
        [
          "keys", "import", "--backup", try #require(json["backup"] as? String), "--to-table", "baseline", "--default-expiration",
          "90d", "-q",
        ],
        environment: setup.environment)
      #expect(baseline.status == 0, "\(baseline.stderr)")
      let interrupted = try await TokenTableScript.dump(endpoint: server.url, table: Self.target)
      let uninterrupted = try await TokenTableScript.dump(endpoint: server.url, table: "baseline")
      #expect(interrupted.count == setup.total - setup.expired, "no loss, no duplicates")
      #expect(Self.withoutRunTimes(interrupted) == Self.withoutRunTimes(uninterrupted))
      #expect(
        Set(interrupted.compactMap(Self.createdDate)).count == 1,
        "every item carries the one run's start time: none rewritten by a later session")
      #expect(sessions == killPoints.count)
    }
  }

  @Test(arguments: [false, true]) func faultsOnTheWireStillGiveTheExactResult(exclusive: Bool) async throws {
    try await MotoServer.with { server in
      let proxy = try FaultProxy(upstream: server.url)
      defer { proxy.stop() }
      let setup = try await setUp(server, count: 400, endpoint: proxy.url)
      let run = try await Subprocess.lisa(
        ["keys", "migrate", "--default-expiration", "90d", "-o", "json"] + (exclusive ? ["--exclusive"] : []),
        environment: setup.environment)
      let faults = proxy.stop()
      #expect(run.status == 0, "\(run.stderr)")
      // New items go in with one conditional PutItem each, or with --exclusive 25 to a BatchWriteItem.
      let expectedFaults = ["throttle", "500", "drop", "unprocessedKeys"] + (exclusive ? ["unprocessedItems"] : [])
      for kind in expectedFaults {
        #expect((faults[kind] ?? 0) > 0, "the proxy injected no \(kind) faults: \(faults)")
      }
      let written = setup.total - setup.expired
      if exclusive {
        #expect(faults["sent:PutItem"] == nil, "\(faults)")
        // Well under one request per item even though the proxy hands half of every batch back.
        #expect((faults["sent:BatchWriteItem"] ?? 0) < written / 2, "\(faults)")
      } else {
        #expect((faults["sent:PutItem"] ?? 0) >= written && faults["sent:BatchWriteItem"] == nil, "\(faults)")
      }
      let check = try await TokenTableScript.check(endpoint: server.url, table: Self.target, secrets: setup.secrets, now: now)
      #expect(check.accepted == written && check.missing == 0 && check.bad == 0, "\(check.problems)")
      #expect(try await TokenTableScript.dump(endpoint: server.url, table: Self.target).count == written)
      if exclusive {
        // A repeated batch write after a lost answer is the same write, so the counts are exact; a conditional
        // put's repeat after a lost answer counts as "already present" (the table is right either way).
        let summary = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((summary?["counts"] as? [String: Any])?["written"] as? Int == written, "\(run.stdout)")
      }
    }
  }

  @Test func badInputsGiveOneClearLineAndWriteNothing() async throws {
    try await MotoServer.with { server in
      let setup = try await setUp(server, count: 60)
      func lisa(_ arguments: [String], _ overrides: [String: String] = [:]) async throws -> ProcessResult {
        try await Subprocess.lisa(arguments, environment: setup.environment.merging(overrides) { _, new in new })
      }
      func expectOneLine(_ result: ProcessResult, status: Int32, _ fragment: String) {
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderrWithoutWaits.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
      }
      expectOneLine(
        try await lisa(["keys", "migrate", "--from-table", "nope"]), status: 5,
        "no source token table in us-east-1: tried nope (--from-table)")
      expectOneLine(
        try await lisa(["keys", "migrate"], ["AWS_REGION": "eu-west-1"]), status: 5, "no source token table in eu-west-1")
      expectOneLine(
        try await lisa(
          ["keys", "migrate"],
          ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent"]),
        status: 4, "credentials")

      let backup = setup.dir.appendingPathComponent("t.lisabak").path
      #expect(try await lisa(["keys", "export", "--output", backup, "-q"]).status == 0)
      expectOneLine(
        try await lisa(
          ["keys", "import", "--backup", backup, "--default-expiration", "90d"], ["LISA_BACKUP_PASSPHRASE": "not the passphrase"]),
        status: 4, "passphrase")
      let data = try Data(contentsOf: URL(fileURLWithPath: backup))
      let truncated = setup.dir.appendingPathComponent("cut.lisabak")
      try data.prefix(data.count / 2).write(to: truncated)
      expectOneLine(
        try await lisa(["keys", "import", "--backup", truncated.path, "--default-expiration", "90d"]), status: 65,
        "damaged or truncated")
      expectOneLine(try await lisa(["keys", "migrate", "--passphrase-file", "x", "--no-encrypt"]), status: 64, "choose one of")
      #expect(try await TokenTableScript.dump(endpoint: server.url, table: Self.target).isEmpty, "nothing partial written")
    }
  }

  @Test func wrongCredentialsAreRejectedWithExit4() async throws {
    try await MotoServer.with(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "0"]) { server in
      let dir = TestPaths.temporaryDirectory("e2e-keys-auth")
      let run = try await Subprocess.lisa(
        ["keys", "migrate", "--from-table", "t1", "--to-table", "t2"],
        environment: [
          "AWS_ACCESS_KEY_ID": "AKIDWRONG", "AWS_SECRET_ACCESS_KEY": "wrong", "AWS_REGION": "us-east-1",
          "AWS_ENDPOINT_URL": server.url.absoluteString, "LISA_STATE_DIR": dir.path, "HOME": dir.path,
          "AWS_EC2_METADATA_DISABLED": "true",
        ])
      #expect(run.status == 4, "\(run.stderr)")
      #expect(run.stderrWithoutWaits.split(separator: "\n").count == 1)
      #expect(!run.stderr.contains("wrong\""))
    }
  }

  // MARK: helpers

  static func temporaryBackupExists(in directory: URL) -> Bool {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).contains {
      $0.hasPrefix(".") && $0.contains(".lisabak")
    }
  }

  static func checkpoints(_ state: StateStore) throws -> Int {
    guard let run = try state.recentRuns(limit: 1).first else { return 0 }
    return try state.checkpointCounts(for: run.id).values.reduce(0, +)
  }

  static func waitForState(_ directory: URL) throws -> StateStore {
    let deadline = Date().addingTimeInterval(30)
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent(StateStore.fileName).path), Date() < deadline {
      usleep(1_000)
    }
    return try StateStore(directory: directory.path, now: { Date() })
  }

  /// Items with what depends on the run's start blanked: createdDate, and the expiry that
  /// --default-expiration 90d computed from it. Everything else must match exactly.
  static func withoutRunTimes(_ lines: [String]) -> [String] {
    lines.map { line in
      guard var item = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return line }
      let created = Double(((item["createdDate"] as? [String: String])?["N"]) ?? "") ?? -1
      let expires = Double(((item["tokenExpiration"] as? [String: String])?["N"]) ?? "") ?? -2
      item["createdDate"] = "run start"
      if expires - created == 90 * 86_400 { item["tokenExpiration"] = "run start + 90d" }
      let data = (try? JSONSerialization.data(withJSONObject: item, options: [.sortedKeys])) ?? Data()
      return String(decoding: data, as: UTF8.self)
    }
  }

  static func createdDate(_ line: String) -> String? {
    guard let range = line.range(of: #""createdDate": \{"N": "[0-9.]+"\}"#, options: .regularExpression) else { return nil }
    return String(line[range])
  }
}
