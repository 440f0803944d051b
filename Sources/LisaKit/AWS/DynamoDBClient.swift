import Foundation

/// DynamoDB over the JSON 1.0 protocol: items, tables, and (in extensions) scans, queries and batch writes.
public struct DynamoDBClient: Sendable {
  public let client: AWSJSONClient

  public init(client: AWSJSONClient) {
    self.client = client
  }

  public init(sender: AWSRequestSender) {
    client = AWSJSONClient(sender: sender)
  }

  var retry: AWSRetryPolicy { client.sender.retry }

  // MARK: items

  public func getItem(table: String, key: DynamoDBItem, consistentRead: Bool = false) async throws -> DynamoDBItem? {
    struct Input: Encodable {
      var TableName: String
      var Key: DynamoDBItem
      var ConsistentRead: Bool
    }
    struct Output: Decodable { var Item: DynamoDBItem? }
    let input = Input(TableName: table, Key: key, ConsistentRead: consistentRead)
    return try await client.call("GetItem", input, as: Output.self, resource: "table \(table)", retrySafe: true).Item
  }

  /// Writes `item`. With a `condition` that is false, throws `DynamoDBConditionalCheckFailed`.
  /// `retrySafe`: repeating this put after it may have succeeded does no harm (e.g. the condition
  /// is `attribute_not_exists`, and the caller reads a later conditional failure as "already written").
  public func putItem(
    table: String, item: DynamoDBItem, condition: DynamoDBExpression? = nil, retrySafe: Bool = false
  ) async throws {
    try await conditionalWrite("PutItem", ConditionalWrite(TableName: table, Item: item), condition, retrySafe: retrySafe)
  }

  /// Deletes the item with `key`; deleting a missing item succeeds. An unconditional delete is
  /// idempotent, so it is retried unless the caller says otherwise.
  public func deleteItem(
    table: String, key: DynamoDBItem, condition: DynamoDBExpression? = nil, retrySafe: Bool = true
  ) async throws {
    try await conditionalWrite("DeleteItem", ConditionalWrite(TableName: table, Key: key), condition, retrySafe: retrySafe)
  }

  // MARK: tables

  public func describeTable(_ table: String) async throws -> DynamoDBTableDescription {
    struct Input: Encodable { var TableName: String }
    struct Output: Decodable { var Table: DynamoDBTableDescription }
    return try await client.call(
      "DescribeTable", Input(TableName: table), as: Output.self, resource: "table \(table)", retrySafe: true
    )
    .Table
  }

  /// Creates an on-demand table. Not retried after a possible success: a repeat would fail as "in use".
  @discardableResult
  public func createTable(_ definition: DynamoDBTableDefinition) async throws -> DynamoDBTableDescription {
    struct AllProjection: Encodable { var ProjectionType = "ALL" }
    struct Index: Encodable {
      var IndexName: String
      var KeySchema: [DynamoDBKeyElement]
      var Projection = AllProjection()
    }
    struct Input: Encodable {
      var TableName: String
      var AttributeDefinitions: [DynamoDBAttributeDefinition]
      var KeySchema: [DynamoDBKeyElement]
      var BillingMode = "PAY_PER_REQUEST"
      var GlobalSecondaryIndexes: [Index]?
    }
    struct Output: Decodable { var TableDescription: DynamoDBTableDescription }
    var attributes: [DynamoDBAttributeDefinition] = []
    func define(_ attribute: DynamoDBAttributeDefinition?) {
      guard let attribute, !attributes.contains(where: { $0.attributeName == attribute.attributeName }) else { return }
      attributes.append(attribute)
    }
    func schema(_ hash: DynamoDBAttributeDefinition, _ range: DynamoDBAttributeDefinition?) -> [DynamoDBKeyElement] {
      [DynamoDBKeyElement(attributeName: hash.attributeName, keyType: "HASH")]
        + (range.map { [DynamoDBKeyElement(attributeName: $0.attributeName, keyType: "RANGE")] } ?? [])
    }
    define(definition.partitionKey)
    define(definition.sortKey)
    let indexes = definition.indexes.map { index -> Index in
      define(index.partitionKey)
      define(index.sortKey)
      return Index(IndexName: index.name, KeySchema: schema(index.partitionKey, index.sortKey))
    }
    let input = Input(
      TableName: definition.tableName, AttributeDefinitions: attributes,
      KeySchema: schema(definition.partitionKey, definition.sortKey), GlobalSecondaryIndexes: indexes.isEmpty ? nil : indexes)
    return try await client.call(
      "CreateTable", input, as: Output.self, resource: "table \(definition.tableName)", retrySafe: false
    ).TableDescription
  }

  public func deleteTable(_ table: String) async throws {
    struct Input: Encodable { var TableName: String }
    _ = try await client.callRaw("DeleteTable", Input(TableName: table), resource: "table \(table)", retrySafe: false)
  }

  /// Polls DescribeTable until the table and its indexes are ACTIVE, or `timeout` seconds pass.
  @discardableResult
  public func waitUntilActive(
    _ table: String, timeout: TimeInterval = 300, interval: TimeInterval = 2
  ) async throws
    -> DynamoDBTableDescription
  {
    var waited: TimeInterval = 0
    while true {
      let description = try await describeTable(table)
      let indexesActive = description.globalSecondaryIndexes.allSatisfy { ($0.indexStatus ?? "ACTIVE") == "ACTIVE" }
      if description.tableStatus == "ACTIVE" && indexesActive { return description }
      guard waited < timeout else {
        throw LisaError(.unavailable, "table \(table) is still \(description.tableStatus) after \(Int(timeout)) s")
      }
      try await retry.sleep(interval)
      waited += interval
    }
  }

  // MARK: helpers

  static let conditionalCheckFailed = "ConditionalCheckFailedException"

  /// PutItem or DeleteItem input: the item or its key, and an optional condition.
  private struct ConditionalWrite: Encodable {
    var TableName: String
    var Item: DynamoDBItem?
    var Key: DynamoDBItem?
    var ConditionExpression: String?
    var ExpressionAttributeNames: [String: String]?
    var ExpressionAttributeValues: DynamoDBItem?
  }

  private func conditionalWrite(
    _ operation: String, _ write: ConditionalWrite, _ condition: DynamoDBExpression?, retrySafe: Bool
  ) async throws {
    var input = write
    input.ConditionExpression = condition?.expression
    input.ExpressionAttributeNames = Self.nonEmpty(condition?.names)
    input.ExpressionAttributeValues = Self.nonEmpty(condition?.values)
    do {
      _ = try await client.callRaw(
        operation, input, resource: "table \(write.TableName)", retrySafe: retrySafe, passthrough: [Self.conditionalCheckFailed])
    } catch let error as AWSServiceError where error.code == Self.conditionalCheckFailed {
      throw DynamoDBConditionalCheckFailed(table: write.TableName, operation: operation)
    }
  }

  static func nonEmpty<Value>(_ dictionary: [String: Value]?) -> [String: Value]? {
    guard let dictionary, !dictionary.isEmpty else { return nil }
    return dictionary
  }
}
