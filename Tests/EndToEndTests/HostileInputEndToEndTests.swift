import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// Inputs an adversary (or a broken pipeline) hands the binary: a closed or wrong stdin, alias
/// bombs, endless devices and FIFOs, symlink loops. One line, a documented code, bounded memory.
@Suite struct HostileInputEndToEndTests {
  static let apiEnvironment = ["LISA_API_URL": "http://127.0.0.1:9/prod", "AWS_EC2_METADATA_DISABLED": "true"]

  func expectOneLine(
    _ result: ProcessResult, status: Int32, _ fragment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(fragment), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
  }

  @Test(arguments: [["models", "list"], ["keys", "list", "--store", "api"], ["keys", "create", "ci-bot", "--store", "api"]])
  func aClosedOrDirectoryStdinIsOneLine(command: [String]) async throws {
    let arguments = command + ["--token-file", "-"]
    let closed = try await Subprocess.lisaInShell(arguments, redirect: "<&-", environment: Self.apiEnvironment)
    expectOneLine(closed, status: 74, "error: stdin: is closed, nothing to read")
    let directory = try await Subprocess.lisaInShell(arguments, redirect: "< /", environment: Self.apiEnvironment)
    expectOneLine(directory, status: 74, "error: stdin: is a directory")
    let endless = try await Subprocess.lisaInShell(
      arguments, redirect: "< /dev/zero", timeout: 30, environment: Self.apiEnvironment)
    expectOneLine(endless, status: 65, "error: stdin: more than the 64.0 KB limit")
  }

  @Test func aClosedStdinForAPassphraseIsOneLine() async throws {
    try await MotoServer.with { server in
      let dir = TestPaths.temporaryDirectory("e2e-hostile")
      let secrets = dir.appendingPathComponent("secrets.jsonl")
      try await TokenTableScript.seed(
        endpoint: server.url, table: "prod-LISAApiTokenTable", target: nil, count: 3, now: Date(), secrets: secrets)
      let environment = [
        "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key", "AWS_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": server.url.absoluteString, "LISA_STATE_DIR": dir.appendingPathComponent("state").path,
      ]
      let export = [
        "keys", "export", "--from-table", "prod-LISAApiTokenTable", "--output", "t.lisabak", "--passphrase-file", "-",
      ]
      let closed = try await Subprocess.lisaInShell(export, redirect: "<&-", cwd: dir, environment: environment)
      expectOneLine(closed, status: 74, "error: stdin: is closed, nothing to read")
      let directory = try await Subprocess.lisaInShell(export, redirect: "< /", cwd: dir, environment: environment)
      expectOneLine(directory, status: 74, "error: stdin: is a directory")
      #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("t.lisabak").path))
    }
  }

  /// Nine aliases per level, nine levels: 411 bytes that stand for 387 million nodes.
  static let billionLaughs: String = {
    var lines = ["a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    for level in 1...9 {
      lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]")
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  static let mapBomb: String = {
    var lines = ["m0: &m0 {k: v}"]
    for level in 1...9 {
      lines.append("m\(level): &m\(level) {" + (0..<9).map { "x\($0): *m\(level - 1)" }.joined(separator: ", ") + "}")
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  @Test(arguments: [("billion", HostileInputEndToEndTests.billionLaughs, 6), ("map", HostileInputEndToEndTests.mapBomb, 6)])
  func aliasBombsAreRefusedAtTheAlias(name: String, bomb: String, line: Int) async throws {
    let dir = TestPaths.temporaryDirectory("e2e-bomb")
    try bomb.write(to: dir.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
    try bomb.write(to: dir.appendingPathComponent("model.yaml"), atomically: true, encoding: .utf8)
    try ("env: dev\ndev:\n" + bomb.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n")
      .write(to: dir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
    let limits = "ulimit -v 4000000"
    for command in [
      ["config", "validate"], ["config", "show"], ["models", "create", "-f", "model.yaml"],
      ["models", "apply", "-f", "model.yaml"],
    ] {
      let result = try await Subprocess.lisaInShell(
        command, limits: limits, timeout: 30, cwd: dir, environment: Self.apiEnvironment)
      let file = command[0] == "models" ? "model.yaml" : "config-custom.yaml"
      expectOneLine(result, status: 65, "\(file):\(line):")
      #expect(result.stderr.contains("takes the copies that aliases make past 100000 nodes"), "\(command): \(result.stderr)")
    }
    let migrate = try await Subprocess.lisaInShell(["migrate", "config", "--dry-run"], limits: limits, timeout: 30, cwd: dir)
    expectOneLine(migrate, status: 65, "config.yaml:\(line + 2):")
  }

  @Test func manyAnchorsAndKeysStayLinear() async throws {
    let dir = TestPaths.temporaryDirectory("e2e-anchors")
    let text = "accountNumber: \"111122223333\"\nregion: us-east-1\n" + (0..<50_000).map { "k\($0): &a\($0) v\($0)\n" }.joined()
    try text.write(to: dir.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
    // A quadratic merge or lookup takes minutes here; linear work takes seconds even in a debug build.
    let result = try await Subprocess.lisaInShell(["config", "validate", "-q"], timeout: 120, cwd: dir)
    #expect(result.status == 7, "\(result.status) \(result.stderr.suffix(200))")
  }

  @Test func endlessInputsStopAtTheLimit() async throws {
    let dir = TestPaths.temporaryDirectory("e2e-endless")
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("config-custom.yaml").path, withDestinationPath: "/dev/zero")
    let limits = "ulimit -v 4000000"
    let zero = try await Subprocess.lisaInShell(["config", "show"], limits: limits, timeout: 30, cwd: dir)
    expectOneLine(zero, status: 65, "error: config-custom.yaml: more than the 4.0 MB limit for this kind of input")
    let random = try await Subprocess.lisaInShell(
      ["migrate", "config", "--input", "/dev/urandom"], limits: limits, timeout: 30, cwd: dir)
    expectOneLine(random, status: 65, "error: /dev/urandom: more than the 4.0 MB limit")
    let tokenFile = try await Subprocess.lisaInShell(
      ["models", "list", "--token-file", "/dev/zero"], limits: limits, timeout: 30, cwd: dir, environment: Self.apiEnvironment)
    expectOneLine(tokenFile, status: 65, "error: /dev/zero: more than the 64.0 KB limit")
    let keyFile = try await Subprocess.lisaInShell(
      ["keys", "list", "--store", "file:/dev/zero"], limits: limits, timeout: 30, cwd: dir)
    expectOneLine(keyFile, status: 65, "/dev/zero: more than the 4.0 MB limit")
    let fifo = dir.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let fed = try await Subprocess.run(
      "/bin/sh",
      [
        "-c",
        "yes 2>/dev/null > '\(fifo)' & \(limits); timeout 30 '\(LisaBinary.path)' migrate config --input '\(fifo)'; s=$?; kill $! 2>/dev/null; exit $s",
      ],
      cwd: dir)
    expectOneLine(fed, status: 65, "fifo: more than the 4.0 MB limit")
  }

  @Test func symlinkLoopsAreNamed() async throws {
    let dir = TestPaths.temporaryDirectory("e2e-loop")
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("config-custom.yaml").path, withDestinationPath: "config-custom.yaml")
    let result = try await Subprocess.lisa(["config", "validate"], cwd: dir)
    expectOneLine(result, status: 74, "error: config-custom.yaml: symlink loop")
  }
}

/// What `config show`, `config get` and `migrate config --dry-run` print lands in CI logs: secrets masked.
@Suite struct SecretsInOutputEndToEndTests {
  @Test func configOutputMasksSecretsUnlessAsked() async throws {
    let dir = TestPaths.temporaryDirectory("e2e-secrets")
    try FileManager.default.copyItem(at: TestPaths.fixture("v3.0/config.yaml"), to: dir.appendingPathComponent("config.yaml"))
    let dryRun = try await Subprocess.lisa(["migrate", "config", "--dry-run"], cwd: dir)
    #expect(dryRun.status == 0, "\(dryRun.stderr)")
    for output in [dryRun.stdout, dryRun.stderr] {
      #expect(!output.contains("sk-globex-staging-7d3e9a41"), "\(output)")
    }
    #expect(dryRun.stdout.contains("db_key: sk-…(26 chars)"))
    #expect(
      dryRun.stderr.contains(
        "+  db_key: sk-…(26 chars)  # the admin key LiteLLM needs for model management  (same value as before)"))
    let shown = try await Subprocess.lisa(["migrate", "config", "--dry-run", "--show-secrets", "-q"], cwd: dir)
    #expect(shown.stdout.contains("db_key: sk-globex-staging-7d3e9a41"))

    #expect(try await Subprocess.lisa(["migrate", "config", "-q"], cwd: dir).status == 0)
    for format in ["yaml", "json"] {
      let show = try await Subprocess.lisa(["config", "show", "-o", format], cwd: dir)
      #expect(show.status == 0)
      #expect(!show.stdout.contains("sk-globex-staging-7d3e9a41"))
      #expect(show.stdout.contains("sk-…(26 chars)"))
    }
    let section = try await Subprocess.lisa(["config", "get", "litellmConfig"], cwd: dir)
    #expect(section.stdout.contains("db_key: sk-…(26 chars)"))
    let revealed = try await Subprocess.lisa(["config", "show", "--show-secrets"], cwd: dir)
    #expect(revealed.stdout.contains("db_key: sk-globex-staging-7d3e9a41"))
  }
}
