import Foundation

/// A small description language for the parts of LISA's zod schema `lisa` checks. It mirrors zod's
/// behaviour: unknown object keys are dropped (reported here as warnings), `default`/`optional`
/// accept a missing key but not YAML null, and only `nullish` fields accept null.
public indirect enum SchemaShape: Sendable {
  case string(StringRules = StringRules())
  case number(NumberRules = NumberRules())
  case boolean
  case oneOf([String])
  case object([SchemaField])
  case array(SchemaShape, minItems: Int = 0)
  /// Any string key; values of the given shape.
  case record(SchemaShape)
  case union([SchemaShape])
  case any

  var expected: String {
    switch self {
    case .string: "a string"
    case .number(let rules): rules.integer ? "an integer" : "a number"
    case .boolean: "true or false"
    case .oneOf(let values): "one of " + values.map { "'\($0)'" }.joined(separator: ", ")
    case .object, .record: "a mapping"
    case .array: "a list"
    case .union(let shapes): shapes.map(\.expected).joined(separator: " or ")
    case .any: "any value"
    }
  }
}

public struct StringRules: Sendable {
  public var prefix: String?
  public var maxLength: Int?
  public var nonEmpty = false
  public init(prefix: String? = nil, maxLength: Int? = nil, nonEmpty: Bool = false) {
    self.prefix = prefix
    self.maxLength = maxLength
    self.nonEmpty = nonEmpty
  }
}

public struct NumberRules: Sendable {
  public var min: Double?
  public var max: Double?
  public var integer = false
  public init(min: Double? = nil, max: Double? = nil, integer: Bool = false) {
    self.min = min
    self.max = max
    self.integer = integer
  }
}

public struct SchemaField: Sendable {
  public enum Presence: Sendable {
    /// Must be present (zod: no `.optional()` and no `.default()`).
    case required
    /// May be missing (zod: `.optional()` or `.default(...)`); null is still rejected.
    case optional
    /// May be missing or null (zod: `.nullish()`).
    case nullable
  }

  public var name: String
  public var shape: SchemaShape
  public var presence: Presence

  public init(_ name: String, _ shape: SchemaShape, _ presence: Presence = .optional) {
    self.name = name
    self.shape = shape
    self.presence = presence
  }
}

/// Builders that keep the schema table readable.
extension SchemaShape {
  static let str = SchemaShape.string()
  static let bool = SchemaShape.boolean
  static let num = SchemaShape.number()
  static let int = SchemaShape.number(NumberRules(integer: true))
  static func num(min: Double? = nil, max: Double? = nil) -> SchemaShape { .number(NumberRules(min: min, max: max)) }
  static func obj(_ fields: SchemaField...) -> SchemaShape { .object(fields) }
  static let strings = SchemaShape.array(.string())
}

extension SchemaField {
  static func req(_ name: String, _ shape: SchemaShape) -> SchemaField { SchemaField(name, shape, .required) }
  static func opt(_ name: String, _ shape: SchemaShape) -> SchemaField { SchemaField(name, shape, .optional) }
  static func nullish(_ name: String, _ shape: SchemaShape) -> SchemaField { SchemaField(name, shape, .nullable) }
}
