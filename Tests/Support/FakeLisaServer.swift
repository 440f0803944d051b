import Foundation
import LisaKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `fake_lisa_models.py` (LISA's Model Management API as §2 of the contracts describes it) on
/// 127.0.0.1 and a free port, run with the test venv's python and stopped by PID. The test drives
/// model states through its `/_control/` routes. Use `FakeLisaServer.with { server in … }`.
public final class FakeLisaServer: @unchecked Sendable {
  public static let token = "fake-admin-token-5f2c9e"
  public static let readToken = "fake-reader-token-77ab10"
  public let port: Int
  /// The API base URL, with API Gateway's stage path.
  public let apiURL: String
  private let process: Process
  private let lock = NSLock()
  private var stopped = false
  private let transport = URLSessionTransport()

  public static var python: String { TestPaths.repository.appendingPathComponent(".venv/bin/python").path }
  public static var script: String { TestPaths.repository.appendingPathComponent("Tests/Support/fake_lisa_models.py").path }

  /// `script` picks the fake: the Model Management API by default, or `tokensScript` (`/api-tokens`).
  public init(requireToken: Bool = true, script: String = FakeLisaServer.script, startupTimeout: TimeInterval = 20) throws {
    guard FileManager.default.isExecutableFile(atPath: Self.python) else {
      throw MotoUnavailable("python not found at \(Self.python); run scripts/bootstrap.sh --test")
    }
    port = try LoopbackSockets.freePort()
    apiURL = "http://127.0.0.1:\(port)/prod"
    process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python)
    var arguments = [script, "--port", String(port)]
    if requireToken { arguments += ["--token", Self.token, "--read-token", Self.readToken] }
    process.arguments = arguments
    // No __pycache__ beside the fakes: SwiftPM would warn about unhandled files in the target.
    process.environment = ["PATH": "/usr/bin:/bin", "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(startupTimeout)
    while !LoopbackSockets.isAccepting(port: port) {
      guard process.isRunning, Date() < deadline else {
        stop()
        throw MotoUnavailable("fake LISA server did not listen on port \(port)")
      }
      usleep(50_000)
    }
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
    requireToken: Bool = true, script: String = FakeLisaServer.script, _ body: (FakeLisaServer) async throws -> T
  ) async throws -> T {
    let server = try FakeLisaServer(requireToken: requireToken, script: script)
    defer { server.stop() }
    return try await body(server)
  }

  /// Environment for a command against this server with the admin token.
  public var environment: [String: String] { ["LISA_API_URL": apiURL, "LISA_API_TOKEN": Self.token] }

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

  /// The models as the fake holds them, by id.
  public func models() async throws -> [(String, JSONValue)] { try await control("state")["models"]?.objectPairs ?? [] }
}
