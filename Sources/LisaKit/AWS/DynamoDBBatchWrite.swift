import Foundation

/// What a batch write did.
public struct DynamoDBBatchWriteSummary: Sendable, Equatable {
  public var written: Int
  /// Requests DynamoDB handed back as unprocessed and that were sent again.
  public var resubmitted: Int

  mutating func add(_ other: Self) {
    written += other.written
    resubmitted += other.resubmitted
  }
}

extension DynamoDBClient {
  /// DynamoDB accepts at most 25 requests per BatchWriteItem.
  public static let batchWriteLimit = 25

  /// Writes every request to `table`, 25 per call, up to `inFlight` calls at once, sending `UnprocessedItems`
  /// again with backoff until none are left. Batch puts and deletes carry no conditions, so repeating one
  /// leaves the same table behind: the calls are retried like reads. A batch must not name one key twice.
  @discardableResult
  public func batchWrite(
    table: String, _ requests: [DynamoDBWriteRequest], inFlight: Int = 1, maxRounds: Int = 12
  ) async throws
    -> DynamoDBBatchWriteSummary
  {
    let chunks = stride(from: 0, to: requests.count, by: Self.batchWriteLimit).map {
      Array(requests[$0..<min($0 + Self.batchWriteLimit, requests.count)])
    }
    return try await withThrowingTaskGroup(of: DynamoDBBatchWriteSummary.self) { group in
      var summary = DynamoDBBatchWriteSummary(written: 0, resubmitted: 0)
      for (index, chunk) in chunks.enumerated() {
        if index >= inFlight, let done = try await group.next() { summary.add(done) }
        group.addTask {
          DynamoDBBatchWriteSummary(
            written: chunk.count, resubmitted: try await writeChunk(table: table, chunk, maxRounds: maxRounds))
        }
      }
      for try await done in group { summary.add(done) }
      return summary
    }
  }

  /// Returns how many requests were resubmitted.
  private func writeChunk(table: String, _ chunk: [DynamoDBWriteRequest], maxRounds: Int) async throws -> Int {
    struct Input: Encodable { var RequestItems: [String: [DynamoDBWriteRequest]] }
    struct Output: Decodable { var UnprocessedItems: [String: [DynamoDBWriteRequest]]? }
    return try await sendUntilProcessed(
      chunk, maxRounds: maxRounds,
      stillUnprocessed: { count, rounds in
        LisaError(
          .unavailable,
          "dynamodb:BatchWriteItem on table \(table): \(count) of \(chunk.count) items still unprocessed after \(rounds) rounds",
          hint: "the table is throttling writes; run the command again to continue")
      }
    ) { pending in
      let output = try await client.call(
        "BatchWriteItem", Input(RequestItems: [table: pending]), as: Output.self, resource: "table \(table)", retrySafe: true)
      return output.UnprocessedItems?[table] ?? []
    }
  }

  /// Sends `requests`, then whatever DynamoDB hands back unprocessed, with backoff between rounds,
  /// for at most `maxRounds` calls. Returns how many requests were sent again.
  @discardableResult
  func sendUntilProcessed<Request>(
    _ requests: [Request], maxRounds: Int, stillUnprocessed: (_ count: Int, _ rounds: Int) -> LisaError,
    _ send: ([Request]) async throws -> [Request]
  ) async throws -> Int {
    var pending = requests
    var resubmitted = 0
    var round = 0
    while !pending.isEmpty {
      round += 1
      pending = try await send(pending)
      guard !pending.isEmpty else { break }
      guard round < maxRounds else { throw stillUnprocessed(pending.count, round) }
      resubmitted += pending.count
      try await retry.sleep(retry.delay(beforeRetry: round))
    }
    return resubmitted
  }
}
