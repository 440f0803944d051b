import Foundation
import LisaKit
import Testing

/// Retries, backoff and error lines, with a transport that fails on cue and a sleep that only records.
@Suite struct RetryTests {
  final class Traces: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [AWSTraceEvent] = []
    var all: [AWSTraceEvent] { lock.withLock { events } }
    func add(_ event: AWSTraceEvent) { lock.withLock { events.append(event) } }
  }

  let sleeps = AWSSleepRecorder()
  let traces = Traces()

  func dynamoDB(_ transport: AWSScriptedTransport, maxAttempts: Int = 4, random: Double = 0.5) throws -> DynamoDBClient {
    let credentials = AWSCredentials(
      accessKeyID: "AKIDPROD", secretAccessKey: "prod-secret", source: "profile 'prod' (~/.aws/credentials)")
    let traces = traces
    let sender = AWSRequestSender(
      service: .dynamoDB, region: "us-east-1", endpoint: try #require(URL(string: "https://dynamodb.us-east-1.amazonaws.com/")),
      credentials: StaticCredentialsProvider(credentials), transport: transport,
      retry: AWSRetryPolicy(maxAttempts: maxAttempts, baseDelay: 0.1, maxDelay: 1, sleep: sleeps.sleep, random: { random }),
      now: { Date(timeIntervalSince1970: 1_800_000_000) }, trace: { traces.add($0) })
    return DynamoDBClient(sender: sender)
  }

  static let item = #"{"Item":{"token":{"S":"abc"}}}"#

  @Test func throttlingTwiceThenSuccess() async throws {
    let transport = AWSScriptedTransport([
      AWSScriptedTransport.throttled(), AWSScriptedTransport.throttled("ProvisionedThroughputExceededException"),
      .respond(200, Self.item, [:]),
    ])
    let item = try await dynamoDB(transport).getItem(table: "t", key: ["token": "abc"])
    #expect(item?["token"] == .s("abc"))
    #expect(transport.requests.count == 3)
    #expect(sleeps.waits == [0.05, 0.1])
    let first = try #require(transport.requests.first)
    #expect(first.headers["X-Amz-Target"] == "DynamoDB_20120810.GetItem")
    #expect(first.headers["Content-Type"] == "application/x-amz-json-1.0")
    #expect(first.headers["Authorization"]?.contains("Credential=AKIDPROD/20270115/us-east-1/dynamodb/aws4_request") == true)
  }

  @Test func serverErrorsAndDroppedConnectionsAreRetriedForSafeCalls() async throws {
    let transport = AWSScriptedTransport([
      .respond(500, #"{"__type":"InternalServerError"}"#, [:]), .drop, .respond(503, "", [:]), AWSScriptedTransport.ok(Self.item),
    ])
    _ = try await dynamoDB(transport).getItem(table: "t", key: ["token": "abc"])
    #expect(transport.requests.count == 4)
    #expect(sleeps.waits == [0.05, 0.1, 0.2])
  }

  @Test func unsafeWritesAreNotRetriedAfterAPossibleSuccess() async throws {
    for step in [AWSScriptedTransport.Step.drop, .respond(500, #"{"__type":"InternalServerError","message":"boom"}"#, [:])] {
      let transport = AWSScriptedTransport([step, AWSScriptedTransport.ok()])
      await #expect {
        try await dynamoDB(transport).putItem(table: "tokens", item: ["token": "abc"])
      } throws: { error in
        let lisa = error as? LisaError
        return lisa?.status == .unavailable && lisa?.message.contains("may or may not have been applied") == true
          && lisa?.message.contains("dynamodb:PutItem on table tokens") == true
      }
      #expect(transport.requests.count == 1)
    }
    #expect(sleeps.waits.isEmpty)
  }

  @Test func throttledUnsafeWritesAreRetriedBecauseTheyWereRefused() async throws {
    let transport = AWSScriptedTransport([AWSScriptedTransport.throttled(), AWSScriptedTransport.ok()])
    try await dynamoDB(transport).putItem(table: "tokens", item: ["token": "abc"])
    #expect(transport.requests.count == 2)
  }

  @Test func callerMarkedSafeWritesAreRetried() async throws {
    let transport = AWSScriptedTransport([.drop, AWSScriptedTransport.ok()])
    let condition = DynamoDBExpression("attribute_not_exists(#t)", names: ["#t": "token"])
    try await dynamoDB(transport).putItem(table: "tokens", item: ["token": "abc"], condition: condition, retrySafe: true)
    #expect(transport.requests.count == 2)
    let body = String(decoding: try #require(transport.requests.last).body, as: UTF8.self)
    #expect(body.contains(#""ConditionExpression":"attribute_not_exists(#t)""#))
  }

  @Test func exhaustionIsUnavailableWithoutTheRequestID() async throws {
    let transport = AWSScriptedTransport(Array(repeating: AWSScriptedTransport.throttled(), count: 10))
    await #expect {
      try await dynamoDB(transport, maxAttempts: 4).scanPage(DynamoDBScanRequest(table: "tokens"))
    } throws: { error in
      guard let lisa = error as? LisaError else { return false }
      return lisa.status == .unavailable && lisa.message.hasPrefix("dynamodb:Scan on table tokens still failing after 4 attempts")
        && !lisa.description.contains("REQ-THROTTLE")
    }
    #expect(transport.requests.count == 4)
    #expect(sleeps.waits.count == 3)
    #expect(traces.all.count == 4)
    #expect(traces.all.first?.description.contains("request id REQ-THROTTLE") == true)
  }

  @Test func droppedConnectionsExhaustToUnavailable() async throws {
    let transport = AWSScriptedTransport([])
    await #expect {
      try await dynamoDB(transport, maxAttempts: 3).describeTable("tokens")
    } throws: { error in
      (error as? LisaError)?.status == .unavailable
        && (error as? LisaError)?.message
          == "cannot reach dynamodb at dynamodb.us-east-1.amazonaws.com after 3 attempts: connection reset by peer"
    }
  }

  @Test func backoffIsCappedFullJitterAndHonoursRetryAfter() {
    let top = AWSRetryPolicy(maxAttempts: 10, baseDelay: 0.1, maxDelay: 1, random: { 0.999_999 })
    #expect(abs(top.delay(beforeRetry: 1) - 0.1) < 0.001)
    #expect(abs(top.delay(beforeRetry: 3) - 0.4) < 0.001)
    #expect(abs(top.delay(beforeRetry: 9) - 1) < 0.001)
    let bottom = AWSRetryPolicy(baseDelay: 0.1, maxDelay: 5, random: { 0 })
    #expect(bottom.delay(beforeRetry: 4) == 0)
    #expect(bottom.delay(beforeRetry: 1, retryAfter: 2) == 2)
    #expect(bottom.delay(beforeRetry: 1, retryAfter: 60) == 5)
  }

  @Test func accessDeniedNamesActionResourceAndCredentialSource() async throws {
    let denied =
      #"{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"User: arn:aws:iam::1:user/x is not authorized"}"#
    let transport = AWSScriptedTransport([.respond(400, denied, ["x-amzn-RequestId": "REQ-DENIED"])])
    await #expect {
      try await dynamoDB(transport).scanPage(DynamoDBScanRequest(table: "prod-LISAApiTokenTable"))
    } throws: { error in
      let lisa = error as? LisaError
      return lisa?.status == .auth
        && lisa?.message
          == "not allowed to dynamodb:Scan on table prod-LISAApiTokenTable with credentials from profile 'prod' (~/.aws/credentials)"
    }
    #expect(transport.requests.count == 1)
  }

  @Test func notFoundAndRejectedCredentialsAndOtherErrors() async throws {
    let cases: [(String, LisaKit.ExitStatus, String)] = [
      ("ResourceNotFoundException", .notFound, "table tokens not found (dynamodb:DescribeTable in us-east-1)"),
      ("ExpiredTokenException", .auth, "dynamodb rejected the credentials from profile 'prod' (~/.aws/credentials)"),
      ("UnrecognizedClientException", .auth, "dynamodb rejected the credentials"),
      ("ValidationException", .failure, "dynamodb:DescribeTable on table tokens failed: ValidationException: bad"),
      ("ResourceInUseException", .conflict, "dynamodb:DescribeTable on table tokens: ResourceInUseException"),
    ]
    for (code, status, text) in cases {
      let transport = AWSScriptedTransport([
        .respond(400, #"{"__type":"com.amazonaws.dynamodb.v20120810#\#(code)","message":"bad"}"#, [:])
      ])
      await #expect {
        try await dynamoDB(transport).describeTable("tokens")
      } throws: { error in
        (error as? LisaError)?.status == status && (error as? LisaError)?.message.contains(text) == true
      }
    }
  }

  @Test func conditionalCheckFailureIsADistinctError() async throws {
    let body =
      #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"#
    let transport = AWSScriptedTransport([.respond(400, body, [:])])
    let condition = DynamoDBExpression("attribute_not_exists(#t)", names: ["#t": "token"])
    await #expect(throws: DynamoDBConditionalCheckFailed.self) {
      try await dynamoDB(transport).putItem(table: "tokens", item: ["token": "abc"], condition: condition)
    }
  }

  @Test func batchWriteResubmitsUnprocessedItemsWithBackoff() async throws {
    let unprocessed = #"{"UnprocessedItems":{"tokens":[{"PutRequest":{"Item":{"token":{"S":"k3"}}}}]}}"#
    let transport = AWSScriptedTransport([
      AWSScriptedTransport.ok(unprocessed), AWSScriptedTransport.ok(unprocessed),
      AWSScriptedTransport.ok(#"{"UnprocessedItems":{}}"#),
    ])
    let requests = (1...3).map { DynamoDBWriteRequest.put(["token": .s("k\($0)")]) }
    let summary = try await dynamoDB(transport).batchWrite(table: "tokens", requests)
    #expect(summary.written == 3 && summary.resubmitted == 2)
    #expect(transport.requests.count == 3)
    let resent = String(decoding: try #require(transport.requests.last).body, as: UTF8.self)
    #expect(resent.contains("k3") && !resent.contains("k1"))
    #expect(sleeps.waits == [0.05, 0.1])
  }

  @Test func batchWriteGivesUpAfterMaxRounds() async throws {
    let unprocessed = #"{"UnprocessedItems":{"tokens":[{"DeleteRequest":{"Key":{"token":{"S":"k1"}}}}]}}"#
    let transport = AWSScriptedTransport(Array(repeating: AWSScriptedTransport.ok(unprocessed), count: 5))
    await #expect {
      try await dynamoDB(transport).batchWrite(table: "tokens", [.delete(key: ["token": "k1"])], maxRounds: 3)
    } throws: { error in
      (error as? LisaError)?.status == .unavailable
        && (error as? LisaError)?.message.contains("1 of 1 items still unprocessed after 3 rounds") == true
    }
  }

  @Test func batchGetAsksAgainForUnprocessedKeysThenGivesUpAfterMaxRounds() async throws {
    let partial = #"{"Responses":{"tokens":[{"token":{"S":"k1"}}]},"UnprocessedKeys":{"tokens":{"Keys":[{"token":{"S":"k2"}}]}}}"#
    let rest = #"{"Responses":{"tokens":[{"token":{"S":"k2"}}]},"UnprocessedKeys":{}}"#
    let transport = AWSScriptedTransport([AWSScriptedTransport.ok(partial), AWSScriptedTransport.ok(rest)])
    let found = try await dynamoDB(transport).batchGet(table: "tokens", keys: [["token": "k1"], ["token": "k2"]])
    #expect(found.compactMap { $0["token"]?.stringValue } == ["k1", "k2"])
    let askedAgain = String(decoding: try #require(transport.requests.last).body, as: UTF8.self)
    #expect(askedAgain.contains("k2") && !askedAgain.contains("k1"))
    #expect(sleeps.waits == [0.05])

    let stuck = AWSScriptedTransport(Array(repeating: AWSScriptedTransport.ok(partial), count: 5))
    await #expect {
      try await dynamoDB(stuck).batchGet(table: "tokens", keys: [["token": "k1"], ["token": "k2"]], maxRounds: 2)
    } throws: { error in
      (error as? LisaError)?.status == .unavailable
        && (error as? LisaError)?.message.contains("1 keys still unprocessed after 2 rounds") == true
    }
  }

  @Test func batchWriteSplitsIntoChunksOf25() async throws {
    let transport = AWSScriptedTransport(Array(repeating: AWSScriptedTransport.ok(), count: 3))
    let requests = (0..<60).map { DynamoDBWriteRequest.put(["token": .s("k\($0)")]) }
    #expect(try await dynamoDB(transport).batchWrite(table: "tokens", requests).written == 60)
    #expect(transport.requests.count == 3)
  }
}
