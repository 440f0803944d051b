import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// `--from` left out: the release is read from the VERSION tag of the deployment's core stack in moto, the same
/// version is recorded in a backup, and a deployment without that stack gets one line saying so.
@Suite struct DeployedVersionEndToEndTests {
  static let config = "deploymentName: acme\ndeploymentStage: dev\nregion: us-east-1\n"

  func makeStack(_ moto: MotoServer, name: String, tags: [String]) async throws {
    let script = TestPaths.repository.appendingPathComponent("Tests/Support/cfn_stacks.py").path
    let result = try await Subprocess.run(
      TokenTableScript.python, [script, "--endpoint", moto.url.absoluteString, "--name", name] + tags.flatMap { ["--tag", $0] })
    try #require(result.status == 0, "\(result.stderr)")
  }

  @Test func thePlanStartsFromTheCoreStacksVersionTagAndABackupRecordsIt() async throws {
    try await MotoServer.with { moto in
      try await makeStack(moto, name: "acme-lisa-core-dev", tags: ["VERSION=6.0.0", "Owner=ops"])
      let dir = TestPaths.temporaryDirectory("e2e-deployed-version")
      try Self.config.write(to: dir.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
      let env = [
        "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key",
        "AWS_ENDPOINT_URL": moto.url.absoluteString,
        "AWS_EC2_METADATA_DISABLED": "true", "LISA_STATE_DIR": dir.appendingPathComponent("state").path, "HOME": dir.path,
      ]
      let plan = try await Subprocess.lisa(["migrate", "plan", "--to", "6.1", "-o", "json"], cwd: dir, environment: env)
      #expect(plan.status == 0, "\(plan.stderr)")
      let json = try JSONValue.parse(Data(plan.stdout.utf8), source: "plan")
      #expect(json["from"]?.stringValue == "6.0.0")
      #expect(json["fromSource"]?.stringValue == "CloudFormation tag VERSION of acme-lisa-core-dev")
      let checklist = try await Subprocess.lisa(["migrate", "plan", "--to", "6.1"], cwd: dir, environment: env)
      #expect(
        checklist.stdout.contains("(6.0.0 read from CloudFormation tag VERSION of acme-lisa-core-dev)"), "\(checklist.stdout)")

      let created = try await Subprocess.lisa(
        ["backup", "create", "--only", "config", "--no-encrypt", "-f", "c.lisabak", "-q"], cwd: dir, environment: env)
      #expect(created.status == 0, "\(created.stderr)")
      let shown = try await Subprocess.lisa(["backup", "show", "c.lisabak", "-o", "json"], cwd: dir, environment: env)
      #expect(try JSONValue.parse(Data(shown.stdout.utf8), source: "show")["lisaVersion"]?.stringValue == "6.0.0")

      try "deploymentName: other\ndeploymentStage: dev\nregion: us-east-1\n".write(
        to: dir.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
      let missing = try await Subprocess.lisa(["migrate", "plan"], cwd: dir, environment: env)
      #expect(missing.status == 64)
      #expect(
        missing.stderrWithoutWaits
          == "error: --from VERSION is needed: the deployed LISA version could not be read (CloudFormation tag VERSION of"
          + " other-lisa-core-dev: no stack other-lisa-core-dev) (hint: pass the release the deployment runs, e.g. --from 5.4)\n")
    }
  }

  @Test func longNamesAreShortenedAsLISAShortensThem() {
    let name = String(repeating: "d", count: 50)  // 71 characters joined: "production" loses 7
    #expect(StackTagVersionReader.cdkId([name, "lisa", "core", "production"]) == name + "-lisa-core-pro")
    #expect(StackTagVersionReader.cdkId(["acme", "lisa", "core", "dev"]) == "acme-lisa-core-dev")
  }
}
