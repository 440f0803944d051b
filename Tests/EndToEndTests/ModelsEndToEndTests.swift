import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The built binary against the fake Model Management API: apply twice, export/apply round trips,
/// encrypted backups, credentials from stdin, discovery through SSM and Secrets Manager.
@Suite(.serialized) struct ModelsEndToEndTests {
  static let hosted = ModelFixtures.hosted
  static let thirdParty = ModelFixtures.thirdParty
  static let key = ModelFixtures.thirdPartyKey

  func lisa(_ arguments: [String], _ server: FakeLisaServer, in dir: URL, stdin: String? = nil, env: [String: String]? = nil)
    async throws -> ProcessResult
  {
    try await Subprocess.lisa(arguments, cwd: dir, environment: env ?? server.environment, stdin: stdin.map { Data($0.utf8) })
  }

  /// Calls that change something, as `METHOD /path`.
  func writes(_ server: FakeLisaServer) async throws -> [String] {
    try await server.requests().filter { $0["method"] != .string("GET") }.map {
      "\($0["method"]?.plainText ?? "") \($0["path"]?.plainText ?? "")"
    }
  }

  @Test func applyTwiceCreatesThenChangesNothing() async throws {
    try await FakeLisaServer.with { server in
      try await server.settleAfter(0.2)
      let dir = TestPaths.temporaryDirectory("e2e-models")
      try "models:\n  - \(Self.hosted.replacingOccurrences(of: "\n", with: " "))\n  - \(Self.thirdParty)\n"
        .write(to: dir.appendingPathComponent("models.yaml"), atomically: true, encoding: .utf8)
      let first = try await lisa(["models", "apply", "-f", "models.yaml", "--wait", "--interval", "0.1"], server, in: dir)
      #expect(first.status == 0, "\(first.stderr)")
      #expect(
        first.stdout
          == "+ create    mistral-7b\n+ create    claude\nPlan: 2 to create, 0 to update, 0 to recreate, 0 to delete, 0 unchanged.\n"
      )
      #expect(first.stderr.contains("creating mistral-7b\ncreating claude\nwaiting for mistral-7b to be InService\n"))
      #expect(first.stderr.hasSuffix("applied: 2 created, 0 updated, 0 deleted\n"))
      #expect(try await server.models().map { $0.1["status"]?.plainText } == ["InService", "InService"])
      let before = try await writes(server)
      let second = try await lisa(["models", "apply", "-f", "models.yaml"], server, in: dir)
      #expect(second.status == 0, "\(second.stderr)")
      #expect(
        second.stdout
          == "= unchanged mistral-7b\n= unchanged claude\nPlan: 0 to create, 0 to update, 0 to recreate, 0 to delete, 2 unchanged.\n"
      )
      #expect(second.stderrWithoutWaits == "nothing to do: the deployment matches models.yaml\n")
      #expect(try await writes(server) == before)
      #expect(before == ["POST /models", "POST /models"])
    }
  }

  @Test func exportEditThenApplyUpdatesAndPrunes() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(Self.hosted)
      try await server.seed(Self.thirdParty)
      try await server.seed(#"{"modelId": "old", "modelName": "bedrock/old", "modelType": "textgen"}"#, status: "Stopped")
      let dir = TestPaths.temporaryDirectory("e2e-models")
      let export = try await lisa(["models", "export", "-f", "models.yaml"], server, in: dir)
      #expect(export.status == 0, "\(export.stderr)")
      #expect(export.stderr.contains("exported 3 models to models.yaml"))
      #expect(
        export.stderr.contains(
          "warning: API keys of claude, old (if they have one) are not in this file; --backup FILE.lisabak saves them encrypted"))
      let text = try String(contentsOf: dir.appendingPathComponent("models.yaml"), encoding: .utf8)
      #expect(text.hasPrefix("# lisa models export: 3 models from \(server.apiURL) at "))
      #expect(!text.contains(Self.key) && !text.contains("status:"))
      let unchanged = try await lisa(["models", "apply", "-f", "models.yaml", "--prune"], server, in: dir)
      #expect(unchanged.status == 0 && unchanged.stdout.hasSuffix("3 unchanged.\n"), "\(unchanged.stdout)\(unchanged.stderr)")

      let json = try await lisa(["models", "export", "-o", "json"], server, in: dir)
      var models = try JSONValue.parse(Data(json.stdout.utf8), source: "export")["models"]?.arrayItems ?? []
      models = models.filter { $0["modelId"] != .string("old") }.map { model in
        guard model["modelId"] == .string("mistral-7b"), let scaling = model["autoScalingConfig"] else { return model }
        return model.setting("autoScalingConfig", scaling.setting("maxCapacity", .int(6))).setting(
          "modelDescription", .string("bigger"))
      }
      try JSONWriter.pretty(.object([("models", .array(models))])).write(
        to: dir.appendingPathComponent("edited.json"), atomically: true, encoding: .utf8)
      let dry = try await lisa(["models", "apply", "-f", "edited.json", "--prune", "--dry-run"], server, in: dir)
      #expect(dry.status == 0)
      #expect(
        dry.stdout == """
          = unchanged claude
          ~ update    mistral-7b
              autoScalingConfig.maxCapacity: 4 → 6
              modelDescription: (unset) → "bigger"
          - delete    old (not in edited.json)
          Plan: 0 to create, 1 to update, 0 to recreate, 1 to delete, 1 unchanged.

          """)
      let unconfirmed = try await lisa(["models", "apply", "-f", "edited.json", "--prune"], server, in: dir)
      #expect(unconfirmed.status == 64 && unconfirmed.stderr.contains("Delete 1 model (old): confirmation needed; pass --yes"))
      #expect(try await writes(server).isEmpty)
      try await server.settleAfter(0.1)
      let applied = try await lisa(
        ["models", "apply", "-f", "edited.json", "--prune", "--yes", "--wait", "--interval", "0.1"], server, in: dir)
      #expect(applied.status == 0, "\(applied.stderr)")
      #expect(applied.stderr.contains("updating mistral-7b: autoScalingConfig.maxCapacity, modelDescription"))
      #expect(try await writes(server) == ["DELETE /models/old", "PUT /models/mistral-7b"])
      let put = try #require(try await server.requests().first { $0["method"] == .string("PUT") })
      #expect(
        put["body"]
          == .object([
            ("autoScalingInstanceConfig", .object([("maxCapacity", .number("6"))])), ("modelDescription", .string("bigger")),
          ]))
      let final = try await server.models()
      #expect(final.map(\.0) == ["mistral-7b", "claude"])
      #expect(
        final.first?.1["status"] == .string("InService") && final.first?.1["autoScalingConfig"]?["maxCapacity"] == .number("6"))
      let again = try await lisa(["models", "apply", "-f", "edited.json", "--prune"], server, in: dir)
      #expect(again.status == 0 && again.stderrWithoutWaits == "nothing to do: the deployment matches edited.json\n")
    }
  }

  /// LISA's GET never shows a third-party key; the backup reads it from the models table (its name from
  /// SSM, as in a deployment) and apply writes it back through create.
  @Test func anEncryptedBackupBringsThirdPartyKeysBackAfterATeardown() async throws {
    try await FakeLisaServer.withTable { server in
      try await server.seed(Self.hosted)
      try await server.seed(Self.thirdParty)
      let env = server.environment(tableFromSSM: true)
      try await server.putSSMParameter("/prod/prod/lisa/modelTableName", FakeLisaServer.modelTable)
      let dir = TestPaths.temporaryDirectory("e2e-models")
      try "correct horse battery\n".write(to: dir.appendingPathComponent("pass.txt"), atomically: true, encoding: .utf8)
      let export = try await lisa(
        ["models", "export", "--backup", "models.lisabak", "--passphrase-file", "pass.txt", "-v"], server, in: dir, env: env)
      #expect(export.status == 0, "\(export.stderr)")
      #expect(export.stderr.contains("wrote models.lisabak: 2 models, 1 with an encrypted API key"))
      #expect(export.stderr.contains("models: models table \(FakeLisaServer.modelTable) (from SSM parameter /prod/prod/lisa/"))
      #expect(!export.stderr.contains("warning:") && !export.stdout.contains(Self.key) && !export.stderr.contains(Self.key))
      let bytes = try Data(contentsOf: dir.appendingPathComponent("models.lisabak"))
      #expect(bytes.range(of: Data(Self.key.utf8)) == nil)
      try await server.control("reset")
      try "wrong\n".write(to: dir.appendingPathComponent("wrong.txt"), atomically: true, encoding: .utf8)
      let wrong = try await lisa(["models", "apply", "-f", "models.lisabak", "--passphrase-file", "wrong.txt"], server, in: dir)
      #expect(wrong.status == 4 && wrong.stderr.contains("the passphrase does not open this backup"))
      let restore = try await lisa(["models", "apply", "-f", "models.lisabak", "--passphrase-file", "pass.txt"], server, in: dir)
      #expect(restore.status == 0, "\(restore.stderr)")
      #expect(restore.stdout.hasSuffix("Plan: 2 to create, 0 to update, 0 to recreate, 0 to delete, 0 unchanged.\n"))
      let claude = try await server.items().first { $0["model_id"] == .string("claude") }
      #expect(claude?["model_config"]?["apiKey"] == .string(Self.key))
      #expect(!restore.stdout.contains("sk-claude") && !restore.stderr.contains("sk-claude"))

      let noTable = try await lisa(
        ["models", "export", "--backup", "again.lisabak", "--passphrase-file", "pass.txt"], server, in: dir,
        env: server.environment)
      #expect(noTable.status == 0, "\(noTable.stderr)")
      #expect(
        noTable.stderrWithoutWaits.hasPrefix(
          "warning: the API keys of claude (if they have one) are not in the backup: LISA keeps them only in its models "
            + "table, which lisa could not read (no AWS region"))
      #expect(noTable.stderrWithoutWaits.split(separator: "\n").filter { $0.hasPrefix("warning:") }.count == 1)
    }
  }

  @Test func changesTheUpdateCannotMakeNeedRecreate() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(Self.hosted)
      let dir = TestPaths.temporaryDirectory("e2e-models")
      let bigger = Self.hosted.replacingOccurrences(of: "g5.xlarge", with: "g5.2xlarge")
      try bigger.write(to: dir.appendingPathComponent("m.json"), atomically: true, encoding: .utf8)
      let refused = try await lisa(["models", "apply", "-f", "m.json"], server, in: dir)
      #expect(refused.status == 6)
      #expect(
        refused.stdout.hasPrefix(
          "! recreate  mistral-7b (the update route cannot change instanceType)\n"
            + "    instanceType: \"g5.xlarge\" → \"g5.2xlarge\"  (needs recreate)\n"
        ))
      #expect(
        refused.stderr.hasSuffix(
          "error: mistral-7b needs to be deleted and created again; nothing was changed (hint: run again with --recreate "
            + "(an outage for those models))\n"))
      #expect(try await writes(server).isEmpty)
      try await server.settleAfter(0.1)
      let recreated = try await lisa(
        ["models", "apply", "-f", "m.json", "--recreate", "--yes", "--interval", "0.1"], server, in: dir)
      #expect(recreated.status == 0, "\(recreated.stderr)")
      #expect(try await writes(server) == ["DELETE /models/mistral-7b", "POST /models"])
      #expect(try await server.models().first?.1["instanceType"] == .string("g5.2xlarge"))
    }
  }

  @Test func tokenFromStdinNeverAppearsInTraces() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(Self.thirdParty)
      let dir = TestPaths.temporaryDirectory("e2e-models")
      let run = try await lisa(
        ["models", "list", "-v", "--token-file", "-", "-o", "id"], server, in: dir, stdin: FakeLisaServer.token + "\n",
        env: ["LISA_API_URL": server.apiURL])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout == "claude\n")
      #expect(run.stderr.contains("api: base URL \(server.apiURL) from LISA_API_URL"))
      #expect(run.stderr.contains("api: using the API token from stdin (--token-file -)"))
      #expect(!run.stderr.contains(FakeLisaServer.token) && !run.stdout.contains(FakeLisaServer.token))
      let nowhere = try await Subprocess.lisa(["models", "list"], cwd: dir, environment: ["AWS_EC2_METADATA_DISABLED": "true"])
      #expect(nowhere.status == 64)
      #expect(nowhere.stderrWithoutWaits.hasPrefix("error: finding the LISA API: no AWS region"))
      #expect(nowhere.stderr.hasSuffix("; or set LISA_API_URL and LISA_API_TOKEN to skip discovery)\n"))
    }
  }

  @Test func discoversTheAPIThroughSSMAndTheManagementKeySecret() async throws {
    try await MotoServer.with { moto in
      try await FakeLisaServer.with { server in
        try await server.seed(Self.thirdParty)
        let dir = TestPaths.temporaryDirectory("e2e-models")
        try "deploymentName: acme\nregion: us-east-1\n".write(
          to: dir.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
        let env = [
          "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key",
          "AWS_ENDPOINT_URL": moto.url.absoluteString,
          "AWS_EC2_METADATA_DISABLED": "true",
        ]
        let context = LisaContext(
          environment: env, workingDirectory: dir.path, homeDirectory: dir.path, now: { Date() }, terminal: .pipes,
          stdout: BufferSink(),
          stderr: BufferSink())
        let aws = try AWSClients(context: context, settings: AWSSettings(region: "us-east-1"))
        try await aws.ssm().putParameter("/prod/acme/lisa/LisaApiUrl", value: server.apiURL)
        try await aws.secretsManager().createSecret(
          "acme-management-key", secretString: #"{"managementKey": "\#(FakeLisaServer.token)"}"#)
        let run = try await Subprocess.lisa(["models", "list", "-o", "id", "-v"], cwd: dir, environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "claude\n")
        #expect(run.stderr.contains("api: base URL \(server.apiURL) from SSM parameter /prod/acme/lisa/LisaApiUrl"))
        #expect(run.stderr.contains("api: using the management key from Secrets Manager secret acme-management-key"))
        #expect(!run.stderr.contains(FakeLisaServer.token))
      }
    }
  }
}
