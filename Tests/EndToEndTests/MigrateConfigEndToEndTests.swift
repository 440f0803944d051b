import Foundation
import LisaTestSupport
import Testing

/// The built binary, run as an operator runs it: exit codes, stdout/stderr, files and modes.
@Suite struct MigrateConfigEndToEndTests {
  func checkout(legacy: String? = nil) throws -> URL {
    let dir = TestPaths.temporaryDirectory("e2e-migrate")
    let text = try legacy ?? String(contentsOf: TestPaths.fixture("v3.1/config.yaml"), encoding: .utf8)
    try text.write(to: dir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
    return dir
  }

  func mode(_ url: URL) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
  }

  /// The fixture with its empty authConfig filled in, so LISA's schema accepts the result.
  var completeFixture: String {
    get throws {
      try String(contentsOf: TestPaths.fixture("v3.1/config.yaml"), encoding: .utf8)
        .replacingOccurrences(of: "    authority:\n", with: "    authority: https://idp.example.com\n")
        .replacingOccurrences(of: "    clientId:\n", with: "    clientId: lisa\n")
        .replacingOccurrences(of: "    adminGroup:\n", with: "    adminGroup: admins\n")
        .replacingOccurrences(of: "    jwtGroupsProperty:\n", with: "    jwtGroupsProperty: groups\n")
    }
  }

  @Test func invalidResultWritesNothingAndExits7() async throws {
    let dir = try checkout()
    let run = try await Subprocess.lisa(["migrate", "config"], cwd: dir)
    #expect(run.status == 7)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("config.yaml:36:5: error: authConfig.authority: expected a string, found null"))
    #expect(
      run.stderr.hasSuffix(
        "error: nothing written: the migrated config fails LISA's schema (4 errors above) (hint: fix them in the source file, or pass --no-validate to write it anyway)\n"
      ))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("config-custom.yaml").path))
  }

  @Test func writesMode0600ThenRefusesToOverwriteWithoutForce() async throws {
    let dir = try checkout(legacy: try completeFixture)
    let target = dir.appendingPathComponent("config-custom.yaml")
    let first = try await Subprocess.lisa(["migrate", "config", "--report", "report.json"], cwd: dir)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout == "config-custom.yaml\n")
    #expect(first.stderr.contains("migrated environment 'dev' of config.yaml"))
    #expect(first.stderr.contains("dropped lambdaConfig (line 26)"))
    #expect(try mode(target) == 0o600)
    #expect(try mode(dir.appendingPathComponent("report.json")) == 0o600)
    let report =
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report.json"))) as? [String: Any]
    #expect(report?["environment"] as? String == "dev")
    #expect(report?["written"] as? Bool == true)
    #expect((report?["dropped"] as? [[String: Any]])?.contains { $0["path"] as? String == "litellmConfig.model_list" } == true)

    let written = try String(contentsOf: target, encoding: .utf8)
    let again = try await Subprocess.lisa(["migrate", "config"], cwd: dir)
    #expect(again.status == 6)
    #expect(again.stderr.contains("config-custom.yaml already exists; nothing written"))
    #expect(try String(contentsOf: target, encoding: .utf8) == written)
    #expect(try await Subprocess.lisa(["migrate", "config", "--force", "-q"], cwd: dir).status == 0)

    let validate = try await Subprocess.lisa(["config", "validate"], cwd: dir)
    #expect(validate.status == 0, "\(validate.stderr)")
    let masked = try await Subprocess.lisa(["config", "get", "litellmConfig.db_key"], cwd: dir)
    #expect(masked.stdout == "sk-…(39 chars)\n")
    let show = try await Subprocess.lisa(["config", "get", "litellmConfig.db_key", "--show-secrets"], cwd: dir)
    #expect(show.stdout == "sk-5f0e1d2c-3b4a-4968-8776-a5b4c3d2e1f0\n")
  }

  @Test func dryRunPrintsResultAndDiffAndWritesNothing() async throws {
    let dir = try checkout(legacy: try completeFixture)
    let run = try await Subprocess.lisa(["migrate", "config", "--dry-run", "--report", "r.json"], cwd: dir)
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("# Migrated by `lisa migrate config` from config.yaml, environment 'dev'.\n"))
    #expect(run.stderr.contains("--- config.yaml (dev:)\n+++ config-custom.yaml\n"))
    #expect(run.stderr.contains("-lambdaConfig:"))
    #expect(run.stderr.contains("would migrate environment 'dev'"))
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(files == ["config.yaml"])
  }

  @Test func allEnvironmentsGoToTheirOwnFiles() async throws {
    let fixture = try completeFixture
    let dev = fixture.components(separatedBy: "\n").dropFirst(3).joined(separator: "\n")
    let legacy =
      "env: prod\n\nprod:\n" + dev.replacingOccurrences(of: "deploymentStage: dev", with: "deploymentStage: prod") + "\n"
      + "dev:\n" + dev
    let dir = try checkout(legacy: legacy)
    let run = try await Subprocess.lisa(["migrate", "config", "--all-envs", "--out-dir", "out"], cwd: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "out/config-custom.prod.yaml\nout/config-custom.dev.yaml\n")
    let prod = try String(contentsOf: dir.appendingPathComponent("out/config-custom.prod.yaml"), encoding: .utf8)
    #expect(prod.contains("deploymentStage: prod"))
    #expect(try mode(dir.appendingPathComponent("out/config-custom.dev.yaml")) == 0o600)
  }

  @Test func inputAndOutputOptionsAndEnvSelection() async throws {
    let dir = try checkout(legacy: try completeFixture)
    try FileManager.default.moveItem(at: dir.appendingPathComponent("config.yaml"), to: dir.appendingPathComponent("old.yaml"))
    let noDirectory = try await Subprocess.lisa(
      ["migrate", "config", "--input", "old.yaml", "--output", "new/custom.yaml"], cwd: dir)
    #expect(noDirectory.status == 74)
    #expect(
      noDirectory.stderr.hasSuffix(
        "error: new/custom.yaml: the directory new does not exist; nothing written (hint: create it first)\n"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("new").path))
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("new"), withIntermediateDirectories: false)
    let run = try await Subprocess.lisa(
      ["migrate", "config", "--input", "old.yaml", "--output", "new/custom.yaml", "--env", "dev", "-o", "json"], cwd: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("\"output\": \"new/custom.yaml\""))
    let missingEnv = try await Subprocess.lisa(["migrate", "config", "--input", "old.yaml", "--env", "qa"], cwd: dir)
    #expect(missingEnv.status == 5)
    #expect(missingEnv.stderrWithoutWaits == "old.yaml:1:6: error: environment 'qa' not found (environments: dev)\n")
  }
}
