import Foundation
import LisaCLI
import LisaKit
import LisaTestSupport

/// `lisa keys` in-process against the fake `/api-tokens`, from a config directory that names the admin
/// group, with the fake's clock set to the command's. Calls with the management key unless told otherwise.
struct KeysAPIHarness {
  static let now = Date(timeIntervalSince1970: 1_795_000_000)
  static let config = """
    deploymentName: acme
    authConfig:
      authority: https://idp.example.com
      clientId: client
      adminGroup: \(FakeLisaServer.tokenAdminGroup)

    """

  let server: FakeLisaServer
  let directory = TestPaths.temporaryDirectory("keys-api")
  var environment: [String: String]

  init(_ server: FakeLisaServer) throws {
    self.server = server
    environment = server.environment.merging(["TZ": "UTC"]) { _, new in new }
    try Self.config.write(to: directory.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
  }

  func run(_ arguments: [String], terminal: Terminal = .pipes, answers: [String] = [], as credential: String? = nil)
    async -> KeysRun
  {
    var environment = environment
    if let credential { environment["LISA_API_TOKEN"] = credential }
    let test = TestContext(
      workingDirectory: directory, environment: environment, terminal: terminal, now: Self.now, answers: answers)
    let status = await Lisa.execute(["keys"] + arguments, context: test.context)
    return KeysRun(status: status, stdout: test.stdout.text, stderr: test.stderr.text)
  }

  /// `create NAME --user USER` with extra arguments; returns the secret it printed.
  func create(_ name: String, user: String, _ extra: [String] = []) async throws -> String {
    let run = await run(["create", name, "--user", user] + extra)
    guard run.status == .ok else { throw LisaError(.failure, "create \(name) failed: \(run.stderr)") }
    return run.stdout.trimmingCharacters(in: .newlines)
  }

  func ids() async throws -> [String] { try await server.items().compactMap { $0["tokenUUID"]?.stringValue } }
}
