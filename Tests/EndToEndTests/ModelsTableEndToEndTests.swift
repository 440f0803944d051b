import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The built binary against the fake Model Management API keeping its models in a moto DynamoDB table, as
/// LISA does: what only the table holds (failure reasons, stored items LISA cannot read back), LISA's own
/// 500s, ids no route reaches, and schedules.
@Suite(.serialized) struct ModelsTableEndToEndTests {
  func lisa(_ arguments: [String], _ env: [String: String], in dir: URL) async throws -> ProcessResult {
    try await Subprocess.lisa(arguments, cwd: dir, environment: env)
  }

  @Test func failureReasonsComeFromTheModelsTable() async throws {
    try await FakeLisaServer.withTable { server in
      try await server.seed(ModelFixtures.hosted)
      try await server.seed(ModelFixtures.embedding, status: "Failed", failureReason: "Bedrock model access denied")
      let dir = TestPaths.temporaryDirectory("e2e-models-table")
      let env = server.environment()
      let get = try await lisa(["models", "get", "titan-embed", "-o", "json"], env, in: dir)
      #expect(get.status == 0, "\(get.stderr)")
      #expect(get.stdout.contains("\"failureReason\": \"Bedrock model access denied\""))
      let wide = try await lisa(["models", "list", "-o", "wide"], env, in: dir)
      #expect(wide.status == 0, "\(wide.stderr)")
      let rows = wide.stdout.split(separator: "\n").map(String.init)
      #expect(rows.first?.split(separator: " ").suffix(3) == ["STATUS", "URL", "REASON"])
      let failed = try #require(rows.last)
      #expect(
        failed.hasPrefix("titan-embed ") && failed.contains(" Failed ") && failed.hasSuffix("  Bedrock model access denied"))
      let wait = try await lisa(["models", "wait", "titan-embed", "--for", "InService"], env, in: dir)
      #expect(wait.status == 1 && wait.stderr.contains("error: model 'titan-embed' is Failed: Bedrock model access denied"))
      let noTable = try await lisa(["models", "get", "titan-embed"], server.environment, in: dir)
      #expect(noTable.status == 0 && !noTable.stdout.contains("failureReason"))
      #expect(
        noTable.stderrWithoutWaits.hasPrefix(
          "warning: model 'titan-embed' is Failed: LISA keeps the reason only in its models table (failure_reason), which lisa "
            + "could not read: no AWS region"))
    }
  }

  @Test func oneStoredModelLISACannotReadIsNamedAndTheRestListed() async throws {
    try await FakeLisaServer.withTable { server in
      try await server.seed(ModelFixtures.hosted)
      try await server.seed(ModelFixtures.thirdParty)
      try await server.putModelItem(
        #"{"model_id": "broken", "model_status": "InService", "model_config": {"modelId": "broken", "modelName": "bedrock/x", "#
          + #""modelType": "textgen", "streaming": null, "apiKey": "sk-broken-0042"}}"#)
      let dir = TestPaths.temporaryDirectory("e2e-models-table")
      let blind = try await lisa(["models", "list"], server.environment, in: dir)
      #expect(blind.status == 1)
      #expect(
        blind.stderrWithoutWaits.hasPrefix(
          "error: GET /models: LISA cannot read one of the models it stored (streaming: Input should be a valid boolean "
            + "(stored: None)), so it lists none, for any caller (hint: lisa names that model and lists the others when it "
            + "can read the models table"))
      let env = server.environment()
      let listed = try await lisa(["models", "list", "-o", "id"], env, in: dir)
      #expect(listed.status == 3)
      #expect(listed.stdout == "claude\nmistral-7b\n")
      #expect(
        listed.stderrWithoutWaits.hasPrefix(
          "warning: model 'broken' is stored in a form LISA cannot read (streaming: Input should be a valid boolean (stored: "
            + "None)); GET /models fails for every caller until its item in the models table is corrected\n"))
      #expect(
        listed.stderr.hasSuffix(
          "error: not listed: broken, which LISA cannot read (hint: correct the item in LISA's models table)\n"))
      let one = try await lisa(["models", "get", "broken"], env, in: dir)
      #expect(
        one.status == 1 && one.stderrWithoutWaits.hasPrefix("error: model 'broken': LISA cannot read what it stored: streaming:"))
      try "pass phrase 0042\n".write(to: dir.appendingPathComponent("pass.txt"), atomically: true, encoding: .utf8)
      let backup = try await lisa(["models", "export", "--backup", "all.lisabak", "--passphrase-file", "pass.txt"], env, in: dir)
      #expect(backup.status == 0, "\(backup.stderr)")
      #expect(
        backup.stderr.contains("warning: model 'broken' is stored in a form LISA cannot read")
          && backup.stderr.contains("exported as stored"))
      #expect(backup.stderr.contains("wrote all.lisabak: 3 models, 2 with an encrypted API key"))
      try "models:\n  - {modelId: broken, modelName: bedrock/x, modelType: textgen}\n".write(
        to: dir.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
      let apply = try await lisa(["models", "apply", "-f", "broken.yaml"], env, in: dir)
      #expect(apply.status == 1 && apply.stderr.contains("error: model 'broken' is in the file, but LISA cannot read"))
      #expect(try await server.requests().allSatisfy { $0["method"] == .string("GET") })
    }
  }

  @Test func lisasOwnServerErrorsAreReportedAsItsAnswerAndRetriedOnce() async throws {
    try await FakeLisaServer.with { server in
      let dir = TestPaths.temporaryDirectory("e2e-models-table")
      let generic =
        #"{"error": "Internal Server Error", "message": "An unexpected error occurred while processing your request"}"#
      try await server.fault("GET", "/models", status: 500, count: 5, body: generic)
      let failed = try await lisa(["models", "list"], server.environment, in: dir)
      #expect(failed.status == 1)
      #expect(
        failed.stderr
          == "error: GET /models (HTTP 500) failed at 127.0.0.1 after 2 attempts: An unexpected error occurred while processing "
          + "your request (hint: LISA does not say why; the API Lambda's CloudWatch log has the cause)\n")
      #expect(try await server.requests().count == 2)
      try await server.control("reset")
      try await server.fault("GET", "/models", status: 500, count: 5, body: #"{"message": "User is not authorized"}"#)
      #expect(try await lisa(["models", "list"], server.environment, in: dir).status == 4)
      try await server.control("reset")
      try await server.fault("GET", "/models", status: 503, count: 5, body: #"{"message": "Service Unavailable"}"#)
      let unavailable = try await lisa(["models", "list"], server.environment, in: dir)
      #expect(unavailable.status == 69 && unavailable.stderr.contains("after 4 attempts: Service Unavailable"))
      #expect(try await server.requests().count == 4)

      try await server.control("reset")
      let long = String(repeating: "a long description ", count: 24_000)
      try #"{"modelId": "big", "modelName": "bedrock/big", "modelType": "textgen", "modelDescription": "\#(long)"}"#.write(
        to: dir.appendingPathComponent("big.json"), atomically: true, encoding: .utf8)
      let big = try await lisa(["models", "create", "-f", "big.json"], server.environment, in: dir)
      #expect(big.status == 7 && big.stderr.contains("LISA stores a model as one DynamoDB item of at most 400 KB"))
      #expect(try await server.requests().isEmpty)
    }
  }

  @Test func idsNoRouteCanReachAreRefused() async throws {
    try await FakeLisaServer.with { server in
      let dir = TestPaths.temporaryDirectory("e2e-models-table")
      for id in ["a/b", ".."] {
        try #"{"modelId": "\#(id)", "modelName": "bedrock/x", "modelType": "textgen"}"#.write(
          to: dir.appendingPathComponent("m.json"), atomically: true, encoding: .utf8)
        let created = try await lisa(["models", "create", "-f", "m.json"], server.environment, in: dir)
        #expect(created.status == 7)
        #expect(
          created.stderr.contains(
            "modelId: '\(id)' cannot be used: LISA would store it, but no /models/{id} route could reach the model afterwards"))
      }
      #expect(try await server.requests().isEmpty)
      let slash = try await lisa(["models", "delete", "a/b", "--yes"], server.environment, in: dir)
      #expect(slash.status == 7 && slash.stderr.contains("LISA's API cannot reach the name 'a/b'"))
      let dots = try await lisa(["models", "get", ".."], server.environment, in: dir)
      #expect(dots.status == 5, "sent as %2E%2E, so it names the model '..', not the parent route: \(dots.stderr)")
      #expect(try await server.requests().map { $0["path"]?.plainText } == ["/models/.."])
    }
  }

  @Test func schedulesAcceptLISAsTimesAndExportQuotesThem() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(ModelFixtures.hosted)
      try await server.seed(ModelFixtures.thirdParty)
      let dir = TestPaths.temporaryDirectory("e2e-models-table")
      let env = server.environment
      let none = try await lisa(["models", "schedule", "get", "mistral-7b"], env, in: dir)
      #expect(none.status == 0 && none.stdout == "no schedule: model 'mistral-7b' runs until it is stopped\n")
      let json = try await lisa(["models", "schedule", "get", "claude", "-o", "json"], env, in: dir)
      #expect(json.status == 0 && json.stdout == "{\n  \"modelId\": \"claude\",\n  \"scheduling\": null\n}\n")
      let set = try await lisa(["models", "schedule", "set", "mistral-7b", "--recurring", "8:00-18:00"], env, in: dir)
      #expect(set.status == 0, "\(set.stderr)")
      let shown = try await lisa(["models", "schedule", "get", "mistral-7b"], env, in: dir)
      #expect(shown.stdout.contains("    startTime: \"8:00\"\n    stopTime: \"18:00\"\n"))
      #expect(try await lisa(["models", "export", "-f", "models.yaml"], env, in: dir).status == 0)
      let text = try String(contentsOf: dir.appendingPathComponent("models.yaml"), encoding: .utf8)
      #expect(text.contains("startTime: \"8:00\"") && text.contains("stopTime: \"18:00\""))
      let again = try await lisa(["models", "apply", "-f", "models.yaml"], env, in: dir)
      #expect(
        again.status == 0 && again.stderr.hasSuffix("nothing to do: the deployment matches models.yaml\n"), "\(again.stderr)")
    }
  }

  /// A value lisa's rules flag but LISA already holds (an older LISA took a one-hour window) is kept with a
  /// warning, so it does not stop the other models; it would be sent, and so stays an error, on a recreate.
  @Test func aFlaggedValueTheModelAlreadyHoldsDoesNotBlockTheFile() async throws {
    try await FakeLisaServer.with { server in
      let window = #""scheduling": {"scheduleType": "RECURRING", "recurringSchedule": {"startTime": "8:00", "stopTime": "9:00"}}"#
      try await server.seed(
        ModelFixtures.hosted.replacingOccurrences(
          of: #""blockDeviceVolumeSize": 50,"#, with: "\"blockDeviceVolumeSize\": 50, \(window),"))
      try await server.seed(ModelFixtures.thirdParty)
      let dir = TestPaths.temporaryDirectory("e2e-models-table")
      let env = server.environment
      #expect(try await lisa(["models", "export", "-f", "models.yaml"], env, in: dir).status == 0)
      let text = try String(contentsOf: dir.appendingPathComponent("models.yaml"), encoding: .utf8)
      try text.replacingOccurrences(of: "modelId: claude\n", with: "modelId: claude\n    modelDescription: edited\n").write(
        to: dir.appendingPathComponent("models.yaml"), atomically: true, encoding: .utf8)
      let applied = try await lisa(["models", "apply", "-f", "models.yaml"], env, in: dir)
      #expect(applied.status == 0, "\(applied.stderr)")
      #expect(
        applied.stderr.contains(
          "warning: autoScalingConfig.scheduling.recurringSchedule.stopTime: LISA already holds this value for the model, so "
            + "it is kept and not sent: must be at least 2 hours after startTime"))
      #expect(applied.stdout.contains("~ update    claude\n") && applied.stdout.contains("= unchanged mistral-7b\n"))
      #expect(
        try await server.requests().filter { $0["method"] != .string("GET") }.map { $0["path"]?.plainText } == ["/models/claude"])
      try await server.setStatus("mistral-7b", "Failed")
      let recreate = try await lisa(["models", "apply", "-f", "models.yaml", "--recreate", "--yes"], env, in: dir)
      #expect(
        recreate.status == 7 && recreate.stderr.contains("error: autoScalingConfig.scheduling.recurringSchedule.stopTime: must"))
    }
  }
}
