import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// Configs in the layout of LISA's v2.0 and v3.0 files, migrated by the built binary; their models
/// written with --models-out and re-created by `lisa models apply -f` against the fake Model API.
@Suite(.serialized) struct MigrateOldConfigsEndToEndTests {
  func checkout(_ fixture: String) throws -> URL {
    let dir = TestPaths.temporaryDirectory("e2e-old-config")
    try FileManager.default.copyItem(at: TestPaths.fixture(fixture), to: dir.appendingPathComponent("config.yaml"))
    return dir
  }

  func mode(_ url: URL) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
  }

  @Test(arguments: [
    ("v2.0/config.yaml", ["mistral7b", "e5v2", "claude-haiku", "partner-gpt"]), ("v3.0/config.yaml", ["llama3-8b", "bge-large"]),
  ])
  func migrateValidateThenApplyTheModels(fixture: String, models: [String]) async throws {
    let dir = try checkout(fixture)
    let run = try await Subprocess.lisa(["migrate", "config", "--models-out", "models.yaml"], cwd: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "config-custom.yaml\n")
    #expect(run.stderr.contains("wrote \(models.count) models to models.yaml"))
    #expect(run.stderr.contains("after the upgrade run: lisa models apply -f models.yaml"))
    #expect(try mode(dir.appendingPathComponent("models.yaml")) == 0o600)
    let validate = try await Subprocess.lisa(["config", "validate"], cwd: dir)
    #expect(validate.status == 0, "\(validate.stderr)")

    try await FakeLisaServer.with { server in
      let plan = try await Subprocess.lisa(
        ["models", "apply", "-f", "models.yaml", "--dry-run"], cwd: dir, environment: server.environment)
      #expect(plan.status == 0, "\(plan.stderr)")
      #expect(!plan.stderr.contains("error"), "\(plan.stderr)")
      #expect(plan.stdout.hasSuffix("Plan: \(models.count) to create, 0 to update, 0 to recreate, 0 to delete, 0 unchanged.\n"))
      let apply = try await Subprocess.lisa(["models", "apply", "-f", "models.yaml"], cwd: dir, environment: server.environment)
      #expect(apply.status == 0, "\(apply.stderr)")
      #expect(Set(try await server.models().map(\.0)) == Set(models))
    }
  }

  @Test func outputsAreWrittenAllOrNone() async throws {
    let dir = try checkout("v2.0/config.yaml")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("rw"), withIntermediateDirectories: false)
    let clash = try await Subprocess.lisa(
      ["migrate", "config", "--output", "rw/out.yaml", "--models-out", "models.yaml", "--report", "rw"], cwd: dir)
    #expect(clash.status == 74)
    #expect(clash.stderr.hasSuffix("error: rw: is a directory, expected a file\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("rw").path).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("models.yaml").path))
    let retry = try await Subprocess.lisa(
      ["migrate", "config", "--output", "rw/out.yaml", "--models-out", "models.yaml", "--report", "rw/report.json"], cwd: dir)
    #expect(retry.status == 0, "\(retry.stderr)")

    let missing = "/nonexistent-\(UUID().uuidString.prefix(6))"
    let nowhere = try await Subprocess.lisa(["migrate", "config", "--force", "--report", "\(missing)/r.json"], cwd: dir)
    #expect(nowhere.status == 74)
    #expect(nowhere.stderr.contains("the directory \(missing) does not exist; nothing written"))
    #expect(!FileManager.default.fileExists(atPath: missing))
    let same = try await Subprocess.lisa(["migrate", "config", "--force", "--models-out", "config-custom.yaml"], cwd: dir)
    #expect(same.status == 64)
    #expect(same.stderr.contains("is named for two outputs"))
  }

  @Test func modelsOutNeedsOneEnvironment() async throws {
    let dir = try checkout("v3.0/config.yaml")
    let run = try await Subprocess.lisa(
      ["migrate", "config", "--all-envs", "--out-dir", "out", "--models-out", "m.yaml"], cwd: dir)
    #expect(run.status == 64)
    #expect(run.stderr.contains("'--models-out' works on one environment"))
  }
}
