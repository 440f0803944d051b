import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// `lisa migrate check`, the built binary, on deployments built for it in moto (token tables, SSM) and
/// the fake LISA API (models): one where every check fails, one where they pass or only warn.
@Suite(.serialized) struct MigrateCheckEndToEndTests {
  static let oldTable = "prod-LISAApiTokenTable"
  static let newTable = "prod-LISAApiBaseTokenTable"

  /// A deployment directory: the v6.6 fixture's base and a custom file with `extra` appended.
  static func deployment(_ extra: String) throws -> URL {
    let directory = TestPaths.temporaryDirectory("e2e-migrate-check")
    let fixture = TestPaths.fixture("v6.6")
    try FileManager.default.copyItem(
      at: fixture.appendingPathComponent("config-base.yaml"), to: directory.appendingPathComponent("config-base.yaml"))
    let custom = try String(contentsOf: fixture.appendingPathComponent("config-custom.yaml"), encoding: .utf8)
      .replacingOccurrences(
        of: "  authority:\n  clientId:\n  adminGroup:\n  ragAdminGroup:\n  jwtGroupsProperty:\n",
        with: "  authority: https://idp.example.com\n  clientId: lisa\n  adminGroup: admins\n  ragAdminGroup: rag-admins\n"
          + "  jwtGroupsProperty: groups\n")
    try (custom + extra).write(to: directory.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("state"), withIntermediateDirectories: true)
    return directory
  }

  static func environment(_ lisa: FakeLisaServer, _ directory: URL) -> [String: String] {
    var environment = lisa.environment(tableFromSSM: true)
    environment["LISA_STATE_DIR"] = directory.appendingPathComponent("state").path
    environment["LISA_CONFIG_DIR"] = directory.path
    return environment
  }

  static func verdicts(_ stdout: String) throws -> [String: String] {
    let report = try JSONValue.parse(Data(stdout.utf8), source: "check")
    return Dictionary(
      uniqueKeysWithValues: (report["checks"]?.arrayItems ?? []).map {
        ($0["id"]?.plainText ?? "", $0["verdict"]?.plainText ?? "")
      })
  }

  static func putRegistered(_ lisa: FakeLisaServer, _ ids: [String]) async throws {
    let value = "[" + ids.map { "{\"repositoryId\": \"\($0)\", \"type\": \"pgvector\"}" }.joined(separator: ", ") + "]"
    try await lisa.putSSMParameter("/prod/prod/lisa/registeredRepositories", value)
  }

  @Test func everyCheckFailsOnADeploymentBuiltToFailIt() async throws {
    try await FakeLisaServer.withTable { lisa in
      guard let moto = lisa.dynamoDB else { return }
      let directory = try Self.deployment("litellmConfig:\n  db_key: not-an-sk-key\n")
      let secrets = directory.appendingPathComponent("secrets.jsonl")
      try await TokenTableScript.seed(
        endpoint: moto.url, table: Self.oldTable, target: Self.newTable, count: 12, now: Date(), secrets: secrets)
      let context = TestContext(workingDirectory: directory, environment: lisa.environment(tableFromSSM: true)).context
      let dynamo = try AWSClients(context: context, settings: AWSSettings()).dynamoDB()
      try await dynamo.putItem(table: Self.newTable, item: ["token": .s("a-v6.0-plaintext-token")])
      try await Self.putRegistered(lisa, ["docs"])
      try await lisa.seed(StatusEndToEndTests.model("settled"))
      try await lisa.seed(StatusEndToEndTests.model("broken"), status: "Failed", failureReason: "no capacity")

      let result = try await Subprocess.lisa(
        ["migrate", "check", "-o", "json"], cwd: directory, environment: Self.environment(lisa, directory))
      #expect(result.status == 7, "\(result.stdout)\(result.stderr)")
      let verdicts = try Self.verdicts(result.stdout)
      #expect(verdicts.count == 7 && verdicts.values.allSatisfy { $0 == "fail" }, "\(verdicts)")
      #expect(result.stdout.contains("prod-LISAApiTokenTable holds 12 tokens, removalPolicy destroy"))
      #expect(result.stdout.contains("1 plaintext (legacy) token and 0 without an expiry"))
      #expect(result.stdout.contains("broken (Failed)") && !result.stdout.contains("settled (InService)"))
      #expect(result.stdout.contains("docs deployed from YAML"))
      #expect(!result.stdout.contains("not-an-sk-key") && !result.stderr.contains("not-an-sk-key"))
      #expect(!result.stdout.contains("a-v6.0-plaintext-token"))
      #expect(result.stderrWithoutWaits.hasPrefix("error: pre-flight for LISA v6.6.0: 0 passed, 0 warnings, 7 failed"))
      let entries = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("state").path)
      #expect(entries.isEmpty, "a check writes nothing: \(entries)")
    }
  }

  @Test func aPreparedDeploymentWarnsOnlyAboutTheTableTheDeployDeletesThenPasses() async throws {
    try await FakeLisaServer.withTable { lisa in
      guard let moto = lisa.dynamoDB else { return }
      let key = "sk-\(UUID().uuidString.lowercased())"
      let directory = try Self.deployment("litellmConfig:\n  db_key: \(key)\n")
      try await TokenTableScript.seed(
        endpoint: moto.url, table: Self.oldTable, target: Self.newTable, count: 5, now: Date(),
        secrets: directory.appendingPathComponent("secrets.jsonl"))
      try await Self.putRegistered(lisa, [])
      try await lisa.seed(StatusEndToEndTests.model("chat"))
      try await lisa.seed(StatusEndToEndTests.model("idle"), status: "Stopped")
      var environment = Self.environment(lisa, directory)
      environment["LISA_BACKUP_PASSPHRASE"] = "correct horse battery staple"
      let backup = directory.appendingPathComponent("tokens-pre-v6.lisabak").path
      let export = try await Subprocess.lisa(
        ["keys", "export", "--output", backup, "-q"], cwd: directory, environment: environment)
      #expect(export.status == 0, "\(export.stderr)")

      let warned = try await Subprocess.lisa(["migrate", "check", "--to", "6.6"], cwd: directory, environment: environment)
      #expect(warned.status == 3, "\(warned.stdout)\(warned.stderr)")
      #expect(warned.stdout.contains("WARN  Old token table: prod-LISAApiTokenTable holds 5 tokens, removalPolicy destroy"))
      #expect(warned.stdout.contains("PASS  Recent backup: lisa-api-tokens backup \(backup)"))
      #expect(warned.stdout.contains("Pre-flight for LISA v6.6.0: 6 passed, 1 warning, 0 failed."))
      #expect(!warned.stdout.contains(key))

      try ("removalPolicy: retain\n").append(to: directory.appendingPathComponent("config-custom.yaml"))
      let passed = try await Subprocess.lisa(["migrate", "check", "-o", "json"], cwd: directory, environment: environment)
      #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
      #expect(try Self.verdicts(passed.stdout).values.allSatisfy { $0 == "pass" })

      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: backup))
      try handle.truncate(atOffset: 2048)
      try handle.close()
      let damaged = try await Subprocess.lisa(["migrate", "check", "-o", "json"], cwd: directory, environment: environment)
      #expect(damaged.status == 7)
      #expect(try Self.verdicts(damaged.stdout)["backup"] == "fail")
    }
  }

  @Test func anOlderTargetSkipsTheV6ChecksAndAnUnreachableAPIWarns() async throws {
    let directory = try Self.deployment("litellmConfig:\n  db_key: sk-\(UUID().uuidString)\n")
    let environment = [
      "LISA_CONFIG_DIR": directory.path, "LISA_STATE_DIR": directory.appendingPathComponent("state").path,
      "LISA_API_URL": "http://127.0.0.1:\(try LoopbackSockets.freePort())/prod", "LISA_API_TOKEN": "t0ken-value",
      "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONFIG_FILE": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
    ]
    let result = try await Subprocess.lisa(
      ["migrate", "check", "--to", "3.1.0", "-o", "json"], cwd: directory, environment: environment)
    #expect(result.status == 7, "\(result.stdout)\(result.stderr)")
    let verdicts = try Self.verdicts(result.stdout)
    #expect(
      verdicts["old-token-table"] == "pass" && verdicts["legacy-tokens"] == "pass" && verdicts["yaml-repositories"] == "pass")
    #expect(verdicts["models"] == "warn" && verdicts["backup"] == "fail")
    #expect(verdicts["litellm-admin-key"] == "fail", "before v3.2 the key is general_settings.master_key")
    let unknown = try await Subprocess.lisa(["migrate", "check", "--to", "9.9"], cwd: directory, environment: environment)
    #expect(unknown.status == 64)
  }
}

extension String {
  fileprivate func append(to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    handle.write(Data(utf8))
    try handle.close()
  }
}
