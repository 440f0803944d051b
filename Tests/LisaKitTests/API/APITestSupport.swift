import Foundation
import LisaTestSupport

@testable import LisaKit

/// A transport that answers from a function of the request, and records what it was sent.
final class RoutedTransport: HTTPTransport, @unchecked Sendable {
  enum Answer {
    case respond(Int, String, [String: String] = [:])
    case drop
  }

  private let lock = NSLock()
  private var sent: [HTTPRequest] = []
  private let route: @Sendable (HTTPRequest, Int) -> Answer

  /// `route` gets the request and how many requests came before it.
  init(_ route: @escaping @Sendable (HTTPRequest, Int) -> Answer) { self.route = route }

  /// Answers in order, then 500s.
  convenience init(_ answers: [Answer]) {
    let queue = AnswerList(answers)
    self.init { _, _ in queue.next() }
  }

  var requests: [HTTPRequest] { lock.withLock { sent } }

  func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
    let index = lock.withLock { () -> Int in
      sent.append(request)
      return sent.count - 1
    }
    switch route(request, index) {
    case .respond(let status, let body, let headers): return HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    case .drop: throw TransportError(url: request.url, reason: "connection reset by peer")
    }
  }
}

final class AnswerList: @unchecked Sendable {
  private let lock = NSLock()
  private var answers: [RoutedTransport.Answer]
  init(_ answers: [RoutedTransport.Answer]) { self.answers = answers }
  func next() -> RoutedTransport.Answer {
    lock.withLock { answers.isEmpty ? .respond(500, #"{"message":"script ran out"}"#) : answers.removeFirst() }
  }
}

/// Records trace lines.
final class LineRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []
  var lines: [String] { lock.withLock { stored } }
  func add(_ line: String) { lock.withLock { stored.append(line) } }
}

enum APIFixture {
  static let secretToken = "tok-Zq9-very-secret-4711"
  static let credential = APICredential(kind: .apiToken, source: "LISA_API_TOKEN", value: secretToken)
  static let endpoint = LisaAPIEndpoint(
    url: URL(string: "https://abc123.execute-api.us-east-1.amazonaws.com/prod") ?? URL(fileURLWithPath: "/"),
    source: "LISA_API_URL")

  static func client(
    _ transport: any HTTPTransport, sleeps: AWSSleepRecorder = AWSSleepRecorder(), traces: LineRecorder? = nil,
    maxAttempts: Int = 4
  ) -> LisaAPIClient {
    var trace: (@Sendable (APITraceEvent) -> Void)?
    if let traces { trace = { event in traces.add(event.description) } }
    return LisaAPIClient(
      endpoint: endpoint, credential: credential, transport: transport,
      retry: AWSRetryPolicy(maxAttempts: maxAttempts, baseDelay: 0.1, maxDelay: 2, sleep: sleeps.sleep, random: { 0.5 }),
      trace: trace)
  }

  /// A LISA-hosted model as GET /models returns it.
  static let hostedModel = """
    {"modelId": "mistral-7b", "modelName": "mistralai/Mistral-7B", "modelType": "textgen", "streaming": true,
     "hostingType": "lisa_hosted", "inferenceContainer": "vllm", "instanceType": "g5.xlarge",
     "containerConfig": {"image": {"baseImage": "vllm/vllm-openai:v0.5.0", "type": "asset"}, "sharedMemorySize": 2048,
       "healthCheckConfig": {"command": ["CMD-SHELL", "exit 0"], "interval": 10, "startPeriod": 30, "timeout": 5, "retries": 3},
       "environment": {"MAX_TOTAL_TOKENS": "4096"}},
     "autoScalingConfig": {"minCapacity": 1, "maxCapacity": 4, "desiredCapacity": 2, "cooldown": 420, "defaultInstanceWarmup": 180,
       "blockDeviceVolumeSize": 50,
       "metricConfig": {"albMetricName": "RequestCountPerTarget", "targetValue": 30, "duration": 60, "estimatedInstanceWarmup": 330}},
     "loadBalancerConfig": {"healthCheckConfig": {"path": "/health", "interval": 60, "timeout": 30, "healthyThresholdCount": 2,
       "unhealthyThresholdCount": 10}},
     "status": "InService", "modelUrl": "http://internal-lisa-123.us-east-1.elb.amazonaws.com/v1"}
    """

  static let thirdPartyModel = """
    {"modelId": "claude", "modelName": "bedrock/anthropic.claude-3", "modelType": "textgen", "streaming": true,
     "hostingType": "third_party", "apiKey": "sk-third-party-secret", "status": "InService"}
    """

  static func json(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8), source: "fixture") }
  static func model(_ text: String, status: String? = nil) throws -> ModelInfo {
    var value = try json(text)
    if let status { value = value.setting("status", .string(status)) }
    return try ModelInfo(json: value)
  }
}
