import Foundation

/// How plans compare a file with a deployment (`models apply`, `rag repos apply`): equal in meaning, not in
/// spelling. LISA hands numbers back as it stored them (`512.0` for `512`, docs/lisa/rag-api.md#repository),
/// so numbers compare by value; object keys compare regardless of order; null equals missing.
public enum JSONComparison {
  public static func same(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
    let a = a.flatMap { $0.isNull ? nil : $0 }
    let b = b.flatMap { $0.isNull ? nil : $0 }
    switch (a, b) {
    case (nil, nil): return true
    case (.number(let x)?, .number(let y)?): return x == y || (Double(x) != nil && Double(x) == Double(y))
    case (.array(let x)?, .array(let y)?): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case (.object(let x)?, .object(let y)?):
      let keys = Set(x.filter { !$0.1.isNull }.map(\.0)).union(y.filter { !$0.1.isNull }.map(\.0))
      return keys.allSatisfy { key in same(x.first { $0.0 == key }?.1, y.first { $0.0 == key }?.1) }
    case (let x?, let y?): return x == y
    default: return false
    }
  }

  /// Whether `current` holds everything `desired` says: keys the file leaves out are not managed, lists are
  /// compared item by item and must be as long. `defaults` are what LISA fills in for a key left out of a
  /// list item (a pipeline's `autoRemove: true`).
  public static func covers(_ desired: JSONValue, _ current: JSONValue?, defaults: [String: JSONValue] = [:]) -> Bool {
    switch desired {
    case .object(let pairs):
      guard let current, current.objectPairs != nil else { return pairs.allSatisfy { $0.1.isNull } }
      return pairs.allSatisfy { key, value in
        covers(value, current[key] ?? defaults[key], defaults: defaults)
      }
    case .array(let items):
      guard let existing = current?.arrayItems, existing.count == items.count else { return false }
      return zip(items, existing).allSatisfy { covers($0, $1, defaults: defaults) }
    default:
      return same(desired, current)
    }
  }

  /// A number LISA stored as a float written as the integer it is (`512.0` → `512`), everywhere in `value`.
  public static func integral(_ value: JSONValue) -> JSONValue {
    switch value {
    case .number(let text):
      guard Int(text) == nil, let whole = value.intValue else { return value }
      return .int(whole)
    case .array(let items): return .array(items.map(integral))
    case .object(let pairs): return .object(pairs.map { ($0.0, integral($0.1)) })
    default: return value
    }
  }
}
