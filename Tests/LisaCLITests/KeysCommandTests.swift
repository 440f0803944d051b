import Foundation
import LisaCLI
import LisaKit
import LisaTestSupport
import Testing

/// `lisa keys` in-process against a key file, with a fixed clock (2026-07-01T10:00:00Z) and TZ.
struct KeysRun {
  var status: LisaKit.ExitStatus
  var stdout: String
  var stderr: String
}

struct KeysHarness {
  static let now = Date(timeIntervalSince1970: 1_782_900_000)
  static let environment = ["TZ": "Europe/Berlin"]
  static let alice = "sk-Q7v-2LmZp_9xKc4RtYw8NbA3sJdHf6UeGo1iTk5XrWq"
  let directory = TestPaths.temporaryDirectory("keys-cli")
  var path: String { directory.appendingPathComponent("keys.txt").path }

  func run(_ arguments: [String], terminal: Terminal = .pipes, answers: [String] = []) async -> KeysRun {
    let test = TestContext(
      workingDirectory: directory, environment: Self.environment, terminal: terminal, now: Self.now, answers: answers)
    let status = await Lisa.execute(["keys"] + arguments, context: test.context)
    return KeysRun(status: status, stdout: test.stdout.text, stderr: test.stderr.text)
  }

  func write(_ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
  func contents() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
  func secrets() throws -> [String: String] {
    let document = KeyFileDocument.parse(try Data(contentsOf: URL(fileURLWithPath: path)), zone: TimeZone(identifier: "UTC")!)
    return Dictionary(document.entries.map { ($0.entry.id, $0.entry.secret.reveal()) }, uniquingKeysWith: { a, _ in a })
  }
}

let tty = Terminal(isStdinTTY: true, isStdoutTTY: true, isStderrTTY: true)

@Suite struct KeysCommandTests {
  @Test func createOffATerminalPrintsOnlyTheSecret() async throws {
    let h = KeysHarness()
    let run = await h.run(["create", "ci-bot", "--store", "file:keys.txt", "--expires", "30d", "--rate-limit", "120"])
    #expect(run.status == .ok)
    let secret = try #require(try h.secrets()["ci-bot"])
    #expect(run.stdout == secret + "\n")
    #expect(!run.stderr.contains(secret))
    #expect(run.stderr.contains("created key 'ci-bot' in file:keys.txt (rate limit 120/min, expires 2026-07-31T12:00:00)"))
    #expect(try h.contents() == "\(KeyFileFormat.header)\nci-bot:\(secret):120:2026-07-31T12:00:00\n")
  }

  @Test func createOnATerminalSaysItInASentence() async throws {
    let h = KeysHarness()
    let run = await h.run(["create", "alice", "--store", "file:keys.txt"], terminal: tty)
    let secret = try #require(try h.secrets()["alice"])
    #expect(run.stdout.hasPrefix("Created key 'alice' in file:keys.txt. Its secret is shown only this once:"))
    #expect(run.stdout.contains("\n  \(secret)\n"))
    #expect(!run.stderr.contains(secret))
  }

  @Test func createJSONIsAStableObject() async throws {
    let h = KeysHarness()
    let run = await h.run(["create", "bot", "--store", "file:keys.txt", "--expires", "2026-08-01T00:00:00", "-o", "json"])
    let secret = try #require(try h.secrets()["bot"])
    #expect(
      run.stdout == """
        {
          "id": "bot",
          "name": "bot",
          "secret": "\(secret)",
          "rateLimit": null,
          "expiresAt": "2026-07-31T22:00:00Z",
          "status": "active"
        }

        """)
    let value = await h.run(["create", "other", "--store", "file:keys.txt", "-o", "value"], terminal: tty)
    #expect(value.stdout == (try h.secrets()["other"] ?? "?") + "\n")
  }

  @Test func createRefusesWhatTheStoreCannotHoldAndBadInput() async throws {
    let h = KeysHarness()
    for arguments in [
      ["create", "a", "--store", "file:keys.txt", "--groups", "admins"], ["create", "a", "--store", "file:keys.txt", "--admin"],
      ["create", "a", "--store", "file:keys.txt", "--system"], ["create", "a b", "--store", "file:keys.txt"],
      ["create", "a", "--store", "file:keys.txt", "--expires", "2020-01-01"],
      ["create", "a", "--store", "file:keys.txt", "--rate-limit", "0"],
      ["create", "a", "--store", "file:keys.txt", "--secret", KeysHarness.alice], ["create", "a"],
      ["create", "a", "--store", "api"], ["create", "a", "--store", "table:t"], ["create", "a", "--store", "s3:bucket"],
      ["create", "a", "--store", "file:"], ["create", "a", "--store", "file:keys.txt", "-o", "id"],
    ] {
      let run = await h.run(arguments)
      #expect(run.status == .usage, "\(arguments): \(run.stderr)")
      #expect(run.stdout.isEmpty)
      #expect(!run.stderr.contains(KeysHarness.alice))
    }
    #expect(!FileIO.exists(h.path))
    let groups = await h.run(["create", "a", "--store", "file:keys.txt", "--groups", "admins"])
    #expect(
      groups.stderr.contains(
        "--groups is not available for the file store file:keys.txt (hint: it supports --expires, --rate-limit)"))
    _ = await h.run(["create", "a", "--store", "file:keys.txt"])
    #expect(await h.run(["create", "a", "--store", "file:keys.txt"]).status == .conflict)
  }

  @Test func listNeverShowsSecrets() async throws {
    let h = KeysHarness()
    try h.write(
      "# x\nalice:\(KeysHarness.alice):60:2026-07-05T00:00:00\n"
        + "old:\(KeysHarness.alice)X::2026-06-01T00:00:00\nopen:\(KeysHarness.alice)Y\n"
    )
    let table = await h.run(["list", "--store", "file:keys.txt"])
    #expect(table.status == .ok)
    #expect(
      table.stdout == """
        ID     RATE LIMIT  EXPIRES              STATUS
        alice  60/min      2026-07-05T00:00:00  active
        old    default     2026-06-01T00:00:00  expired
        open   default     -                    active

        """)
    #expect(table.stderr == "3 keys in file:keys.txt\n")
    let json = await h.run(["list", "--store", "file:keys.txt", "-o", "json", "-v"])
    #expect(json.stdout.contains("\"expiresAt\": \"2026-07-04T22:00:00Z\""))
    #expect(!json.stdout.contains("secret"))
    for run in [table, json] { #expect(!(run.stdout + run.stderr).contains(KeysHarness.alice)) }
    let soon = await h.run(["list", "--store", "file:keys.txt", "--expiring-within", "7d", "-o", "id"])
    #expect(soon.stdout == "alice\nold\n")
    let sooner = await h.run(["list", "--store", "file:keys.txt", "--expiring-within", "24h", "-o", "id"])
    #expect(sooner.stdout == "old\n")
    #expect(await h.run(["list", "--store", "file:keys.txt", "--user", "bob"]).status == .usage)
    #expect(await h.run(["list", "--store", "file:keys.txt", "--expiring-within", "soon"]).status == .usage)
  }

  @Test func listOfAnAbsentFileIsEmptyWithAHint() async throws {
    let h = KeysHarness()
    let run = await h.run(["list", "--store", "file:keys.txt"])
    #expect(run.status == .ok)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("keys.txt does not exist yet"))
    #expect(run.stderr.contains("0 keys in file:keys.txt"))
    #expect(await h.run(["list", "--store", "file:keys.txt", "-o", "json"]).stdout == "[]\n")
    #expect(!FileIO.exists(h.path))
  }

  @Test func showFindsOrExitsFive() async throws {
    let h = KeysHarness()
    try h.write("alice:\(KeysHarness.alice):60\n")
    let run = await h.run(["show", "alice", "--store", "file:keys.txt", "-o", "json"])
    #expect(
      run.stdout
        == "{\n  \"id\": \"alice\",\n  \"name\": \"alice\",\n  \"rateLimit\": 60,\n"
        + "  \"expiresAt\": null,\n  \"status\": \"active\"\n}\n"
    )
    let missing = await h.run(["show", "alise", "--store", "file:keys.txt"])
    #expect(missing.status == .notFound)
    #expect(missing.stderr == "error: no key 'alise' in keys.txt (hint: did you mean 'alice'?)\n")
  }

  @Test func revokeNeedsConfirmation() async throws {
    let h = KeysHarness()
    let original = "# keep\nalice:\(KeysHarness.alice)\nbob:\(KeysHarness.alice)B\n"
    try h.write(original)
    let refused = await h.run(["revoke", "alice", "--store", "file:keys.txt"])
    #expect(refused.status == .usage)
    #expect(refused.stderr.contains("pass --yes"))
    let declined = await h.run(["revoke", "alice", "--store", "file:keys.txt"], terminal: tty, answers: ["n"])
    #expect(declined.status == .cancelled)
    let dryRun = await h.run(["revoke", "alice", "--store", "file:keys.txt", "--dry-run"])
    #expect(dryRun.stdout == "would revoke key 'alice' in file:keys.txt\n")
    #expect(try h.contents() == original)
    #expect(await h.run(["revoke", "nobody", "--store", "file:keys.txt", "--yes"]).status == .notFound)
    let confirmed = await h.run(["revoke", "alice", "--store", "file:keys.txt"], terminal: tty, answers: ["y"])
    #expect(confirmed.status == .ok)
    #expect(try h.contents() == "# keep\nbob:\(KeysHarness.alice)B\n")
    let scripted = await h.run(["revoke", "bob", "--store", "file:keys.txt", "--yes", "-o", "id"])
    #expect(scripted.stdout == "bob\n")
    #expect(try h.contents() == "# keep\n")
    for run in [refused, declined, confirmed, scripted] { #expect(!(run.stdout + run.stderr).contains(KeysHarness.alice)) }
  }

  @Test func scriptedRotationPrintsOnlyTheNewSecret() async throws {
    let h = KeysHarness()
    try h.write("# ci\nci-bot:\(KeysHarness.alice):30:2027-01-01T00:00:00\nother:\(KeysHarness.alice)O\n")
    #expect(await h.run(["rotate", "ci-bot", "--store", "file:keys.txt", "-o", "value"]).status == .usage)
    let run = await h.run(["rotate", "ci-bot", "--store", "file:keys.txt", "--yes", "-o", "value", "-v"])
    #expect(run.status == .ok)
    let secret = try #require(try h.secrets()["ci-bot"])
    #expect(secret != KeysHarness.alice)
    #expect(run.stdout == secret + "\n")
    #expect(run.stderr.contains("keys: wrote keys.txt"))
    #expect(!run.stderr.contains(secret) && !run.stderr.contains(KeysHarness.alice))
    #expect(try h.contents() == "# ci\nci-bot:\(secret):30:2027-01-01T00:00:00\nother:\(KeysHarness.alice)O\n")
    let keepOld = await h.run(["rotate", "ci-bot", "--store", "file:keys.txt", "--yes", "--keep-old", "24h"])
    #expect(keepOld.status == .usage)
    #expect(try h.secrets()["ci-bot"] == secret)
  }

  @Test func rotatingAnExpiredKeyWarnsUnlessGivenANewExpiry() async throws {
    let h = KeysHarness()
    try h.write("old:\(KeysHarness.alice)::2026-06-01T00:00:00\n")
    let warned = await h.run(["rotate", "old", "--store", "file:keys.txt", "--yes"])
    #expect(warned.stderr.contains("warning: key 'old' expired at 2026-06-01T00:00:00"))
    let renewed = await h.run(["rotate", "old", "--store", "file:keys.txt", "--yes", "--expires", "90d", "-o", "json"])
    #expect(renewed.stdout.contains("\"expiresAt\": \"2026-09-29T10:00:00Z\""))
    #expect(try h.contents().hasSuffix("::2026-09-29T12:00:00\n"))
  }

  @Test func checkExitsSevenOnProblems() async throws {
    let h = KeysHarness()
    try h.write("alice:\(KeysHarness.alice)::2027-01-01T00:00:00\n")
    chmod(h.path, 0o600)
    let clean = await h.run(["check", "--store", "file:keys.txt"])
    #expect(clean.status == .ok)
    #expect(clean.stdout == "file:keys.txt: ok (0 errors, 0 warnings)\n")
    try h.write("alice:\(KeysHarness.alice)\ncopy:\(KeysHarness.alice)::2027-01-01T00:00:00\n")
    let bad = await h.run(["check", "--store", "file:keys.txt"])
    #expect(bad.status == .invalid)
    #expect(bad.stderr.contains("keys.txt:1: error: never-expires: key 'alice' has no expiration"))
    #expect(bad.stderr.contains("keys.txt:2: error: duplicate-secret:"))
    let json = await h.run(["check", "--store", "file:keys.txt", "-o", "json"])
    #expect(json.status == .invalid)
    #expect(json.stdout.contains("\"code\": \"duplicate-secret\""))
    for run in [clean, bad, json] { #expect(!(run.stdout + run.stderr).contains(KeysHarness.alice)) }
    chmod(h.path, 0o644)
    try h.write("alice:\(KeysHarness.alice)::2027-01-01T00:00:00\n")
    #expect(await h.run(["check", "--store", "file:keys.txt"]).status == .ok)
    #expect(await h.run(["check", "--store", "file:keys.txt", "--strict"]).status == .invalid)
    #expect(await h.run(["check", "--store", "file:missing.txt"]).status == .notFound)
  }

  @Test func dryRunsChangeNothing() async throws {
    let h = KeysHarness()
    let create = await h.run(["create", "a", "--store", "file:keys.txt", "--dry-run", "--rate-limit", "5"])
    #expect(create.stdout == "would create key 'a' in file:keys.txt (rate limit 5/min)\n")
    #expect(!FileIO.exists(h.path))
    try h.write("a:\(KeysHarness.alice)\n")
    let rotate = await h.run(["rotate", "a", "--store", "file:keys.txt", "--dry-run"])
    #expect(rotate.stdout == "would rotate key 'a' in file:keys.txt: new secret, the old one stops working\n")
    #expect(try h.contents() == "a:\(KeysHarness.alice)\n")
  }
}
