import Foundation
import LisaTestSupport
import Testing

/// `lisa migrate plan` through the built binary: the golden plans byte for byte, exit codes, one-line errors.
/// LISA_RECORD_GOLDEN=1 writes the golden files instead of comparing (then review the diff and commit it).
@Suite struct MigratePlanEndToEndTests {
  static let golden = TestPaths.repository.appendingPathComponent("Tests/Fixtures/golden/migrate-plan")

  /// An empty directory: no config, so the plan keeps its <placeholders> and is the same everywhere.
  func run(_ arguments: [String], environment: [String: String] = [:], in dir: URL? = nil) async throws -> ProcessResult {
    try await Subprocess.lisa(
      ["migrate", "plan"] + arguments, cwd: dir ?? TestPaths.temporaryDirectory("e2e-plan"), environment: environment)
  }

  func compare(_ text: String, golden name: String) throws {
    let url = Self.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["LISA_RECORD_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(text == expected, "\(name) differs; LISA_RECORD_GOLDEN=1 rewrites it")
  }

  @Test(arguments: [("2.0", "6.6"), ("5.4", "6.6"), ("6.0", "6.1")])
  func plansMatchTheirGoldenFiles(from: String, to: String) async throws {
    let checklist = try await run(["--from", from, "--to", to])
    #expect(checklist.status == 0, "\(checklist.stderr)")
    #expect(checklist.stderr.isEmpty)
    try compare(checklist.stdout, golden: "v\(from)-v\(to).txt")
    let json = try await run(["--from", "v\(from).0", "--to", "\(to).0", "-o", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    try compare(json.stdout, golden: "v\(from)-v\(to).json")
    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(parsed?["from"] as? String == "\(from).0")
    #expect((parsed?["steps"] as? [[String: Any]])?.isEmpty == false)
  }

  @Test func badVersionsAreOneLineUsageErrors() async throws {
    let unknown =
      "is not a LISA release lisa knows (hint: lisa plans upgrades between releases 2.0.0 and 6.6.0)"
    let cases: [([String], String)] = [
      (
        ["--from", "6.6", "--to", "5.4"],
        "error: --from 6.6.0 is later than --to 5.4.0 (hint: lisa plans upgrades; LISA has no downgrade path)"
      ),
      (
        ["--from", "6.7"],
        "error: --from 6.7.0 " + unknown
      ),
      (
        ["--from", "5.4", "--to", "latest"], "error: --to 'latest' is not a LISA version (hint: write it as 6.6, 6.6.0 or v6.6.0)"
      ),
      (
        ["--from", "1.2.0"],
        "error: --from 1.2.0 " + unknown
      ),
      (
        [],
        "error: --from VERSION is needed: the deployed LISA version could not be read (lisa has no way to read it here) "
          + "(hint: pass the release the deployment runs, e.g. --from 5.4)"
      ),
      (["--from", "5.4", "-o", "jsonl"], "error: this command cannot print -o jsonl; use one of: table, json, yaml"),
    ]
    for (arguments, message) in cases {
      let result = try await run(arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
      #expect(result.stderrWithoutWaits == message + "\n", "\(arguments)")
    }
  }

  @Test func theSameVersionIsAnEmptyPlan() async throws {
    let text = try await run(["--from", "6.6"])
    #expect(text.status == 0)
    #expect(text.stdout == "LISA upgrade plan: 6.6.0 → 6.6.0\nNothing to do: 6.6.0 is the release to upgrade to.\n")
    let json = try await run(["--from", "6.6", "--to", "6.6", "-o", "json"])
    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((parsed?["steps"] as? [Any])?.isEmpty == true)
    #expect(parsed?["releases"] as? [String] == [])
  }

  @Test func theConfigsNamesAreFilledIn() async throws {
    let dir = TestPaths.temporaryDirectory("e2e-plan-config")
    try "deploymentName: acme\ndeploymentStage: dev\naccountNumber: \"012345678901\"\n".write(
      to: dir.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
    let result = try await run(["--from", "6.0", "--to", "6.1", "-o", "json"], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("lisa keys export --from-table acme-LISAApiBaseTokenTable --output tokens-v6.0.0.lisabak"))
    #expect(!result.stdout.contains("<deploymentName>"))
    let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect((parsed?["names"] as? [String: String])?["deploymentPrefix"] == "/dev/acme/lisa")
    let text = try await run(["--from", "6.0", "--to", "6.1"], in: dir)
    #expect(!text.stdout.contains("Names in angle brackets"))

    try "deploymentName: [unclosed\n".write(
      to: dir.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
    let broken = try await run(["--from", "6.0", "--to", "6.1"], in: dir)
    #expect(broken.status == 0)
    #expect(broken.stdout.contains("<deploymentName>-LISAApiBaseTokenTable"))
    #expect(
      broken.stderrWithoutWaits.hasPrefix(
        "warning: names left as <placeholders>: the config could not be read (config-custom.yaml:"))
  }

  @Test func versionsTabComplete() async throws {
    let result = try await Subprocess.lisa(
      ["---completion", "migrate", "plan", "--", "--from", "4", "3", "lisa", "migrate", "plan", "--from", "6.1"])
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n") == ["6.1.0", "6.1.1"])
  }
}
