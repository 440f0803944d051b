import Foundation
import LisaKit
import LisaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

struct HTTPTransportTests {
  @Test func aServerThatNeverAnswersFailsAtTheDeadlineWithOneClearReason() async throws {
    let silent = try LoopbackSockets.silentListener()
    defer { close(silent.fd) }
    let url = try #require(URL(string: "http://127.0.0.1:\(silent.port)/"))
    let started = Date()
    let error = await #expect(throws: TransportError.self) {
      _ = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: url), timeout: 1)
    }
    #expect(error?.description == "127.0.0.1: no answer within 1 s")
    #expect(Date().timeIntervalSince(started) < 20, "the deadline, not FoundationNetworking's own timeout, ended the request")
  }

  @Test func cancellingTheCallerEndsTheRequest() async throws {
    let silent = try LoopbackSockets.silentListener()
    defer { close(silent.fd) }
    let url = try #require(URL(string: "http://127.0.0.1:\(silent.port)/"))
    let request = Task { try await URLSessionTransport().send(HTTPRequest(method: "GET", url: url), timeout: 60) }
    try await Task.sleep(nanoseconds: 200_000_000)
    request.cancel()
    await #expect(throws: CancellationError.self) { _ = try await request.value }
  }

  @Test func aRefusedConnectionIsATransportErrorNamingTheHost() async throws {
    let port = try LoopbackSockets.freePort()
    let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
    let error = await #expect(throws: TransportError.self) {
      _ = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: url), timeout: 5)
    }
    #expect(error?.description.hasPrefix("127.0.0.1: ") == true)
    #expect(error?.description.contains("URLError") == true)
  }
}
