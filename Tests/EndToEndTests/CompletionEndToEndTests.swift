import Foundation
import LisaTestSupport
import Testing

/// Dynamic completions: what the generated shell scripts ask the binary for, answered from local files.
@Suite struct CompletionEndToEndTests {
  @Test func environmentsComeFromConfigYamlAndProfilesFromAwsFiles() async throws {
    let dir = TestPaths.temporaryDirectory("e2e-completion")
    try String(contentsOf: TestPaths.repository.appendingPathComponent("examples/legacy/config.yaml"), encoding: .utf8)
      .write(to: dir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent(".aws"), withIntermediateDirectories: true)
    try "[profile prod-admin]\nregion = us-east-1\n[default]\n[sso-session corp]\n".write(
      to: dir.appendingPathComponent(".aws/config"), atomically: true, encoding: .utf8)
    try "[ci]\naws_access_key_id = x\n".write(
      to: dir.appendingPathComponent(".aws/credentials"), atomically: true, encoding: .utf8)

    let environments = try await Subprocess.lisa(
      ["---completion", "migrate", "config", "--", "--env", "4", "0", "lisa", "migrate", "config", "--env", ""], cwd: dir,
      environment: ["HOME": dir.path])
    #expect(environments.status == 0)
    #expect(environments.stdout.split(separator: "\n") == ["dev", "prod"])

    let profiles = try await Subprocess.lisa(
      ["---completion", "config", "show", "--", "--profile", "4", "1", "lisa", "config", "show", "--profile", "p"], cwd: dir,
      environment: ["HOME": dir.path])
    #expect(profiles.stdout.split(separator: "\n") == ["prod-admin"])
    let all = try await Subprocess.lisa(
      ["---completion", "config", "show", "--", "--profile", "4", "0", "lisa", "config", "show", "--profile", ""], cwd: dir,
      environment: ["HOME": dir.path])
    #expect(all.stdout.split(separator: "\n") == ["ci", "default", "prod-admin"])
  }

  @Test func generatedScriptsAreValidShell() async throws {
    for (shell, file, flag) in [
      ("/bin/bash", "lisa.bash", "-n"), ("/usr/bin/zsh", "_lisa", "-n"), ("/usr/bin/fish", "lisa.fish", "--no-execute"),
    ] {
      guard FileManager.default.isExecutableFile(atPath: shell) else {
        Issue.record("\(shell) is missing; scripts/bootstrap.sh --test installs it")
        continue
      }
      let script = TestPaths.repository.appendingPathComponent("completions/\(file)").path
      let result = try await Subprocess.run(shell, [flag, script])
      #expect(result.status == 0, "\(file): \(result.stderr)")
    }
  }
}
