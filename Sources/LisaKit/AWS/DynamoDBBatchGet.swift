import Foundation

extension DynamoDBClient {
  /// DynamoDB returns at most 100 items per BatchGetItem.
  public static let batchGetLimit = 100

  /// The items stored under `keys` (missing keys are simply absent), 100 keys per call, asking again
  /// for `UnprocessedKeys` with backoff until none are left.
  public func batchGet(table: String, keys: [DynamoDBItem], consistentRead: Bool = true, maxRounds: Int = 12) async throws
    -> [DynamoDBItem]
  {
    struct KeysAndAttributes: Codable {
      var Keys: [DynamoDBItem]
      var ConsistentRead: Bool?
    }
    struct Input: Encodable { var RequestItems: [String: KeysAndAttributes] }
    struct Output: Decodable {
      var Responses: [String: [DynamoDBItem]]?
      var UnprocessedKeys: [String: KeysAndAttributes]?
    }
    var found: [DynamoDBItem] = []
    var start = 0
    while start < keys.count {
      var pending = Array(keys[start..<min(start + Self.batchGetLimit, keys.count)])
      var round = 0
      while !pending.isEmpty {
        round += 1
        let output = try await client.call(
          "BatchGetItem", Input(RequestItems: [table: KeysAndAttributes(Keys: pending, ConsistentRead: consistentRead)]),
          as: Output.self, resource: "table \(table)", retrySafe: true)
        found += output.Responses?[table] ?? []
        pending = output.UnprocessedKeys?[table]?.Keys ?? []
        guard !pending.isEmpty else { break }
        guard round < maxRounds else {
          throw LisaError(
            .unavailable, "dynamodb:BatchGetItem on table \(table): \(pending.count) keys still unprocessed after \(round) rounds",
            hint: "the table is throttling reads; run the command again to continue")
        }
        try await retry.sleep(retry.delay(beforeRetry: round))
      }
      start += Self.batchGetLimit
    }
    return found
  }
}
