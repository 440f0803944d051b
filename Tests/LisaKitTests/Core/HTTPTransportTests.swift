import Foundation
import LisaKit
import LisaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The AsyncHTTPClient transport against local servers that misbehave: silent, resetting, refusing, 503.
struct HTTPTransportTests {
  @Test func aServerThatNeverAnswersFailsAtTheDeadlineWithOneClearReason() async throws {
    let silent = try LoopbackSockets.silentListener()
    defer { close(silent.fd) }
    let url = try #require(URL(string: "http://127.0.0.1:\(silent.port)/"))
    let error = await #expect(throws: TransportError.self) {
      _ = try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: url), timeout: 1)
    }
    #expect(error?.description == "127.0.0.1: no answer within 1 s")
    #expect(error?.kind == .timeout)
  }

  @Test func aSlowRequestSaysWhatItIsWaitingForOnce() async throws {
    let silent = try LoopbackSockets.silentListener()
    defer { close(silent.fd) }
    let url = try #require(URL(string: "http://127.0.0.1:\(silent.port)/models"))
    let lines = LineRecorder()
    let transport = AsyncHTTPTransport(notice: { lines.add($0) }, slowAfter: 0.3)
    var request = HTTPRequest(method: "GET", url: url, headers: ["Authorization": "Bearer sk-secret"])
    request.label = "GET /models attempt 1 of 4"
    _ = try? await transport.send(request, timeout: 1.5)
    #expect(lines.lines == ["127.0.0.1: no answer yet to GET /models attempt 1 of 4 after 0.3 s; giving up at 1.5 s"])
    #expect(!lines.lines.joined().contains("sk-secret"))
  }

  @Test func cancellingTheCallerEndsTheRequest() async throws {
    let silent = try LoopbackSockets.silentListener()
    defer { close(silent.fd) }
    let url = try #require(URL(string: "http://127.0.0.1:\(silent.port)/"))
    let request = Task { try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: url), timeout: 60) }
    try await Task.sleep(nanoseconds: 200_000_000)
    request.cancel()
    await #expect(throws: CancellationError.self) { _ = try await request.value }
  }

  @Test func aRefusedConnectionIsATransportErrorNamingTheHost() async throws {
    let port = try LoopbackSockets.freePort()
    let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
    let error = await #expect(throws: TransportError.self) {
      _ = try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: url), timeout: 5)
    }
    // The refusal itself, not "no answer within 5 s": answered at once rather than retried until the deadline.
    // (No wall-clock bound: parallel tests that wait on child processes can stall this one for a minute.)
    #expect(error?.description == "127.0.0.1: connection refused")
  }

  @Test func aResetInTheMiddleOfTheAnswerIsAConnectionError() async throws {
    let body = Data(String(repeating: "x", count: 10_000).utf8)
    let server = try LoopbackHTTPServer { _ in .init(status: 200, body: body, resetAfter: 3_000) }
    defer { server.stop() }
    let error = await #expect(throws: TransportError.self) {
      _ = try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: server.url), timeout: 5)
    }
    #expect(error?.kind == .connection)
    #expect(error?.description.hasPrefix("127.0.0.1: ") == true)
  }

  @Test func aSafeCallIsRetriedAfterAResetAndAfterA503WithRetryAfter() async throws {
    let count = RequestCounter()
    let server = try LoopbackHTTPServer { _ in
      switch count.next() {
      case 1: .init(status: 200, body: Data(#"{"models": []}"#.utf8), resetAfter: 20)
      case 2: .init(status: 503, headers: ["Retry-After": "2"], body: Data("busy".utf8))
      default: .json(#"{"models": [{"modelId": "m1"}]}"#)
      }
    }
    defer { server.stop() }
    let sleeps = AWSSleepRecorder()
    let lines = LineRecorder()
    let client = LisaAPIClient(
      endpoint: LisaAPIEndpoint(url: server.url, source: "the test"),
      credential: APICredential(kind: .apiToken, source: "the test", value: "sk-secret"), transport: AsyncHTTPTransport(),
      retry: AWSRetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 10, sleep: sleeps.sleep, random: { 0.5 }),
      notice: { lines.add($0) })
    let json = try await client.json(APIRequest(.get, ["models"], resource: "models"))
    #expect(json["models"]?.arrayItems?.count == 1)
    #expect(server.requests.count == 3)
    #expect(sleeps.waits.count == 2)
    #expect(sleeps.waits.last == 2, "Retry-After is the floor of the wait")
    #expect(
      lines.lines.first?.hasPrefix("127.0.0.1: GET /models attempt 1 of 4 failed (") == true, "a lost answer is said at once")
    #expect(!lines.lines.joined().contains("sk-secret"))
  }

  @Test func aFileBodyIsStreamedFromDiskWithItsLength() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString.prefix(6))")
    defer { try? FileManager.default.removeItem(at: file) }
    let content = Data((0..<300_000).map { UInt8($0 % 251) })
    try content.write(to: file)
    let server = try LoopbackHTTPServer { request in .text("\(request.body.count)") }
    defer { server.stop() }
    let request = HTTPRequest(
      method: "POST", url: server.url,
      fileBody: HTTPFileBody(prefix: Data("head-".utf8), path: file.path, suffix: Data("-tail".utf8)))
    // A generous deadline: the body is fed from an async sequence, which other tests' blocking child-process waits can
    // keep unscheduled for over a minute on two cores. What is checked is what arrives.
    let response = try await AsyncHTTPTransport().send(request, timeout: 180)
    #expect(String(decoding: response.body, as: UTF8.self) == "\(content.count + 10)")
    let seen = try #require(server.requests.first)
    #expect(seen.headers["content-length"] == "\(content.count + 10)")
    #expect(seen.body.prefix(5) == Data("head-".utf8) && seen.body.suffix(5) == Data("-tail".utf8))
    #expect(seen.body.dropFirst(5).dropLast(5) == content)
  }

  @Test func anAnswerLargerThanTheLimitIsAnErrorNotUnboundedMemory() async throws {
    let server = try LoopbackHTTPServer { _ in .text(String(repeating: "y", count: 200_000)) }
    defer { server.stop() }
    let transport = AsyncHTTPTransport(maxResponseBytes: 100_000)
    let error = await #expect(throws: TransportError.self) {
      _ = try await transport.send(HTTPRequest(method: "GET", url: server.url), timeout: 5)
    }
    #expect(error?.reason.contains("larger than") == true)
  }
}

final class RequestCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  func next() -> Int {
    lock.withLock {
      value += 1
      return value
    }
  }
}
