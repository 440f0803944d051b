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

  /// Models as GET /models returns them: the stored request plus status (and the URL LISA gave a hosted model).
  static let hostedModel = ModelFixtures.adding(
    #""status": "InService", "modelUrl": "http://internal-lisa-123.us-east-1.elb.amazonaws.com/v1""#, to: ModelFixtures.hosted)
  static let thirdPartyModel = ModelFixtures.adding(#""status": "InService""#, to: ModelFixtures.thirdParty)

  static func json(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8), source: "fixture") }
  static func model(_ text: String, status: String? = nil) throws -> ModelInfo {
    var value = try json(text)
    if let status { value = value.setting("status", .string(status)) }
    return try ModelInfo(json: value)
  }
}
