import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// `lisa models` verbs in-process against the fake Model Management API: output, exit codes, what is sent.
@Suite(.serialized) struct ModelsCommandTests {
  @Test func listFiltersAndColoursStatusOnlyOnATerminal() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(ModelFixtures.hosted)
      try await server.seed(ModelFixtures.thirdParty, status: "Stopped")
      try await server.seed(ModelFixtures.embedding, status: "Failed", failureReason: "bad model name")
      let json = await runModels(["models", "list", "--status", "inservice", "-o", "json"], server: server)
      #expect(json.status == .ok)
      let rows = try JSONValue.parse(Data(json.stdout.utf8), source: "stdout").arrayItems ?? []
      #expect(rows.map { $0["modelId"]?.plainText } == ["mistral-7b"])
      #expect(rows.first?["hostingType"] == .string("lisa_hosted"))
      let ids = await runModels(["models", "list", "--hosting", "THIRD-PARTY", "--type", "TextGen", "-o", "id"], server: server)
      #expect(ids.stdout == "claude\n")
      let plain = await runModels(["models", "list"], server: server)
      #expect(plain.stdout.hasPrefix("ID  ") && plain.stdout.contains("  STATUS\n"))
      #expect(!plain.stdout.contains("\u{1B}["))
      #expect(withoutWaitNotices(plain.stderr) == "3 models\n")
      let coloured = await runModels(["models", "list"], server: server, terminal: interactive)
      #expect(coloured.stdout.contains("\u{1B}[32mInService\u{1B}[0m") && coloured.stdout.contains("\u{1B}[31mFailed\u{1B}[0m"))
      let bad = await runModels(["models", "list", "--status", "Running"], server: server)
      #expect(bad.status == .usage && bad.stderr.contains("--status 'Running' is not a model status"))
    }
  }

  @Test func getNeverShowsKeysAndMissingModelsExitFive() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(ModelFixtures.thirdParty)
      let shown = await runModels(["models", "get", "claude", "-o", "json"], server: server)
      #expect(shown.status == .ok && shown.stdout.contains("\"modelId\": \"claude\""))
      #expect(!shown.stdout.contains(ModelFixtures.thirdPartyKey) && !shown.stdout.contains("apiKey"))
      let missing = await runModels(["models", "get", "nope"], server: server)
      #expect(missing.status == .notFound)
      #expect(missing.stderr == "error: model 'nope' not found (GET /models/nope (HTTP 404): Model 'nope' was not found.)\n")
    }
  }

  @Test func createChecksTheFileFirstAndSendsLowerCaseEnums() async throws {
    try await FakeLisaServer.with { server in
      let dir = TestPaths.temporaryDirectory("models-create")
      try ModelsFixture.write(
        ModelsFixture.createYAML.replacingOccurrences(of: "minCapacity: 1", with: "minCapacity: 3"), "bad.yaml", in: dir)
      let bad = await runModels(["models", "create", "-f", "bad.yaml"], server: server, in: dir)
      #expect(bad.status == .invalid)
      #expect(bad.stderr == "bad.yaml:14:3: error: autoScalingConfig.minCapacity: must not exceed maxCapacity (3 > 2)\n")
      #expect(try await ModelsFixture.calls(server).isEmpty)
      try ModelsFixture.write(ModelsFixture.createYAML, "good.yaml", in: dir)
      let created = await runModels(["models", "create", "-f", "good.yaml", "-o", "id"], server: server, in: dir)
      #expect(created.status == .ok, "\(created.stderr)")
      #expect(created.stdout == "llama-3\n")
      let post = try #require(try await server.requests().first { $0["method"] == .string("POST") })
      #expect(post["body"]?["modelType"] == .string("textgen") && post["body"]?["hostingType"] == .string("lisa_hosted"))
      #expect(post["body"]?["inferenceContainer"] == .string("vllm"))
      #expect(post["body"]?["containerConfig"]?["environment"]?["MAX_TOTAL_TOKENS"] == .string("4096"))
      #expect(post["authorized"] == .bool(true))
      let again = await runModels(["models", "create", "-f", "good.yaml"], server: server, in: dir)
      #expect(again.status == .conflict && again.stderr.contains("already exists"))
      let typo = ModelsFixture.createYAML.replacingOccurrences(of: "instanceType: g5.xlarge", with: "instanceType: g5.xlarg")
      try ModelsFixture.write(typo.replacingOccurrences(of: "llama-3", with: "llama-4"), "typo.yaml", in: dir)
      let instance = await runModels(["models", "create", "-f", "typo.yaml"], server: server, in: dir)
      #expect(instance.status == .invalid)
      #expect(
        instance.stderr
          == "typo.yaml:6:1: error: instanceType: 'g5.xlarg' is not an EC2 instance type LISA accepts; did you mean 'g5.xlarge'?\n"
      )
    }
  }

  @Test func updateIsCheckedAndGatedBeforeAnythingIsSent() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(ModelFixtures.hosted, status: "Creating")
      try await server.seed(ModelFixtures.thirdParty)
      let busy = await runModels(["models", "update", "mistral-7b", "--description", "x"], server: server)
      #expect(busy.status == .conflict)
      #expect(
        busy.stderr.hasPrefix("error: model 'mistral-7b' is Creating; LISA changes a model only when it is InService or Stopped"))
      let thirdParty = await runModels(["models", "update", "claude", "--max-capacity", "3"], server: server)
      #expect(thirdParty.status == .invalid && thirdParty.stderr.contains("only LISA-hosted models have autoscaling to change"))
      let nothing = await runModels(["models", "update", "claude"], server: server)
      #expect(nothing.status == .invalid && nothing.stderr.hasPrefix("error: nothing to change"))
      let capacity = await runModels(
        ["models", "update", "claude", "--no-streaming", "--allowed-groups", "a, b", "-o", "json"], server: server)
      #expect(capacity.status == .ok, "\(capacity.stderr)")
      #expect(try await ModelsFixture.calls(server).filter { $0.hasPrefix("PUT") } == ["PUT /models/claude"])
      let stored = try await server.models().first { $0.0 == "claude" }?.1
      #expect(stored?["allowedGroups"] == .array([.string("a"), .string("b")]) && stored?["streaming"] == .bool(false))
    }
  }

  @Test func containerChangesOnARunningModelNeedAnAcknowledgement() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(ModelFixtures.hosted)
      let refused = await runModels(["models", "update", "mistral-7b", "--env", "VLLM_MAX_MODEL_LEN=8192"], server: server)
      #expect(refused.status == .usage)
      #expect(
        refused.stderr.contains("restarts it: the model is unavailable") && refused.stderr.contains("--acknowledge-restart"))
      let yesAlone = await runModels(["models", "update", "mistral-7b", "--env", "A=1", "--yes"], server: server)
      #expect(yesAlone.status == .usage)
      let declined = await runModels(
        ["models", "update", "mistral-7b", "--env", "A=1"], server: server, terminal: interactive, answers: ["n"])
      #expect(declined.status == .cancelled)
      #expect(try await ModelsFixture.calls(server).allSatisfy { $0.hasPrefix("GET") })
      let acknowledged = await runModels(
        [
          "models", "update", "mistral-7b", "--env", "VLLM_MAX_MODEL_LEN=8192", "--unset-env", "MAX_TOTAL_TOKENS",
          "--acknowledge-restart",
        ],
        server: server)
      #expect(acknowledged.status == .ok, "\(acknowledged.stderr)")
      let put = try #require(try await server.requests().first { $0["method"] == .string("PUT") })
      // LISA stores the map sent as the whole environment: the current one goes with the changes.
      #expect(
        put["body"]?["containerConfig"]?["environment"]
          == .object([
            ("MAX_TOTAL_TOKENS", .string("LISA_MARKED_FOR_DELETION")), ("VLLM_MAX_MODEL_LEN", .string("8192")),
          ]))
      let stored = try await server.models().first { $0.0 == "mistral-7b" }?.1
      #expect(stored?["containerConfig"]?["environment"] == .object([("VLLM_MAX_MODEL_LEN", .string("8192"))]))
      #expect(stored?["status"] == .string("Updating"))
      try await server.setStatus("mistral-7b", "Stopped")
      let stopped = await runModels(["models", "update", "mistral-7b", "--shared-memory", "4096"], server: server)
      #expect(stopped.status == .ok, "saved only on a Stopped model, so no acknowledgement: \(stopped.stderr)")
    }
  }

  @Test func updateFromAPatchFileWithFlagsWinning() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(ModelFixtures.hosted, status: "Stopped")
      let dir = TestPaths.temporaryDirectory("models-update")
      try ModelsFixture.write(
        "modelDescription: from the file\ncontainerConfig:\n  healthCheckCommand: [CMD, curl, -f, http://localhost/health]\n"
          + "autoScalingInstanceConfig:\n  maxCapacity: 6\n", "patch.yaml", in: dir)
      let run = await runModels(
        [
          "models", "update", "mistral-7b", "-f", "patch.yaml", "--description", "from the flag", "--max-capacity", "8", "-o",
          "json",
        ],
        server: server, in: dir)
      #expect(run.status == .ok, "\(run.stderr)")
      let put = try #require(try await server.requests().first { $0["method"] == .string("PUT") })
      #expect(put["body"]?["modelDescription"] == .string("from the flag"))
      #expect(put["body"]?["autoScalingInstanceConfig"] == .object([("maxCapacity", .number("8"))]))
      #expect(put["body"]?["containerConfig"]?["healthCheckCommand"]?.arrayItems?.first == .string("CMD"))
      try ModelsFixture.write("containerConfig:\n  healthCheckCommand: [curl, -f]\nenabled: yes\n", "bad.yaml", in: dir)
      let bad = await runModels(["models", "update", "mistral-7b", "-f", "bad.yaml"], server: server, in: dir)
      #expect(bad.status == .invalid)
      #expect(
        bad.stderr.contains("bad.yaml:2:3: error: containerConfig.healthCheckCommand: a health check command list must start"))
      #expect(
        bad.stderr.contains("bad.yaml:3:1: error: enabled: expected true or false, found the string 'yes' (write true or false)"))
      #expect(bad.stderr.hasSuffix("error: the update of 'mistral-7b' has 2 problems; nothing was sent to LISA\n"))
    }
  }

  @Test func startAndStopAreGatedAndIdempotent() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(ModelFixtures.hosted)
      try await server.seed(ModelFixtures.thirdParty)
      let stop = await runModels(["models", "stop", "mistral-7b"], server: server)
      #expect(stop.status == .ok && stop.stderr == "stopping model 'mistral-7b'\n")
      let again = await runModels(["models", "stop", "mistral-7b"], server: server)
      #expect(again.status == .ok && again.stderr == "model 'mistral-7b' is already Stopping\n")
      let start = await runModels(["models", "start", "mistral-7b"], server: server)
      #expect(
        start.status == .conflict
          && start.stderr.contains("is Stopping; LISA changes a model only when it is InService or Stopped"))
      for verb in ["start", "stop"] {
        let thirdParty = await runModels(["models", verb, "claude"], server: server)
        #expect(thirdParty.status == .invalid)
        #expect(
          thirdParty.stderr.hasPrefix(
            "error: model 'claude' is third_party: only LISA-hosted models can be started or stopped (LISA would accept "
              + "the \(verb) and then mark the model Failed)"))
      }
      #expect(try await ModelsFixture.calls(server).filter { !$0.hasPrefix("GET") } == ["PUT /models/mistral-7b"])
    }
  }

  @Test func deleteAsksAndNamesTheRepositoriesUsingTheModel() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(ModelFixtures.embedding)
      try await server.control("repositories", #"{"repositoryId": "docs", "models": ["titan-embed"]}"#)
      let noTerminal = await runModels(["models", "delete", "titan-embed"], server: server)
      #expect(noTerminal.status == .usage && noTerminal.stderr.contains("pass --yes"))
      let declined = await runModels(["models", "delete", "titan-embed"], server: server, terminal: interactive, answers: ["no"])
      #expect(declined.status == .cancelled)
      let inUse = await runModels(["models", "delete", "titan-embed", "--yes"], server: server)
      #expect(inUse.status == .conflict)
      #expect(
        inUse.stderr
          == "error: model 'titan-embed': Model 'titan-embed' is currently in use by: repository 'docs' (model). Please remove "
          + "the model from all resources before deleting. (DELETE /models/titan-embed (HTTP 409))\n")
      try await server.control("repositories", #"{"repositoryId": "docs", "models": []}"#)
      let deleted = await runModels(["models", "delete", "titan-embed"], server: server, terminal: interactive, answers: ["y"])
      #expect(deleted.status == .ok)
      #expect(try await server.models().first?.1["status"] == .string("Deleting"))
    }
  }

  /// LISA writes the reason into its models table only; lisa reads it from there.
  @Test func waitPrintsChangesAndFailsWithTheReasonFromTheTable() async throws {
    try await FakeLisaServer.withTable { server in
      try await server.seed(ModelFixtures.hosted, status: "Creating")
      async let waited = runModels(
        ["models", "wait", "mistral-7b", "--for", "InService", "--interval", "0.05"], server: server,
        environment: server.environment())
      // Fail the model once the wait has seen it Creating, however slowly the machine runs.
      var polls = 0
      while try await server.requests().isEmpty, polls < 400 {
        polls += 1
        try await Task.sleep(nanoseconds: 25_000_000)
      }
      try await server.setStatus("mistral-7b", "Failed", failureReason: "ECS service did not stabilize")
      let result = await waited
      #expect(result.status == .failure)
      #expect(result.stderr.contains("mistral-7b is Creating"))
      #expect(result.stderr.contains("mistral-7b is Failed"))
      #expect(result.stderr.contains("error: model 'mistral-7b' is Failed: ECS service did not stabilize"))
      let bad = await runModels(["models", "wait", "mistral-7b", "--for", "Running"], server: server)
      #expect(bad.status == .usage)
    }
  }

  @Test func credentialsAreNamedNeverShown() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(ModelFixtures.hosted)
      let wrong = await runModels(
        ["models", "list", "-v"], server: server,
        environment: ["LISA_API_URL": server.apiURL, "LISA_API_TOKEN": "wrong-token-999"])
      #expect(wrong.status == .auth)
      #expect(wrong.stderr.contains("rejected the API token from LISA_API_TOKEN on GET /models (HTTP 401): Unauthorized"))
      #expect(!wrong.stderr.contains("wrong-token-999"))
      let reader = await runModels(
        ["models", "stop", "mistral-7b", "-v"], server: server,
        environment: ["LISA_API_URL": server.apiURL, "LISA_API_TOKEN": FakeLisaServer.readToken])
      #expect(reader.status == .auth && reader.stderr.contains("refused the call with the API token from LISA_API_TOKEN"))
      #expect(reader.stderr.contains("api: using the API token from LISA_API_TOKEN"))
      #expect(reader.stderr.contains("api: GET /models/mistral-7b attempt 1: HTTP 200, request id req-"))
      #expect(!reader.stderr.contains(FakeLisaServer.readToken))
      let noRoute = await runModels(
        ["models", "list"], server: server,
        environment: ["LISA_API_URL": server.apiURL + "/extra", "LISA_API_TOKEN": FakeLisaServer.token])
      #expect(noRoute.status == .notFound && noRoute.stderr.contains("has no route GET /models"))
    }
  }

  @Test func schedulesAreCheckedThenSet() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(ModelFixtures.hosted)
      let short = await runModels(["models", "schedule", "set", "mistral-7b", "--recurring", "09:00-10:30"], server: server)
      #expect(short.status == .invalid)
      #expect(
        short.stderr.hasPrefix(
          "error: recurringSchedule.stopTime: must be at least 2 hours after startTime (the window is 1 h 30 min"))
      let zone = await runModels(
        ["models", "schedule", "set", "mistral-7b", "--day", "mon=08:00-18:00", "--timezone", "Mars/Olympus"], server: server)
      #expect(zone.status == .invalid && zone.stderr.contains("'Mars/Olympus' is not an IANA time zone"))
      let both = await runModels(
        ["models", "schedule", "set", "mistral-7b", "--day", "mon=08:00-18:00", "--recurring", "08:00-18:00"], server: server)
      #expect(both.status == .usage)
      let set = await runModels(
        [
          "models", "schedule", "set", "mistral-7b", "--day", "mon=08:00-18:00", "--day", "Friday=22:00-02:00", "--timezone",
          "Europe/Berlin",
        ],
        server: server)
      #expect(set.status == .ok, "\(set.stderr)")
      let shown = await runModels(["models", "schedule", "get", "mistral-7b", "-o", "json"], server: server)
      let scheduling = try JSONValue.parse(Data(shown.stdout.utf8), source: "stdout")["scheduling"]
      #expect(scheduling?["scheduleType"] == .string("DAILY") && scheduling?["timezone"] == .string("Europe/Berlin"))
      #expect(scheduling?["dailySchedule"]?["friday"]?["stopTime"] == .string("02:00"))
      let removed = await runModels(["models", "schedule", "delete", "mistral-7b"], server: server)
      #expect(removed.status == .ok && removed.stderr == "Schedule deleted successfully\n")
    }
  }
}
