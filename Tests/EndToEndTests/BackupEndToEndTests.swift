import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// `lisa backup` as an operator runs it: a deployment made of the fake Model Management API (its models
/// table in moto) and token tables in the same moto server; backed up, torn down, restored.
@Suite(.serialized) struct BackupEndToEndTests {
  static let legacy = "prod-LISAApiTokenTable"
  static let v6 = "prod-LISAApiBaseTokenTable"
  static let passphrase = "e2e backup passphrase, not a token"
  let now = Date()

  struct Deployment {
    var moto: MotoServer
    var server: FakeLisaServer
    var dir: URL
    var env: [String: String]
    var state: URL { dir.appendingPathComponent("state") }
  }

  /// Two models made through the API (one third-party with an API key) and `tokens` legacy tokens; with
  /// `v6Table` an empty v6.1 table too; with `rag` also an embedding model, the repositories of
  /// `BackupRagEndToEndTests` (one naming that model, one with a pipeline) and a collection of its own.
  func withDeployment(
    tokens: Int, v6Table: Bool = false, rag: Bool = false, _ body: (Deployment) async throws -> Void
  ) async throws {
    try await FakeLisaServer.withDeployment { server, moto in
      let dir = TestPaths.temporaryDirectory("e2e-backup")
      try await TokenTableScript.seed(
        endpoint: moto.url, table: Self.legacy, target: v6Table ? Self.v6 : nil, count: tokens, now: now,
        secrets: dir.appendingPathComponent("secrets.jsonl"))
      var env = server.environment()
      env["LISA_STATE_DIR"] = dir.appendingPathComponent("state").path
      env["LISA_BACKUP_PASSPHRASE"] = Self.passphrase
      env["HOME"] = dir.path
      let deployment = Deployment(moto: moto, server: server, dir: dir, env: env)
      for model in [ModelFixtures.hosted, ModelFixtures.thirdParty] + (rag ? [ModelFixtures.embedding] : []) {
        try model.write(to: dir.appendingPathComponent("model.json"), atomically: true, encoding: .utf8)
        let created = try await lisa(["models", "create", "-f", "model.json"], deployment)
        #expect(created.status == 0, "\(created.stderr)")
      }
      if rag {
        try BackupRagEndToEndTests.repositories.write(
          to: dir.appendingPathComponent("repos.yaml"), atomically: true, encoding: .utf8)
        let applied = try await lisa(["rag", "repos", "apply", "-f", "repos.yaml", "--wait"], deployment)
        #expect(applied.status == 0, "\(applied.stderr)")
        try "name: manuals\n".write(to: dir.appendingPathComponent("collection.yaml"), atomically: true, encoding: .utf8)
        let collection = try await lisa(["rag", "collections", "create", "docs-search", "-f", "collection.yaml"], deployment)
        #expect(collection.status == 0, "\(collection.stderr)")
      }
      try await body(deployment)
    }
  }

  func lisa(_ arguments: [String], _ deployment: Deployment, env: [String: String]? = nil) async throws -> ProcessResult {
    try await Subprocess.lisa(arguments, cwd: deployment.dir, environment: env ?? deployment.env)
  }

  /// Models as the fake's table holds them, without the status (which settles on its own clock).
  func models(_ deployment: Deployment) async throws -> [String: JSONValue] {
    var models: [String: JSONValue] = [:]
    for (id, config) in try await deployment.server.models() { models[id] = config.setting("status", nil) }
    return models
  }

  func tokens(_ deployment: Deployment, table: String = legacy) async throws -> [String] {
    try await TokenTableScript.dump(endpoint: deployment.moto.url, table: table).sorted()
  }

  /// A teardown: no models, the token tables deleted and (as a redeploy makes them) created empty.
  func tearDown(_ deployment: Deployment, recreate: [(String, Bool)]) async throws {
    try await deployment.server.control("reset")
    try await deployment.server.settleAfter(0.05)
    for table in [Self.legacy, Self.v6] { try? await TokenTableScript.drop(endpoint: deployment.moto.url, table: table) }
    for (table, v61) in recreate { try await TokenTableScript.create(endpoint: deployment.moto.url, table: table, v61: v61) }
  }

  @Test
  func aFullCycleBringsBackTheSameDeploymentFieldByField() async throws {
    try await withDeployment(tokens: 5000, rag: true) { deployment in
      let modelsBefore = try await models(deployment)
      let tokensBefore = try await tokens(deployment)
      let ragBefore = try await BackupRagEndToEndTests.state(deployment.server)
      #expect(modelsBefore.count == 3 && tokensBefore.count == 5000)
      #expect(ragBefore.filter { $0.hasPrefix("repository ") }.count == 2, "\(ragBefore)")
      #expect(ragBefore.filter { $0.hasPrefix("collection ") }.count == 3, "two default collections and manuals")
      #expect(modelsBefore["claude"]?["apiKey"]?.stringValue == ModelFixtures.thirdPartyKey)

      let created = try await lisa(["backup", "create", "-f", "full.lisabak", "-o", "json"], deployment)
      #expect(created.status == 0, "\(created.stderr)")
      let path = deployment.dir.appendingPathComponent("full.lisabak").path
      #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
      #expect(created.stderr.contains("models: 3 records") && created.stderr.contains("keys: 5000 records"), "\(created.stderr)")
      #expect(!created.stdout.contains(ModelFixtures.thirdPartyKey) && !created.stderr.contains(ModelFixtures.thirdPartyKey))
      let again = try await lisa(["backup", "create", "-f", "full.lisabak"], deployment)
      #expect(again.status == 6 && again.stderr.contains("full.lisabak: already exists"), "never silently overwritten")

      var noKey = deployment.env
      noKey["LISA_BACKUP_PASSPHRASE"] = nil
      let shown = try await lisa(["backup", "show", "full.lisabak", "-o", "json"], deployment, env: noKey)
      #expect(shown.status == 0, "\(shown.stderr)")
      let json = try JSONValue.parse(Data(shown.stdout.utf8), source: "show")
      #expect(json["source"]?["deployment"]?.stringValue == "prod" && json["source"]?["stage"]?.stringValue == "prod")
      #expect(json["source"]?["region"]?.stringValue == "us-east-1")
      let sections = json["sections"]?.arrayItems ?? []
      // One entry per record kind: rag holds the user's collection and the two repositories.
      let counted = sections.map { "\($0["section"]?.stringValue ?? "") \($0["count"]?.intValue ?? 0)" }
      #expect(counted == ["models 3", "rag 1", "rag 2", "keys 5000"], "\(sections)")
      #expect(sections.allSatisfy { $0["checksum"]?.stringValue?.hasPrefix("sha256:") == true })
      #expect(!shown.stdout.contains(ModelFixtures.thirdPartyKey))

      try await tearDown(deployment, recreate: [(Self.legacy, false)])
      let tokensLeft = try await tokens(deployment)
      #expect(try await models(deployment).isEmpty && tokensLeft.isEmpty)
      #expect(try await BackupRagEndToEndTests.state(deployment.server).isEmpty)

      let restored = try await lisa(["backup", "restore", "full.lisabak"], deployment)
      #expect(restored.status == 0, "\(restored.stderr)")
      #expect(restored.stdout.contains("models: 3 missing, 0 the same, 0 differ"), "\(restored.stdout)")
      #expect(restored.stdout.contains("rag: 3 missing, 0 the same, 0 differ"), "\(restored.stdout)")
      try await Task.sleep(for: .milliseconds(200))
      #expect(try await models(deployment) == modelsBefore, "every model, its API key included, as it was")
      let ragAfter = try await BackupRagEndToEndTests.state(deployment.server)
      #expect(ragAfter == ragBefore, "every repository, pipeline and collection: before \(ragBefore)\nafter \(ragAfter)")
      #expect(try await tokens(deployment) == tokensBefore, "every token item, attribute by attribute")
    }
  }

  @Test
  func aRestoreKilledAtSeveralPointsEndsAsAnUninterruptedOne() async throws {
    try await withDeployment(tokens: 2000, v6Table: true, rag: true) { deployment in
      let modelsBefore = try await models(deployment)
      let ragBefore = try await BackupRagEndToEndTests.state(deployment.server)
      #expect(try await lisa(["backup", "create", "-f", "b.lisabak", "-q"], deployment).status == 0)
      try await tearDown(deployment, recreate: [(Self.v6, true)])
      let arguments = ["backup", "restore", "b.lisabak", "--default-expiration", "90d", "-q"]
      let server = deployment.server
      let killPoints: [(String, (StateStore) async throws -> Bool)] = [
        ("models", { _ in try await server.requests().contains { $0["method"] == .string("POST") } }),
        (
          "rag",
          { _ in
            try await server.requests().contains { $0["path"]?.stringValue == "/repository" && $0["method"] == .string("POST") }
          }
        ),
        ("keys, 300 done", { try KeysMigrateEndToEndTests.checkpoints($0) >= 300 }),
        ("keys, 1200 done", { try KeysMigrateEndToEndTests.checkpoints($0) >= 1200 }),
        ("keys verify", { try $0.recentRuns(limit: 1).first?.phase == "verify" }),
      ]
      for (label, condition) in killPoints {
        let process = try Subprocess.startLisa(arguments, cwd: deployment.dir, environment: deployment.env)
        let state = try KeysMigrateEndToEndTests.waitForState(deployment.state)
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline, !(try await condition(state)) { usleep(2_000) }
        process.killHard()
        let result = await process.wait()
        #expect(result.status != 0 || !label.isEmpty)
      }
      let finish = try await lisa(["backup", "restore", "b.lisabak", "--default-expiration", "90d", "-o", "json"], deployment)
      #expect(finish.status == 0, "\(finish.stderr)")
      let json = try JSONValue.parse(Data(finish.stdout.utf8), source: "restore")
      let expired = try BackupToDeploymentEndToEndTests.expiredCount(
        deployment.dir.appendingPathComponent("secrets.jsonl"), now: now)
      #expect(json["counts"]?["keys.written"]?.intValue == 2000, "expired tokens come back too")
      #expect(json["counts"]?["keys.accepted"]?.intValue == 2000 - expired, "\(finish.stdout.prefix(2000))")
      try await Task.sleep(for: .milliseconds(200))
      #expect(try await models(deployment) == modelsBefore)
      #expect(try await BackupRagEndToEndTests.state(deployment.server) == ragBefore)

      // The uninterrupted baseline: the same backup's tokens imported into a fresh v6.1 table in one go.
      try await TokenTableScript.create(endpoint: deployment.moto.url, table: "baseline", v61: true)
      let baseline = try await lisa(
        [
          "keys", "import", "--backup", "b.lisabak", "--to-table", "baseline", "--default-expiration", "90d", "--include-expired",
          "-q",
        ],
        deployment)
      #expect(baseline.status == 0, "\(baseline.stderr)")
      let interrupted = KeysMigrateEndToEndTests.withoutRunTimes(try await tokens(deployment, table: Self.v6)).sorted()
      let baselineTokens = try await tokens(deployment, table: "baseline")
      #expect(interrupted.count == 2000 && baselineTokens.count == 2000)
      #expect(interrupted == KeysMigrateEndToEndTests.withoutRunTimes(baselineTokens).sorted(), "the same items, one by one")
      #expect(!interrupted.isEmpty && interrupted.allSatisfy { $0.contains("tokenUUID") }, "converted as keys migrate does")
    }
  }

  @Test func aDryRunChangesNothingAndDamagedFilesAreRefused() async throws {
    try await withDeployment(tokens: 200) { deployment in
      #expect(try await lisa(["backup", "create", "-f", "b.lisabak", "-q"], deployment).status == 0)
      try await tearDown(deployment, recreate: [(Self.legacy, false)])
      let dry = try await lisa(["backup", "restore", "b.lisabak", "--dry-run"], deployment)
      #expect(dry.status == 0, "\(dry.stderr)")
      #expect(dry.stdout.hasPrefix("dry run: nothing restored; from b.lisabak:\nmodels: 2 missing, 0 the same, 0 differ\n"))
      #expect(try await deployment.server.requests().allSatisfy { $0["method"] == .string("GET") })
      #expect(try await tokens(deployment).isEmpty)
      let state = try StateStore(directory: deployment.state.path, now: { Date() })
      #expect(try state.recentRuns().isEmpty, "a dry run journals nothing")

      let original = try Data(contentsOf: deployment.dir.appendingPathComponent("b.lisabak"))
      var flipped = original
      let marker = try #require(flipped.range(of: Data("claude".utf8)))
      flipped[marker.lowerBound] ^= 0x01
      let damaged: [(String, Data, Int32, String)] = [
        ("truncated.lisabak", original.prefix(original.count / 2), 65, "backup is damaged or truncated"),
        ("flipped.lisabak", flipped, 65, "backup is damaged or truncated"),
        ("b.lisabak", original, 4, "the passphrase does not open this backup"),
      ]
      var wrong = deployment.env
      wrong["LISA_BACKUP_PASSPHRASE"] = "not the passphrase"
      for (name, data, status, message) in damaged {
        try data.write(to: deployment.dir.appendingPathComponent(name))
        let refused = try await lisa(["backup", "restore", name], deployment, env: wrong)
        #expect(refused.status == status && refused.stderr.contains(message), "\(name): \(refused.stderr)")
        #expect(
          refused.stderrWithoutWaits.split(separator: "\n").count == 1 && refused.stdout.isEmpty, "one line: \(refused.stderr)")
      }
      #expect(try await deployment.server.requests().allSatisfy { $0["method"] == .string("GET") }, "nothing restored")
      #expect(try await tokens(deployment).isEmpty)

      let verified = try await lisa(["backup", "verify", "b.lisabak"], deployment)
      #expect(verified.status == 0 && verified.stderr.contains("every secret decrypts"), "\(verified.stderr)")
      #expect(try await lisa(["backup", "verify", "flipped.lisabak"], deployment).status == 65)
      #expect(try await lisa(["backup", "verify", "b.lisabak"], deployment, env: wrong).status == 4)

      let listed = try await lisa(["backup", "list", "-o", "json"], deployment)
      #expect(listed.status == 0 && listed.stdout.contains("\"status\": \"ok\""), "\(listed.stdout)")
      try flipped.write(to: deployment.dir.appendingPathComponent("b.lisabak"))
      #expect(try await lisa(["backup", "list", "-o", "json"], deployment).stdout.contains("\"status\": \"damaged"))
      try FileManager.default.removeItem(at: deployment.dir.appendingPathComponent("b.lisabak"))
      #expect(try await lisa(["backup", "list"], deployment).stdout.contains(" missing"))
    }
  }
}
