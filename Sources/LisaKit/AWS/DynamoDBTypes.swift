import Foundation

/// A key attribute in a key schema: HASH (partition) or RANGE (sort).
public struct DynamoDBKeyElement: Codable, Sendable, Equatable {
  public var attributeName: String
  public var keyType: String

  public init(attributeName: String, keyType: String) {
    self.attributeName = attributeName
    self.keyType = keyType
  }

  enum CodingKeys: String, CodingKey {
    case attributeName = "AttributeName"
    case keyType = "KeyType"
  }
}

/// A key attribute's scalar type: "S", "N" or "B".
public struct DynamoDBAttributeDefinition: Codable, Sendable, Equatable {
  public var attributeName: String
  public var attributeType: String

  public init(_ attributeName: String, _ attributeType: String) {
    self.attributeName = attributeName
    self.attributeType = attributeType
  }

  enum CodingKeys: String, CodingKey {
    case attributeName = "AttributeName"
    case attributeType = "AttributeType"
  }
}

/// A global secondary index as DescribeTable reports it.
public struct DynamoDBIndexDescription: Decodable, Sendable, Equatable {
  public var indexName: String
  public var keySchema: [DynamoDBKeyElement]
  public var projectionType: String?
  public var indexStatus: String?
  public var itemCount: Int?

  enum CodingKeys: String, CodingKey {
    case indexName = "IndexName"
    case keySchema = "KeySchema"
    case projection = "Projection"
    case indexStatus = "IndexStatus"
    case itemCount = "ItemCount"
  }

  enum ProjectionKeys: String, CodingKey { case projectionType = "ProjectionType" }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    indexName = try c.decode(String.self, forKey: .indexName)
    keySchema = try c.decodeIfPresent([DynamoDBKeyElement].self, forKey: .keySchema) ?? []
    indexStatus = try c.decodeIfPresent(String.self, forKey: .indexStatus)
    itemCount = try c.decodeIfPresent(Int.self, forKey: .itemCount)
    projectionType = try? c.nestedContainer(keyedBy: ProjectionKeys.self, forKey: .projection)
      .decodeIfPresent(String.self, forKey: .projectionType)
  }

  public var partitionKey: String? { keySchema.first { $0.keyType == "HASH" }?.attributeName }
}

/// What DescribeTable says about a table. `itemCount` is refreshed by AWS about every six hours.
public struct DynamoDBTableDescription: Decodable, Sendable, Equatable {
  public var tableName: String
  public var tableStatus: String
  public var tableARN: String?
  public var itemCount: Int?
  public var sizeBytes: Int?
  public var keySchema: [DynamoDBKeyElement]
  public var attributeDefinitions: [DynamoDBAttributeDefinition]
  public var globalSecondaryIndexes: [DynamoDBIndexDescription]
  public var billingMode: String?
  public var deletionProtectionEnabled: Bool?

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
    case tableStatus = "TableStatus"
    case tableARN = "TableArn"
    case itemCount = "ItemCount"
    case sizeBytes = "TableSizeBytes"
    case keySchema = "KeySchema"
    case attributeDefinitions = "AttributeDefinitions"
    case globalSecondaryIndexes = "GlobalSecondaryIndexes"
    case billingModeSummary = "BillingModeSummary"
    case deletionProtectionEnabled = "DeletionProtectionEnabled"
  }

  enum BillingKeys: String, CodingKey { case billingMode = "BillingMode" }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    tableName = try c.decode(String.self, forKey: .tableName)
    tableStatus = try c.decodeIfPresent(String.self, forKey: .tableStatus) ?? "UNKNOWN"
    tableARN = try c.decodeIfPresent(String.self, forKey: .tableARN)
    itemCount = try c.decodeIfPresent(Int.self, forKey: .itemCount)
    sizeBytes = try c.decodeIfPresent(Int.self, forKey: .sizeBytes)
    keySchema = try c.decodeIfPresent([DynamoDBKeyElement].self, forKey: .keySchema) ?? []
    attributeDefinitions = try c.decodeIfPresent([DynamoDBAttributeDefinition].self, forKey: .attributeDefinitions) ?? []
    globalSecondaryIndexes = try c.decodeIfPresent([DynamoDBIndexDescription].self, forKey: .globalSecondaryIndexes) ?? []
    billingMode = try? c.nestedContainer(keyedBy: BillingKeys.self, forKey: .billingModeSummary)
      .decodeIfPresent(String.self, forKey: .billingMode)
    deletionProtectionEnabled = try c.decodeIfPresent(Bool.self, forKey: .deletionProtectionEnabled)
  }

  public var partitionKey: String? { keySchema.first { $0.keyType == "HASH" }?.attributeName }
  public var sortKey: String? { keySchema.first { $0.keyType == "RANGE" }?.attributeName }
  public func index(named name: String) -> DynamoDBIndexDescription? { globalSecondaryIndexes.first { $0.indexName == name } }
}

/// A table to create: on-demand billing, GSIs projecting all attributes.
public struct DynamoDBTableDefinition: Sendable, Equatable {
  public struct Index: Sendable, Equatable {
    public var name: String
    public var partitionKey: DynamoDBAttributeDefinition
    public var sortKey: DynamoDBAttributeDefinition?

    public init(name: String, partitionKey: DynamoDBAttributeDefinition, sortKey: DynamoDBAttributeDefinition? = nil) {
      self.name = name
      self.partitionKey = partitionKey
      self.sortKey = sortKey
    }
  }

  public var tableName: String
  public var partitionKey: DynamoDBAttributeDefinition
  public var sortKey: DynamoDBAttributeDefinition?
  public var indexes: [Index]

  public init(
    tableName: String, partitionKey: DynamoDBAttributeDefinition, sortKey: DynamoDBAttributeDefinition? = nil,
    indexes: [Index] = []
  ) {
    self.tableName = tableName
    self.partitionKey = partitionKey
    self.sortKey = sortKey
    self.indexes = indexes
  }
}

/// A condition or filter with its `#name` and `:value` placeholders.
public struct DynamoDBExpression: Sendable, Equatable {
  public var expression: String
  public var names: [String: String]
  public var values: DynamoDBItem

  public init(_ expression: String, names: [String: String] = [:], values: DynamoDBItem = [:]) {
    self.expression = expression
    self.names = names
    self.values = values
  }
}

/// One page of Scan or Query results. `lastEvaluatedKey` is where to resume; nil when the segment is done.
public struct DynamoDBPage: Sendable, Equatable {
  public var segment: Int
  public var items: [DynamoDBItem]
  public var lastEvaluatedKey: DynamoDBItem?
  /// Items read before any filter was applied.
  public var scannedCount: Int
}

/// One entry of a BatchWriteItem: a put of a whole item or a delete by key.
public enum DynamoDBWriteRequest: Sendable, Equatable, Codable {
  case put(DynamoDBItem)
  case delete(key: DynamoDBItem)

  enum CodingKeys: String, CodingKey { case put = "PutRequest", delete = "DeleteRequest" }
  enum PutKeys: String, CodingKey { case item = "Item" }
  enum DeleteKeys: String, CodingKey { case key = "Key" }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .put(let item):
      var nested = c.nestedContainer(keyedBy: PutKeys.self, forKey: .put)
      try nested.encode(item, forKey: .item)
    case .delete(let key):
      var nested = c.nestedContainer(keyedBy: DeleteKeys.self, forKey: .delete)
      try nested.encode(key, forKey: .key)
    }
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if c.contains(.put) {
      self = .put(try c.nestedContainer(keyedBy: PutKeys.self, forKey: .put).decode(DynamoDBItem.self, forKey: .item))
    } else {
      self = .delete(
        key: try c.nestedContainer(keyedBy: DeleteKeys.self, forKey: .delete).decode(DynamoDBItem.self, forKey: .key))
    }
  }
}

/// A conditional write found its condition false. Importers treat it as "already there", so it is
/// a distinct error rather than a generic failure; `lisaError` is the line to show if it is not expected.
public struct DynamoDBConditionalCheckFailed: Error, Sendable, CustomStringConvertible {
  public var table: String
  public var operation: String

  public var description: String { "the condition on dynamodb:\(operation) to table \(table) was not met" }
  public var lisaError: LisaError { LisaError(.conflict, description) }
}
