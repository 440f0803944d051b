import Foundation

extension DynamoDBClient {
  /// DynamoDB returns at most 100 items per BatchGetItem.
  public static let batchGetLimit = 100

  /// The items stored under `keys` (missing keys are simply absent), 100 keys per call, asking again
  /// for `UnprocessedKeys` with backoff until none are left. With `attributes`, only those attributes of each
  /// item come back (a ProjectionExpression); they must include the key's for the items to be told apart.
  public func batchGet(
    table: String, keys: [DynamoDBItem], attributes: [String]? = nil, consistentRead: Bool = true, maxRounds: Int = 12
  ) async throws -> [DynamoDBItem] {
    struct KeysAndAttributes: Codable {
      var Keys: [DynamoDBItem]
      var ConsistentRead: Bool?
      var ProjectionExpression: String?
      var ExpressionAttributeNames: [String: String]?
    }
    struct Input: Encodable { var RequestItems: [String: KeysAndAttributes] }
    struct Output: Decodable {
      var Responses: [String: [DynamoDBItem]]?
      var UnprocessedKeys: [String: KeysAndAttributes]?
    }
    // Placeholders, not the names themselves: a name may be one of DynamoDB's reserved words.
    let placeholders = attributes?.indices.map { "#p\($0)" }
    let projection = placeholders?.joined(separator: ", ")
    let projectedNames = placeholders.map { Dictionary(uniqueKeysWithValues: zip($0, attributes ?? [])) }
    var found: [DynamoDBItem] = []
    var start = 0
    while start < keys.count {
      let chunk = Array(keys[start..<min(start + Self.batchGetLimit, keys.count)])
      try await sendUntilProcessed(
        chunk, maxRounds: maxRounds,
        stillUnprocessed: { count, rounds in
          LisaError(
            .unavailable, "dynamodb:BatchGetItem on table \(table): \(count) keys still unprocessed after \(rounds) rounds",
            hint: "the table is throttling reads; run the command again to continue")
        }
      ) { pending in
        let output = try await client.call(
          "BatchGetItem",
          Input(RequestItems: [
            table: KeysAndAttributes(
              Keys: pending, ConsistentRead: consistentRead, ProjectionExpression: projection,
              ExpressionAttributeNames: projectedNames)
          ]),
          as: Output.self, resource: "table \(table)", retrySafe: true)
        found += output.Responses?[table] ?? []
        return output.UnprocessedKeys?[table]?.Keys ?? []
      }
      start += Self.batchGetLimit
    }
    return found
  }

  /// The items whose string key `attribute` is one of `values`, by that value; with `projecting`, only those
  /// attributes of each (the key's is added).
  public func batchGet(
    table: String, attribute: String, values: [String], projecting: [String]? = nil, consistentRead: Bool = true
  ) async throws -> [String: DynamoDBItem] {
    let attributes = projecting.map { $0.contains(attribute) ? $0 : [attribute] + $0 }
    let items = try await batchGet(
      table: table, keys: values.map { [attribute: .s($0)] }, attributes: attributes, consistentRead: consistentRead)
    return Dictionary(
      items.compactMap { item in item[attribute]?.stringValue.map { ($0, item) } }, uniquingKeysWith: { first, _ in first })
  }
}
