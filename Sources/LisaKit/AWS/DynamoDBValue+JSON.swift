import Foundation

extension DynamoDBValue {
  /// The value as plain JSON, the way boto3's resource layer hands items to LISA's handlers: maps as
  /// objects (keys sorted, since DynamoDB keeps no order), sets and lists as arrays, numbers as their text,
  /// binary as base64.
  public var plainJSON: JSONValue {
    switch self {
    case .s(let text): .string(text)
    case .n(let text): .number(text)
    case .b(let data): .string(data.base64EncodedString())
    case .bool(let flag): .bool(flag)
    case .null: .null
    case .l(let items): .array(items.map(\.plainJSON))
    case .m(let map): .object(map.sorted { $0.key < $1.key }.map { ($0.key, $0.value.plainJSON) })
    case .ss(let texts): .array(texts.map { .string($0) })
    case .ns(let texts): .array(texts.map { .number($0) })
    case .bs(let items): .array(items.map { .string($0.base64EncodedString()) })
    }
  }
}
