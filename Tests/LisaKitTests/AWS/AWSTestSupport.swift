import Foundation
import LisaTestSupport

@testable import LisaKit

/// A context for AWS tests: only the environment given, a temp home, real clock unless fixed.
func awsContext(
  environment: [String: String] = [:], home: URL? = nil, transport: any HTTPTransport = AsyncHTTPTransport(),
  now: @escaping @Sendable () -> Date = { Date() }
) -> LisaContext {
  let home = home ?? TestPaths.temporaryDirectory("aws-home")
  return LisaContext(
    environment: environment, workingDirectory: home.path, homeDirectory: home.path, now: now,
    terminal: Terminal(isStdinTTY: false, isStdoutTTY: false, isStderrTTY: false), stdout: BufferSink(), stderr: BufferSink(),
    transport: transport)
}

/// Environment for talking to a moto server: fake static keys, a region, the endpoint, no IMDS.
func motoEnvironment(_ server: MotoServer, extra: [String: String] = [:]) -> [String: String] {
  var env = [
    "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key", "AWS_REGION": "us-east-1",
    "AWS_ENDPOINT_URL": server.url.absoluteString, "AWS_EC2_METADATA_DISABLED": "true",
  ]
  for (key, value) in extra { env[key] = value }
  return env
}

/// Clients against a moto server with quick retries.
func motoClients(_ server: MotoServer, extra: [String: String] = [:]) throws -> AWSClients {
  try AWSClients(
    context: awsContext(environment: motoEnvironment(server, extra: extra)), settings: AWSSettings(),
    retry: AWSRetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.1))
}

enum AWSFixture {
  /// Writes `text` to `name` under `directory`, creating it.
  @discardableResult
  static func write(_ directory: URL, _ name: String, _ text: String) throws -> URL {
    let url = directory.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url
  }
}

/// Records waits instead of sleeping.
final class AWSSleepRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [TimeInterval] = []

  var waits: [TimeInterval] {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }

  var sleep: @Sendable (TimeInterval) async throws -> Void {
    { [self] seconds in lock.withLock { recorded.append(seconds) } }
  }
}

/// A transport that plays back scripted outcomes in order and records what was sent.
final class AWSScriptedTransport: HTTPTransport, @unchecked Sendable {
  enum Step {
    case respond(Int, String, [String: String])
    case drop
  }

  private let lock = NSLock()
  private var steps: [Step]
  private var sent: [HTTPRequest] = []
  private var sentTimeouts: [TimeInterval] = []

  init(_ steps: [Step]) { self.steps = steps }

  var requests: [HTTPRequest] {
    lock.lock()
    defer { lock.unlock() }
    return sent
  }

  var timeouts: [TimeInterval] { lock.withLock { sentTimeouts } }

  func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
    let step = lock.withLock { () -> Step? in
      sent.append(request)
      sentTimeouts.append(timeout)
      return steps.isEmpty ? nil : steps.removeFirst()
    }
    switch step {
    case .respond(let status, let body, let headers): return HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    case .drop, nil: throw TransportError(url: request.url, reason: "connection reset by peer")
    }
  }

  static func throttled(_ code: String = "ThrottlingException") -> Step {
    .respond(
      400, #"{"__type":"com.amazonaws.dynamodb.v20120810#\#(code)","message":"Rate exceeded"}"#,
      ["x-amzn-RequestId": "REQ-THROTTLE"])
  }

  static func ok(_ body: String = "{}") -> Step { .respond(200, body, ["x-amzn-RequestId": "REQ-OK"]) }
}
