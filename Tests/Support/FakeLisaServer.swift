import Foundation
import LisaKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `fake_lisa_models.py` (LISA's Model Management API as docs/lisa/models-api.md describes it) on
/// 127.0.0.1 and a free port, run with the test venv's python and stopped by PID. The test drives
/// model states through its `/_control/` routes. Given a moto server, the fake keeps its models in a
/// DynamoDB table there, which lisa then reads as it reads LISA's. Use `FakeLisaServer.with { server in … }`.
public final class FakeLisaServer: @unchecked Sendable {
  public static let token = "fake-admin-token-5f2c9e"
  public static let readToken = "fake-reader-token-77ab10"
  public static let modelTable = "prod-lisa-models-ModelTable1A2B3C"
  public let port: Int
  /// The API base URL, with API Gateway's stage path.
  public let apiURL: String
  /// The moto server holding the models table, if any.
  public let dynamoDB: MotoServer?
  private let process: Process
  private let lock = NSLock()
  private var stopped = false
  private let transport = AsyncHTTPTransport()

  public static var python: String { TestPaths.repository.appendingPathComponent(".venv/bin/python").path }
  public static var script: String { TestPaths.repository.appendingPathComponent("Tests/Support/fake_lisa_models.py").path }

  /// `script` picks the fake: the Model Management API by default, or `tokensScript` (`/api-tokens`).
  public init(
    requireToken: Bool = true, script: String = FakeLisaServer.script, dynamoDB: MotoServer? = nil,
    arguments extra: [String] = [], startupTimeout: TimeInterval = 20
  ) throws {
    guard FileManager.default.isExecutableFile(atPath: Self.python) else {
      throw MotoUnavailable("python not found at \(Self.python); run scripts/bootstrap.sh --test")
    }
    var arguments = [script]
    if requireToken { arguments += ["--token", Self.token, "--read-token", Self.readToken] }
    if let dynamoDB { arguments += ["--dynamodb-endpoint", dynamoDB.url.absoluteString, "--model-table", Self.modelTable] }
    do {
      (process, port) = try LoopbackServerLaunch.start(timeout: startupTimeout) { port in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = arguments + ["--port", String(port)] + extra
        // No __pycache__ beside the fakes: SwiftPM would warn about unhandled files in the target.
        process.environment = ["PATH": "/usr/bin:/bin", "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
      }
    } catch let failure as LoopbackServerLaunch.NotListening {
      throw MotoUnavailable("fake LISA server \(failure)")
    }
    apiURL = "http://127.0.0.1:\(port)/prod"
    self.dynamoDB = dynamoDB
  }

  public func stop() {
    lock.lock()
    defer { lock.unlock() }
    guard !stopped else { return }
    stopped = true
    ChildProcess.stop(process)
  }

  deinit { stop() }

  public static func with<T>(
    requireToken: Bool = true, script: String = FakeLisaServer.script, dynamoDB: MotoServer? = nil,
    _ body: (FakeLisaServer) async throws -> T
  ) async throws -> T {
    try await withServer(
      { try FakeLisaServer(requireToken: requireToken, script: script, dynamoDB: dynamoDB) }, stop: { $0.stop() }, body)
  }

  /// A fake whose models table lives in a fresh moto server, stopped afterwards.
  public static func withTable<T>(_ body: (FakeLisaServer) async throws -> T) async throws -> T {
    try await MotoServer.with { moto in try await with(dynamoDB: moto, body) }
  }

  /// Environment for a command against this server with the admin token.
  public var environment: [String: String] { ["LISA_API_URL": apiURL, "LISA_API_TOKEN": Self.token] }

  /// `environment` plus AWS access to the models table in moto, named by `LISA_MODEL_TABLE` (or, with
  /// `tableFromSSM`, found by lisa through SSM, which the test must have set).
  public func environment(tableFromSSM: Bool = false) -> [String: String] {
    var env = environment
    guard let dynamoDB else { return env }
    env["AWS_ACCESS_KEY_ID"] = "AKIDMOTOTEST"
    env["AWS_SECRET_ACCESS_KEY"] = "moto-secret-key"
    env["AWS_REGION"] = "us-east-1"
    env["AWS_ENDPOINT_URL"] = dynamoDB.url.absoluteString
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    if !tableFromSSM { env["LISA_MODEL_TABLE"] = Self.modelTable }
    return env
  }

  /// Sets an SSM parameter in the moto server that holds the models table (the deployment's `modelTableName`).
  public func putSSMParameter(_ name: String, _ value: String) async throws {
    let context = TestContext(
      workingDirectory: FileManager.default.temporaryDirectory, environment: environment(tableFromSSM: true)
    ).context
    try await AWSClients(context: context, settings: AWSSettings()).ssm().putParameter(name, value: value)
  }

  /// POSTs JSON to `/_control/<path>` and returns the parsed answer.
  @discardableResult
  public func control(_ path: String, _ body: String = "{}") async throws -> JSONValue {
    guard let url = URL(string: "http://127.0.0.1:\(port)/_control/\(path)") else {
      throw MotoUnavailable("bad control path \(path)")
    }
    let response = try await transport.send(
      HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "application/json"], body: Data(body.utf8)), timeout: 10)
    guard response.status == 200 else {
      throw MotoUnavailable("control \(path) failed: \(response.status) \(String(decoding: response.body, as: UTF8.self))")
    }
    return try JSONValue.parse(response.body, source: "control")
  }

  /// Puts a model straight into the fake's table, in any status (no validation, as if LISA had it).
  public func seed(_ model: String, status: String = "InService", failureReason: String? = nil) async throws {
    let reason = failureReason.map { ", \"failureReason\": \(JSONWriter.quote($0))" } ?? ""
    try await control("models", "{\"model\": \(model), \"status\": \"\(status)\"\(reason)}")
  }

  public func setStatus(_ id: String, _ status: String, failureReason: String? = nil) async throws {
    let reason = failureReason.map { ", \"failureReason\": \(JSONWriter.quote($0))" } ?? ""
    try await control("models/\(id)/status", "{\"status\": \"\(status)\"\(reason)}")
  }

  /// Let Creating/Starting/Stopping/Updating/Deleting finish by themselves after `seconds`.
  public func settleAfter(_ seconds: Double) async throws { try await control("settings", "{\"transitionDelay\": \(seconds)}") }

  /// The next `count` calls of `method path` answer `status` with `body` (after doing the work when `apply`).
  public func fault(_ method: String, _ path: String, status: Int, count: Int = 1, body: String? = nil, apply: Bool = false)
    async throws
  {
    var fields =
      "\"method\": \"\(method)\", \"path\": \"\(path)\", \"status\": \(status), \"count\": \(count), \"apply\": \(apply)"
    if let body { fields += ", \"body\": \(body)" }
    try await control("faults", "{\(fields)}")
  }

  /// Every API request seen: method, path, body, and whether it carried a known token (never the token).
  public func requests() async throws -> [JSONValue] { try await control("requests")["requests"]?.arrayItems ?? [] }

  /// The models as the fake's table holds them, by id: `model_config` (with `apiKey`) and `status`.
  public func models() async throws -> [(String, JSONValue)] { try await control("state")["models"]?.objectPairs ?? [] }

  /// The fake's table items as LISA writes them, in scan order: models (`model_id`, `model_status`,
  /// `model_config`, `failure_reason`, …) or tokens (the first is the only one GET/DELETE by UUID can find).
  public func items() async throws -> [JSONValue] { try await control("state")["items"]?.arrayItems ?? [] }

  /// Writes an item into the table exactly as given, e.g. one LISA cannot read back.
  public func putModelItem(_ item: String) async throws { try await control("items", "{\"item\": \(item)}") }

  /// The autoscaling groups of LISA-hosted models: `{name: {min, max, desired}}`.
  public func autoScalingGroups() async throws -> JSONValue { try await control("asgs")["asgs"] ?? .object([]) }
}
