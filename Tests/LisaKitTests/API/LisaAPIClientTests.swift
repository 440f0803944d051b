import Foundation
import Testing

@testable import LisaKit

/// Headers, URLs, retries and their limits, with a transport that answers on cue and sleeps that only record.
@Suite struct LisaAPIClientTests {
  let sleeps = AWSSleepRecorder()

  @Test func sendsBearerCredentialJSONAndEscapedPathsBelowTheStage() async throws {
    let transport = RoutedTransport([.respond(200, #"{"model": {"modelId": "a b+c"}}"#)])
    let request = APIRequest(
      .put, ["models", "a b+c"], query: [("x", "1&2")], body: .object([("enabled", .bool(false))]), resource: "model 'a b+c'",
      retrySafe: true)
    let response = try await APIFixture.client(transport).send(request)
    #expect(response.json["model"]?["modelId"]?.stringValue == "a b+c")
    let sent = try #require(transport.requests.first)
    #expect(sent.method == "PUT")
    #expect(sent.url.absoluteString == "https://abc123.execute-api.us-east-1.amazonaws.com/prod/models/a%20b%2Bc?x=1%262")
    #expect(sent.headers["Authorization"] == "Bearer \(APIFixture.secretToken)")
    #expect(sent.headers["Content-Type"] == "application/json")
    #expect(String(decoding: sent.body, as: UTF8.self) == #"{"enabled":false}"#)
  }

  @Test func readsAreRetriedOnServerErrorsThrottlingAndDrops() async throws {
    let transport = RoutedTransport([
      .respond(503, #"{"message": "Service Unavailable"}"#), .drop,
      .respond(429, #"{"message": "Too Many Requests"}"#, ["Retry-After": "1.5"]),
      .respond(200, #"{"models": []}"#),
    ])
    let traces = LineRecorder()
    let models = try await ModelsAPI(client: APIFixture.client(transport, sleeps: sleeps, traces: traces)).list()
    #expect(models.isEmpty)
    #expect(transport.requests.count == 4)
    #expect(sleeps.waits == [0.05, 0.1, 1.5])
    #expect(traces.lines.count == 4)
    #expect(
      traces.lines[0].hasPrefix("api: GET /models attempt 1: HTTP 503, ") && traces.lines[0].hasSuffix(" ms, retrying in 0.05 s"))
    #expect(traces.lines[1].hasPrefix("api: GET /models attempt 2: no response, "))
    #expect(traces.lines[3].hasPrefix("api: GET /models attempt 4: HTTP 200, "))
    #expect(traces.lines.allSatisfy { !$0.contains(APIFixture.secretToken) })
  }

  @Test func retriesStopAfterMaxAttemptsWithOneLine() async throws {
    let transport = RoutedTransport([.respond(503, "{}"), .respond(503, "{}"), .respond(503, #"{"message": "still down"}"#)])
    await #expect {
      try await APIFixture.client(transport, sleeps: sleeps, maxAttempts: 3).json(
        APIRequest(.get, ["models"], resource: "models"))
    } throws: { error in
      let error = error as? LisaError
      return error?.status == .unavailable
        && error?.message
          == "GET /models (HTTP 503) failed at abc123.execute-api.us-east-1.amazonaws.com after 3 attempts: still down"
    }
    #expect(transport.requests.count == 3)
  }

  /// LISA's 500s are mostly deterministic: one retry, not four; the gateway's 502-504 keep the whole policy.
  @Test func aServerErrorIsRetriedOnceOnly() async throws {
    let transport = RoutedTransport { _, _ in .respond(500, #"{"message": "An unexpected error occurred"}"#) }
    await #expect {
      try await APIFixture.client(transport, sleeps: sleeps).json(APIRequest(.get, ["models"], resource: "models"))
    } throws: { error in
      (error as? LisaError)?.status == .failure && (error as? LisaError)?.message.contains("after 2 attempts") == true
    }
    #expect(transport.requests.count == 2)
    let recovered = RoutedTransport([.respond(500, "{}"), .respond(200, #"{"models": []}"#)])
    #expect(try await ModelsAPI(client: APIFixture.client(recovered, sleeps: sleeps)).list().isEmpty)
  }

  /// Names no encoding gets through LISA's routing are refused before anything is sent; dot segments are
  /// encoded so that nothing on the way resolves them into another path.
  @Test func pathSegmentsLISACannotRouteAreRefused() async throws {
    let transport = RoutedTransport { _, _ in .respond(200, "{}") }
    let client = APIFixture.client(transport)
    await #expect {
      try await client.send(APIRequest(.post, ["api-tokens", "erin/x"], body: .object([]), resource: "token 'ci'"))
    } throws: { error in
      (error as? LisaError)?.status == .invalid
        && (error as? LisaError)?.message.hasPrefix("token 'ci': LISA's API cannot reach the name 'erin/x'") == true
    }
    await #expect {
      try await client.send(APIRequest(.get, ["models", ""], resource: "model ''"))
    } throws: { error in (error as? LisaError)?.status == .usage }
    var secret = APIRequest(.delete, ["api-tokens", "legacy/plain"], resource: "token legacy-1")
    secret.shownPath = ["api-tokens", "legacy …(12 chars)"]
    await #expect {
      try await client.send(secret)
    } throws: { error in (error as? LisaError)?.description.contains("legacy/plain") == false }
    #expect(transport.requests.isEmpty)
    _ = try await client.send(APIRequest(.get, ["models", ".."], resource: "model '..'"))
    _ = try await client.send(APIRequest(.get, ["models", "v1.2"], resource: "model 'v1.2'"))
    #expect(transport.requests.map { $0.url.path(percentEncoded: true) } == ["/prod/models/%2E%2E", "/prod/models/v1.2"])
  }

  @Test func unreachableAfterRetries() async throws {
    let transport = RoutedTransport { _, _ in .drop }
    await #expect {
      try await APIFixture.client(transport, sleeps: sleeps, maxAttempts: 2).json(
        APIRequest(.get, ["models"], resource: "models"))
    } throws: { error in
      (error as? LisaError)?.status == .unavailable
        && (error as? LisaError)?.message
          == "cannot reach the LISA API at abc123.execute-api.us-east-1.amazonaws.com after 2 attempts: connection reset by peer"
    }
  }

  @Test func writesWithoutAGuardAreNotRepeatedAfterAnUnclearFailure() async throws {
    for answer in [RoutedTransport.Answer.drop, .respond(504, #"{"message": "Endpoint request timed out"}"#)] {
      let transport = RoutedTransport([answer, .respond(200, "{}")])
      await #expect {
        try await APIFixture.client(transport, sleeps: sleeps).send(
          APIRequest(.post, ["models"], body: .object([]), resource: "model 'm'"))
      } throws: { error in
        (error as? LisaError)?.status == .unavailable
          && (error as? LisaError)?.message.contains("may or may not have been applied") == true
      }
      #expect(transport.requests.count == 1)
    }
  }

  @Test func guardedWritesAskTheServerBeforeRepeating() async throws {
    // First POST times out but the model was created: the check finds it and nothing is sent again.
    let created = RoutedTransport { request, index in
      if request.method == "POST" { return .respond(504, #"{"message": "Endpoint request timed out"}"#) }
      return .respond(200, #"{"model": {"modelId": "m1", "status": "Creating"}}"#)
    }
    let api = ModelsAPI(client: APIFixture.client(created, sleeps: sleeps))
    #expect(try await api.create(.object([("modelId", .string("m1"))])) == nil)
    #expect(created.requests.map(\.method) == ["POST", "GET"])
    // First POST is lost before LISA saw it: the check finds nothing, so the POST is repeated.
    let lost = RoutedTransport { request, index in
      switch (request.method, index) {
      case ("POST", 0): return .drop
      case ("GET", _): return .respond(404, #"{"detail": "Model 'm1' was not found."}"#)
      default: return .respond(200, #"{"model": {"modelId": "m1", "status": "Creating"}}"#)
      }
    }
    let model = try await ModelsAPI(client: APIFixture.client(lost, sleeps: sleeps)).create(.object([("modelId", .string("m1"))]))
    #expect(model?.statusText == "Creating")
    #expect(lost.requests.map(\.method) == ["POST", "GET", "POST"])
  }

  @Test func throttledWritesAreRepeatedBecauseLISANeverSawThem() async throws {
    let transport = RoutedTransport([
      .respond(429, #"{"message": "Too Many Requests"}"#), .respond(200, #"{"model": {"modelId": "m1"}}"#),
    ])
    _ = try await ModelsAPI(client: APIFixture.client(transport, sleeps: sleeps)).update(
      "m1", body: .object([]), statusBefore: "InService")
    #expect(transport.requests.map(\.method) == ["PUT", "PUT"])
  }

  @Test func nonJSONSuccessIsAWrongURL() async throws {
    let transport = RoutedTransport([.respond(200, "<html>login page</html>")])
    await #expect {
      try await APIFixture.client(transport).json(APIRequest(.get, ["models"], resource: "models"))
    } throws: { error in
      (error as? LisaError)?.message
        == "GET /models at abc123.execute-api.us-east-1.amazonaws.com answered with something that is not JSON"
    }
  }

  @Test func cursorPagingFollowsPagesAndStopsOnARepeatedCursor() async throws {
    let transport = RoutedTransport { request, index in
      let query = request.url.query ?? ""
      if query.contains("lastEvaluatedKeyPk=p2") { return .respond(200, #"{"documents": [{"id": 3}]}"#) }
      if query.contains("lastEvaluatedKeyPk=p1") {
        return .respond(200, #"{"documents": [{"id": 2}], "lastEvaluated": {"pk": "p2"}}"#)
      }
      return .respond(200, #"{"documents": [{"id": 1}], "lastEvaluated": {"pk": "p1"}}"#)
    }
    let client = APIFixture.client(transport)
    let paging = APIPaging.cursor("documents", cursorKey: "lastEvaluated", queryPrefix: "lastEvaluatedKey")
    let request = APIRequest(.get, ["repository", "r1", "document"], query: [("pageSize", "1")], resource: "documents")
    let all = try await client.collect(request, paging: paging)
    #expect(all.compactMap { $0["id"]?.intValue } == [1, 2, 3])
    #expect(transport.requests.last?.url.query == "pageSize=1&lastEvaluatedKeyPk=p2")
    #expect(try await client.collect(request, paging: paging, limit: 2).count == 2)
    let looping = RoutedTransport { _, _ in .respond(200, #"{"documents": [{"id": 1}], "lastEvaluated": {"pk": "same"}}"#) }
    await #expect(throws: LisaError.self) { try await APIFixture.client(looping).collect(request, paging: paging) }
  }
}
