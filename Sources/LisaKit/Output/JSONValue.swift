import Foundation

/// An ordered JSON value: the one view model every renderer (json, jsonl, yaml, table, id) reads.
/// Object keys keep insertion order, so JSON output is stable across runs.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number kept as its source text (`1.10` stays `1.10`).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }
  public static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  public subscript(key: String) -> JSONValue? {
    if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
    return nil
  }

  /// Plain text for tables and `-o id`: strings without quotes, lists comma-joined.
  public var plainText: String {
    switch self {
    case .null: ""
    case .bool(let b): b ? "true" : "false"
    case .number(let n): n
    case .string(let s): s
    case .array(let items): items.map(\.plainText).joined(separator: ",")
    case .object: JSONWriter.compact(self)
    }
  }
}

extension YAMLNode {
  /// JSON keeps each scalar's text: numbers that are valid JSON numbers stay numbers with their own
  /// digits; anything JSON cannot spell as a number (`012345678901`, `0x1F`, `.inf`) stays a string.
  public var json: JSONValue {
    switch self {
    case .mapping(let m): return .object(m.entries.map { ($0.key, $0.value.json) })
    case .sequence(let s): return .array(s.items.map { $0.value.json })
    case .scalar(let s):
      switch s.resolved {
      case .null: return .null
      case .bool(let b): return .bool(b)
      case .int, .float: return JSONWriter.isJSONNumber(s.text) ? .number(s.text) : .string(s.text)
      case .string(let text): return .string(text)
      }
    }
  }
}
