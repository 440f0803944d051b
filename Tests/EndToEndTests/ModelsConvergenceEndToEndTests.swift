import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The built binary against the fake Model Management API, which replaces a model's environment with the
/// map an update sends and never stores a desired capacity, as LISA does: apply converges, updates keep
/// every variable, capacities are LISA's to check against the running group.
@Suite(.serialized) struct ModelsConvergenceEndToEndTests {
  /// The hosted fixture with three variables.
  static let hosted = ModelFixtures.hosted.replacingOccurrences(
    of: #""environment": {"MAX_TOTAL_TOKENS": "4096"}"#,
    with: #""environment": {"MAX_TOTAL_TOKENS": "4096", "HF_HUB_OFFLINE": "1", "LOG_LEVEL": "info"}"#)

  func lisa(_ arguments: [String], _ server: FakeLisaServer, in dir: URL) async throws -> ProcessResult {
    try await Subprocess.lisa(arguments, cwd: dir, environment: server.environment)
  }

  func environment(_ server: FakeLisaServer) async throws -> JSONValue? {
    try await server.models().first { $0.0 == "mistral-7b" }?.1["containerConfig"]?["environment"]
  }

  func puts(_ server: FakeLisaServer) async throws -> [JSONValue] {
    try await server.requests().filter { $0["method"] == .string("PUT") }.compactMap { $0["body"] }
  }

  @Test func applyTwiceAfterAnEnvironmentChangeConvergesAndKeepsEveryVariable() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(Self.hosted)
      let dir = TestPaths.temporaryDirectory("e2e-converge")
      #expect(try await lisa(["models", "export", "-f", "models.yaml"], server, in: dir).status == 0)
      let exported = try String(contentsOf: dir.appendingPathComponent("models.yaml"), encoding: .utf8)
      let edited = exported.replacingOccurrences(of: #"MAX_TOTAL_TOKENS: "4096""#, with: #"MAX_TOTAL_TOKENS: "8192""#)
        .replacingOccurrences(of: "desiredCapacity: 2", with: "desiredCapacity: 3")
      #expect(edited != exported)
      try edited.write(to: dir.appendingPathComponent("models.yaml"), atomically: true, encoding: .utf8)
      try await server.settleAfter(0.1)

      let first = try await lisa(
        ["models", "apply", "-f", "models.yaml", "--acknowledge-restart", "--wait", "--interval", "0.1"], server, in: dir)
      #expect(first.status == 0, "\(first.stderr)")
      #expect(
        first.stdout == """
          ~ update    mistral-7b [restarts the container: an outage]
              containerConfig.environment.MAX_TOTAL_TOKENS: "4096" → "8192"
          Plan: 0 to create, 1 to update, 0 to recreate, 0 to delete, 0 unchanged.

          """)
      #expect(
        first.stderrWithoutWaits.hasPrefix(
          "warning: desiredCapacity 3 of 'mistral-7b' is not applied: LISA stores no change of it, so apply does not manage "
            + "it; set it once with 'lisa models update mistral-7b --desired-capacity 3'\n"))
      #expect(
        try await puts(server) == [
          .object([
            (
              "containerConfig",
              .object([
                (
                  "environment",
                  .object([
                    ("MAX_TOTAL_TOKENS", .string("8192")), ("HF_HUB_OFFLINE", .string("1")), ("LOG_LEVEL", .string("info")),
                  ])
                )
              ])
            )
          ])
        ])
      let wanted = JSONValue.object([
        ("MAX_TOTAL_TOKENS", .string("8192")), ("HF_HUB_OFFLINE", .string("1")), ("LOG_LEVEL", .string("info")),
      ])
      #expect(ModelDiff.same(try await environment(server), wanted))

      let second = try await lisa(["models", "apply", "-f", "models.yaml"], server, in: dir)
      #expect(second.status == 0, "\(second.stderr)")
      #expect(second.stdout.hasSuffix("Plan: 0 to create, 0 to update, 0 to recreate, 0 to delete, 1 unchanged.\n"))
      #expect(second.stderr.hasSuffix("nothing to do: the deployment matches models.yaml\n"))
      #expect(try await puts(server).count == 1)
      #expect(ModelDiff.same(try await environment(server), wanted))
    }
  }

  @Test func updatesSendTheWholeEnvironmentWithChangesAndDeletionMarks() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(Self.hosted)
      let dir = TestPaths.temporaryDirectory("e2e-converge")
      let set = try await lisa(
        ["models", "update", "mistral-7b", "--env", "VLLM_MAX_MODEL_LEN=8192", "--acknowledge-restart"], server, in: dir)
      #expect(set.status == 0, "\(set.stderr)")
      try await server.setStatus("mistral-7b", "InService")
      let unset = try await lisa(
        ["models", "update", "mistral-7b", "--unset-env", "LOG_LEVEL", "--acknowledge-restart"], server, in: dir)
      #expect(unset.status == 0, "\(unset.stderr)")
      try await server.setStatus("mistral-7b", "Stopped")
      try "containerConfig:\n  environment:\n    HF_HUB_OFFLINE: \"0\"\n".write(
        to: dir.appendingPathComponent("patch.yaml"), atomically: true, encoding: .utf8)
      let patch = try await lisa(["models", "update", "mistral-7b", "-f", "patch.yaml", "--env", "EXTRA=x"], server, in: dir)
      #expect(patch.status == 0, "\(patch.stderr)")
      let sent = try await puts(server).map {
        $0["containerConfig"]?["environment"]?.objectPairs?.map { "\($0.0)=\($0.1.plainText)" }
      }
      #expect(
        sent == [
          ["MAX_TOTAL_TOKENS=4096", "HF_HUB_OFFLINE=1", "LOG_LEVEL=info", "VLLM_MAX_MODEL_LEN=8192"],
          ["MAX_TOTAL_TOKENS=4096", "HF_HUB_OFFLINE=1", "LOG_LEVEL=LISA_MARKED_FOR_DELETION", "VLLM_MAX_MODEL_LEN=8192"],
          ["MAX_TOTAL_TOKENS=4096", "HF_HUB_OFFLINE=0", "VLLM_MAX_MODEL_LEN=8192", "EXTRA=x"],
        ])
      #expect(
        ModelDiff.same(
          try await environment(server),
          .object([
            ("MAX_TOTAL_TOKENS", .string("4096")), ("HF_HUB_OFFLINE", .string("0")), ("VLLM_MAX_MODEL_LEN", .string("8192")),
            ("EXTRA", .string("x")),
          ])))
    }
  }

  @Test func desiredCapacityIsAOneOffThatLISAChecksAgainstTheRunningGroup() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(Self.hosted)
      let dir = TestPaths.temporaryDirectory("e2e-converge")
      let tooMany = try await lisa(["models", "update", "mistral-7b", "--desired-capacity", "9"], server, in: dir)
      #expect(tooMany.status == 7)
      #expect(
        tooMany.stderr
          == "error: model 'mistral-7b': LISA refused PUT /models/mistral-7b (HTTP 400): Desired capacity cannot exceed ASG "
          + "max of 4.\n")
      let three = try await lisa(["models", "update", "mistral-7b", "--desired-capacity", "3"], server, in: dir)
      #expect(three.status == 0, "\(three.stderr)")
      #expect(try await server.autoScalingGroups()["mistral-7b-asg"]?["desired"] == .number("3"))
      let stored = try await server.models().first { $0.0 == "mistral-7b" }?.1["autoScalingConfig"]?["desiredCapacity"]
      #expect(stored == .number("2"), "LISA keeps the created value")
      try await server.setStatus("mistral-7b", "InService")
      let zero = try await lisa(["models", "update", "mistral-7b", "--min-capacity", "0"], server, in: dir)
      #expect(zero.status == 7)
      #expect(
        zero.stderrWithoutWaits.hasPrefix(
          "error: autoScalingInstanceConfig.minCapacity: must be a positive integer: LISA takes no 0 here (its update would "
            + "skip a 0 even if the API let it through); to scale a model to zero, stop it (lisa models stop mistral-7b)"))
      #expect(try await puts(server).count == 2)
      #expect(
        try await lisa(["models", "wait", "mistral-7b", "--for", "InService", "--timeout", "90s"], server, in: dir).status == 0)
      let badTimeout = try await lisa(
        ["models", "wait", "mistral-7b", "--for", "InService", "--timeout", "90x"], server, in: dir)
      #expect(badTimeout.status == 64 && badTimeout.stderr.contains("a number followed by d, h, m or s"))
    }
  }

  /// The whole plan is checked before the first write: one model needing a recreate stops all of it.
  @Test func aPlanNeedingRecreateChangesNothingAtAll() async throws {
    try await FakeLisaServer.with { server in
      try await server.seed(Self.hosted)
      try await server.seed(ModelFixtures.thirdParty)
      let dir = TestPaths.temporaryDirectory("e2e-converge")
      let hosted = Self.hosted.replacingOccurrences(of: "g5.xlarge", with: "g5.2xlarge")
      let claude = ModelFixtures.thirdParty.replacingOccurrences(of: #""streaming": true"#, with: #""streaming": false"#)
      try "models:\n  - \(hosted.replacingOccurrences(of: "\n", with: " "))\n  - \(claude)\n".write(
        to: dir.appendingPathComponent("models.yaml"), atomically: true, encoding: .utf8)
      let refused = try await lisa(["models", "apply", "-f", "models.yaml", "--yes"], server, in: dir)
      #expect(refused.status == 6)
      #expect(refused.stdout.contains("~ update    claude\n") && refused.stdout.contains("! recreate  mistral-7b"))
      #expect(refused.stderr.contains("error: mistral-7b needs to be deleted and created again; nothing was changed"))
      #expect(try await server.requests().allSatisfy { $0["method"] == .string("GET") })
    }
  }
}
