import Foundation

/// A DynamoDB attribute value, in the wire shape `{"S": "x"}`, `{"N": "1"}`, `{"B": "<base64>"}`, ….
/// Numbers stay strings so no digit is lost between tables.
public indirect enum DynamoDBValue: Sendable, Hashable {
  case s(String)
  case n(String)
  case b(Data)
  case bool(Bool)
  case null
  case l([DynamoDBValue])
  case m([String: DynamoDBValue])
  case ss([String])
  case ns([String])
  case bs([Data])

  public static func number(_ value: Int) -> DynamoDBValue { .n(String(value)) }

  public var stringValue: String? {
    if case .s(let value) = self { return value }
    return nil
  }

  /// The number's text, as stored.
  public var numberText: String? {
    if case .n(let value) = self { return value }
    return nil
  }

  public var intValue: Int? { numberText.flatMap { Int($0) } }

  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  public var listValue: [DynamoDBValue]? {
    if case .l(let value) = self { return value }
    return nil
  }

  public var mapValue: [String: DynamoDBValue]? {
    if case .m(let value) = self { return value }
    return nil
  }

  /// The type descriptor: "S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS".
  public var typeName: String {
    switch self {
    case .s: "S"
    case .n: "N"
    case .b: "B"
    case .bool: "BOOL"
    case .null: "NULL"
    case .l: "L"
    case .m: "M"
    case .ss: "SS"
    case .ns: "NS"
    case .bs: "BS"
    }
  }
}

/// One item: attribute name to value.
public typealias DynamoDBItem = [String: DynamoDBValue]

extension DynamoDBValue: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = .s(value) }
}

extension DynamoDBValue: Codable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    let key = Key(typeName)
    switch self {
    case .s(let value), .n(let value): try container.encode(value, forKey: key)
    case .b(let value): try container.encode(value.base64EncodedString(), forKey: key)
    case .bool(let value): try container.encode(value, forKey: key)
    case .null: try container.encode(true, forKey: key)
    case .l(let value): try container.encode(value, forKey: key)
    case .m(let value): try container.encode(value, forKey: key)
    case .ss(let value), .ns(let value): try container.encode(value, forKey: key)
    case .bs(let value): try container.encode(value.map { $0.base64EncodedString() }, forKey: key)
    }
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    guard container.allKeys.count == 1, let key = container.allKeys.first else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "an attribute value has exactly one type key, found \(container.allKeys.count)"))
    }
    func binary(_ text: String) throws -> Data {
      guard let data = Data(base64Encoded: text) else {
        throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "binary value is not base64")
      }
      return data
    }
    switch key.stringValue {
    case "S": self = .s(try container.decode(String.self, forKey: key))
    case "N": self = .n(try container.decode(String.self, forKey: key))
    case "B": self = .b(try binary(try container.decode(String.self, forKey: key)))
    case "BOOL": self = .bool(try container.decode(Bool.self, forKey: key))
    case "NULL": self = .null
    case "L": self = .l(try container.decode([DynamoDBValue].self, forKey: key))
    case "M": self = .m(try container.decode([String: DynamoDBValue].self, forKey: key))
    case "SS": self = .ss(try container.decode([String].self, forKey: key))
    case "NS": self = .ns(try container.decode([String].self, forKey: key))
    case "BS": self = .bs(try container.decode([String].self, forKey: key).map(binary))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: key, in: container, debugDescription: "unknown attribute type '\(key.stringValue)'")
    }
  }
}
