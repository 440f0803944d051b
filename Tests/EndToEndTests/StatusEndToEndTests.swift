import Foundation
import LisaKit
import LisaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `lisa status`, the built binary, against the fake LISA API (models in moto), a fake Serve endpoint
/// found through SSM in moto, the token table in moto, and fake LiteLLM proxies (one that knows only
/// the old liveness spelling, one that never answers).
@Suite(.serialized) struct StatusEndToEndTests {
  static let servedModels = ["chat-a", "chat-b"]

  /// LISA's Serve REST API as lisa sees it: the container's /health and LiteLLM behind /v2/serve, whose
  /// passthrough lets only the old /health/liveliness through (the new spelling answers 404 here).
  /// LISA's Serve REST API as lisa sees it: the container's /health and LiteLLM behind /v2/serve, whose
  /// passthrough lets only the old /health/liveliness through (the new spelling answers 404 here). With
  /// `versionInDetails` readiness answers as LiteLLM 1.108 does, its version only at /health/readiness/details.
  static func serveEndpoint(models: [String] = servedModels, prefix: String = "/v2/serve", versionInDetails: Bool = false)
    throws -> LoopbackHTTPServer
  {
    try LoopbackHTTPServer { request in
      let data = models.map { "{\"id\": \"\($0)\", \"object\": \"model\"}" }.joined(separator: ", ")
      let detailed = "{\"status\": \"healthy\", \"db\": \"Not connected\", \"litellm_version\": \"1.80.5\"}"
      switch request.path {
      case "/health" where !prefix.isEmpty: return .json("{\"status\": \"OK\"}")
      case prefix + "/health/readiness":
        return .json(versionInDetails ? "{\"status\": \"healthy\", \"db\": \"Not connected\"}" : detailed)
      case prefix + "/health/readiness/details" where versionInDetails: return .json(detailed)
      case prefix + "/health/liveliness": return .json("\"I'm alive!\"")
      case prefix + "/models": return .json("{\"data\": [\(data)], \"object\": \"list\"}")
      default: return .json("{\"detail\": \"Not Found\"}", status: 404)
      }
    }
  }

  static func seedTokens(_ moto: MotoServer, table: String, now: Date) async throws {
    try await TokenTableScript.create(endpoint: moto.url, table: table, v61: true)
    let context = TestContext(workingDirectory: FileManager.default.temporaryDirectory, environment: awsEnvironment(moto)).context
    let dynamo = try AWSClients(context: context, settings: AWSSettings()).dynamoDB()
    let day = 86400.0
    for (index, expires) in [now + 90 * day, now + 3 * day, now - day].enumerated() {
      try await dynamo.putItem(
        table: table,
        item: [
          "token": .s(String(repeating: String(index), count: 64)), "tokenUUID": .s("uuid-\(index)"), "name": .s("t\(index)"),
          "username": .s("alice"), "groups": .l([]), "isSystemToken": .bool(false), "createdBy": .s("test"),
          "createdDate": .n(String(Int(now.timeIntervalSince1970))),
          "tokenExpiration": .n(String(Int(expires.timeIntervalSince1970))),
        ])
    }
    try await dynamo.putItem(table: table, item: ["token": .s("plaintext-legacy-token-value")])
  }

  static func model(_ id: String) -> String {
    "{\"modelId\": \"\(id)\", \"modelName\": \"bedrock/\(id)\", \"modelType\": \"textgen\", \"streaming\": true}"
  }

  static func awsEnvironment(_ moto: MotoServer) -> [String: String] {
    [
      "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key", "AWS_REGION": "us-east-1",
      "AWS_ENDPOINT_URL": moto.url.absoluteString, "AWS_EC2_METADATA_DISABLED": "true",
    ]
  }

  @Test func aWholeLisaDeploymentUpThenAFailedModelAndAMissingLiteLLMEntryAreDown() async throws {
    try await FakeLisaServer.withTable { lisa in
      guard let moto = lisa.dynamoDB else { return }
      let serve = try Self.serveEndpoint(versionInDetails: true)
      defer { serve.stop() }
      let names = DerivedNames(config: YAMLMapping())
      let parameter = try #require(names.value(group: "ssmParameters", key: "serveRestApiUri"))
      try await lisa.putSSMParameter(parameter, serve.url.absoluteString)
      try await Self.seedTokens(moto, table: try #require(names.value(group: "tables", key: "tokenTable")), now: Date())
      for id in Self.servedModels { try await lisa.seed(Self.model(id)) }
      let repositories = """
        [{"repositoryId": "docs", "type": "opensearch", "status": "CREATE_COMPLETE"},
         {"repositoryId": "yaml-pg", "type": "pgvector", "status": "UPDATE_COMPLETE", "legacy": true}]
        """
      try await lisa.fault("GET", "/repository", status: 200, count: 10, body: repositories)
      let directory = TestPaths.temporaryDirectory("e2e-status")
      let environment = lisa.environment.merging(Self.awsEnvironment(moto)) { _, aws in aws }

      let up = try await Subprocess.lisa(["status"], cwd: directory, environment: environment)
      #expect(up.status == 0, "\(up.stdout)\(up.stderr)")
      #expect(up.stdout.contains("api      reachable at 127.0.0.1, authenticated with the API token from LISA_API_TOKEN"))
      #expect(up.stdout.contains("serve    container healthy"))
      #expect(up.stdout.contains("litellm  LiteLLM 1.80.5 ready and live (/health/liveliness)"))
      #expect(up.stdout.contains("models   2 models: 2 InService; 2 in LiteLLM"))
      #expect(up.stdout.contains("rag      2 repositories: 1 CREATE_COMPLETE, 1 UPDATE_COMPLETE"))
      #expect(up.stdout.contains("1 active (1 expiring within 7 days)") == false)
      #expect(up.stdout.contains("2 active (1 expiring within 7 days), 1 expired, 1 legacy"))
      #expect(!up.stdout.contains(FakeLisaServer.token) && !up.stderr.contains("plaintext-legacy-token-value"))

      try await lisa.seed(Self.model("chat-c"))
      try await lisa.setStatus("chat-a", "Failed", failureReason: "boom")
      let down = try await Subprocess.lisa(["status", "-o", "json"], cwd: directory, environment: environment)
      #expect(down.status == 69)
      #expect(down.stderrWithoutWaits == "error: status: down: models\n")
      let report = try JSONValue.parse(Data(down.stdout.utf8), source: "status")
      let models = try #require(report["parts"]?.arrayItems?.first { $0["name"]?.plainText == "models" })
      #expect(models["state"]?.plainText == "down")
      #expect(models["failed"] == .array([.string("chat-a")]))
      #expect(models["missingFromLiteLLM"] == .array([.string("chat-c")]))
      #expect(report["state"]?.plainText == "down")
    }
  }

  @Test func aPlainLiteLLMThatKnowsOnlyTheOldLivenessSpellingIsUp() async throws {
    let litellm = try Self.serveEndpoint(models: ["gpt-x"], prefix: "")
    defer { litellm.stop() }
    let result = try await Subprocess.lisa(["status", "--litellm-url", litellm.url.absoluteString, "-o", "json"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let report = try JSONValue.parse(Data(result.stdout.utf8), source: "status")
    let parts = Dictionary(uniqueKeysWithValues: (report["parts"]?.arrayItems ?? []).map { ($0["name"]?.plainText ?? "", $0) })
    #expect(parts["litellm"]?["livenessPath"]?.plainText == "/health/liveliness")
    #expect(parts["litellm"]?["version"]?.plainText == "1.80.5")
    #expect(parts["models"]?["litellm"] == .array([.string("gpt-x")]))
    #expect(["api", "serve", "rag", "tokens"].allSatisfy { parts[$0]?["state"]?.plainText == "skipped" })
    #expect(litellm.requests.map(\.path).contains("/health/liveness"))
  }

  @Test func aLiteLLMThatNeverAnswersIsUnknownWithinTheTimeoutAndExits3() async throws {
    let (fd, port) = try LoopbackSockets.silentListener()
    defer { close(fd) }
    let result = try await Subprocess.lisa(["status", "--litellm-url", "http://127.0.0.1:\(port)", "--part-timeout", "1"])
    #expect(result.elapsed < 8)
    #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("unknown litellm  no answer within 1s"))
    #expect(result.stderrWithoutWaits == "error: status: unknown: litellm, models\n")
  }

  @Test func anUnreachableAPIIsDownWhilePartsWithoutAWSAreUnknown() async throws {
    let closed = try LoopbackSockets.freePort()
    let directory = TestPaths.temporaryDirectory("e2e-status-down")
    let environment = [
      "LISA_API_URL": "http://127.0.0.1:\(closed)/prod", "LISA_API_TOKEN": "some-token-value",
      "AWS_EC2_METADATA_DISABLED": "true",
      "AWS_CONFIG_FILE": directory.appendingPathComponent("none").path,
      "AWS_SHARED_CREDENTIALS_FILE": directory.appendingPathComponent("none").path,
    ]
    let result = try await Subprocess.lisa(["status", "--part-timeout", "5"], cwd: directory, environment: environment)
    #expect(result.status == 69, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("DOWN    api"))
    #expect(result.stdout.contains("unknown serve"))
    #expect(result.stdout.contains("unknown tokens"))
    #expect(!result.stdout.contains("some-token-value") && !result.stderr.contains("some-token-value"))
  }

  @Test func watchRedrawsOnATerminalUntilTheCommandTimeout() async throws {
    // script(1) gives lisa a pseudo-terminal as its stdout, as an operator's shell does.
    let arguments = [
      LisaBinary.path, "status", "--watch", "--interval", "1", "--litellm-url", "http://127.0.0.1:9", "--part-timeout", "1",
      "--timeout", "4s",
    ]
    let command = arguments.map(ShellQuote.word).joined(separator: " ")
    let result = try await Subprocess.run("/usr/bin/script", ["-qfec", command, "/dev/null"], environment: ["TERM": "xterm"])
    let redraws = result.stdout.components(separatedBy: "\u{1B}[H\u{1B}[2J").count - 1
    #expect(redraws >= 2, "one screen per interval until the timeout: \(redraws) in \(result.stdout.debugDescription)")
    #expect(result.stdout.contains("litellm"))
    #expect(result.status == 69, "ended by --timeout 4s: \(result.stdout)")
  }

  @Test func watchNeedsATerminal() async throws {
    let result = try await Subprocess.lisa(["status", "--watch", "--litellm-url", "http://127.0.0.1:9"])
    #expect(result.status == 64 && result.stderrWithoutWaits.hasPrefix("error: --watch redraws a terminal"))
  }
}

/// `lisa status --litellm-url` against LiteLLM itself, without a database. scripts/test.sh installs litellm[proxy]
/// (about 750 MB) into .venv-litellm while Swift builds and names it in LISA_TEST_LITELLM; a bare `swift test`
/// without it skips this one, and the fakes above cover the same routes.
@Suite struct StatusLiteLLMEndToEndTests {
  @Test(.enabled(if: LiteLLMProxy.executable != nil, "set LISA_TEST_LITELLM to a litellm[proxy] executable"))
  func aRealLiteLLMProxyIsReadyLiveAndListsItsModels() async throws {
    try await withServer({ try LiteLLMProxy(models: ["alpha-chat", "beta-embed"]) }, stop: { $0.stop() }) { proxy in
      let result = try await Subprocess.lisa(
        ["status", "--litellm-url", proxy.url.absoluteString, "-o", "json", "--part-timeout", "20"],
        environment: ["LISA_API_TOKEN": LiteLLMProxy.masterKey])
      #expect(result.status == 0, "\(result.stdout)\(result.stderr)\n\(proxy.logTail())")
      let report = try JSONValue.parse(Data(result.stdout.utf8), source: "status")
      let parts = Dictionary(
        uniqueKeysWithValues: (report["parts"]?.arrayItems ?? []).map { ($0["name"]?.plainText ?? "", $0) })
      let version = parts["litellm"]?["version"]?.plainText ?? ""
      #expect(version.first?.isNumber == true, "LiteLLM reports its version: \(version)")
      #expect(parts["litellm"]?["state"]?.plainText == "up")
      #expect(parts["litellm"]?["livenessPath"]?.plainText == "/health/liveness")
      #expect(parts["models"]?["litellm"] == .array([.string("alpha-chat"), .string("beta-embed")]))
    }
  }
}
