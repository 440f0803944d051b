import Foundation
import LisaCLI
import LisaKit
import LisaTestSupport

/// Runs a command line in-process against a fresh directory and returns what a user would see.
struct CLIRun {
  var status: ExitStatus
  var stdout: String
  var stderr: String
}

func runLisa(_ arguments: [String], in directory: URL, environment: [String: String] = [:], terminal: Terminal = .pipes) async
  -> CLIRun
{
  let test = TestContext(workingDirectory: directory, environment: environment, terminal: terminal)
  let status = await Lisa.execute(arguments, context: test.context)
  return CLIRun(status: status, stdout: test.stdout.text, stderr: test.stderr.text)
}

func configDirectory(custom: String) throws -> URL {
  let dir = TestPaths.temporaryDirectory("cli")
  try custom.write(to: dir.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
  return dir
}

let validConfig = """
  accountNumber: "012345678901"
  region: us-east-1
  s3BucketModels: my-models
  deploymentName: acme
  authConfig:
    authority: https://idp.example.com
    clientId: client
    adminGroup: admins
  ragRepositories: []
  litellmConfig:
    db_key: sk-0a1b2c3d

  """
