import Foundation

public struct ConfigDiagnostic: Sendable, Equatable {
  public enum Severity: String, Sendable { case error, warning }
  public var severity: Severity
  public var path: String
  public var message: String
  public var location: SourceLocation?

  /// `file:line:col: error: path: message`, one line.
  public var line: String {
    var text = location.map { $0.description + ": " } ?? ""
    text += "\(severity.rawValue): "
    if !path.isEmpty { text += "\(path): " }
    return LisaError.singleLine(text + message)
  }

  public var json: JSONValue {
    .object([
      ("severity", .string(severity.rawValue)), ("path", .string(path)), ("message", .string(message)),
      ("file", .optional(location?.file)), ("line", location?.line.map { .int($0) } ?? .null),
      ("column", location?.column.map { .int($0) } ?? .null),
    ])
  }
}

/// Checks a merged config against `LisaConfigSchema` the way zod would, then LISA's refinements,
/// then the extra warnings `lisa` adds (keys zod would silently drop, known-bad values).
public struct ConfigValidator {
  public private(set) var diagnostics: [ConfigDiagnostic] = []

  public static func validate(_ root: YAMLNode) -> [ConfigDiagnostic] {
    var validator = ConfigValidator()
    validator.check(root, against: LisaConfigSchema.root, path: "", parentLocation: root.location)
    if let mapping = root.mapping { validator.refine(mapping, root: root) }
    return validator.diagnostics
  }

  mutating func error(_ path: String, _ message: String, at location: SourceLocation?) {
    diagnostics.append(ConfigDiagnostic(severity: .error, path: path, message: message, location: location))
  }

  mutating func warn(_ path: String, _ message: String, at location: SourceLocation?) {
    diagnostics.append(ConfigDiagnostic(severity: .warning, path: path, message: message, location: location))
  }

  static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  // MARK: Shapes

  mutating func check(_ node: YAMLNode, against shape: SchemaShape, path: String, parentLocation: SourceLocation?) {
    let location = node.location ?? parentLocation
    func mismatch() { error(path, "expected \(shape.expected), found \(describe(node))", at: location) }
    switch shape {
    case .any:
      return
    case .string(let rules):
      guard case .scalar(let s) = node, case .string(let text) = s.resolved else { return mismatch() }
      if let prefix = rules.prefix, !text.hasPrefix(prefix) { error(path, "must start with \"\(prefix)\"", at: location) }
      if let max = rules.maxLength, text.count > max {
        error(path, "must be at most \(max) characters (is \(text.count))", at: location)
      }
      if rules.nonEmpty && text.isEmpty { error(path, "must not be empty", at: location) }
    case .number(let rules):
      guard case .scalar(let s) = node, s.resolved.isNumber, let value = s.resolved.doubleValue else { return mismatch() }
      if rules.integer && value.rounded() != value { error(path, "must be an integer", at: location) }
      if let min = rules.min, value < min { error(path, "must be at least \(Self.number(min)) (is \(s.text))", at: location) }
      if let max = rules.max, value > max { error(path, "must be at most \(Self.number(max)) (is \(s.text))", at: location) }
    case .boolean:
      guard case .scalar(let s) = node, case .bool = s.resolved else {
        if case .scalar(let s) = node, ["yes", "no", "on", "off", "y", "n"].contains(s.text.lowercased()), s.style == .plain {
          return error(
            path, "expected true or false, found '\(s.text)' (LISA reads YAML 1.2, where '\(s.text)' is a string)", at: location)
        }
        return mismatch()
      }
    case .oneOf(let values):
      guard case .scalar(let s) = node, case .string(let text) = s.resolved, values.contains(text) else {
        let hint = node.scalar.flatMap { s in values.first { $0.lowercased() == s.text.lowercased() } }
        return error(
          path, "expected \(shape.expected), found \(describe(node))" + (hint.map { " (did you mean '\($0)'?)" } ?? ""),
          at: location)
      }
    case .array(let item, let minItems):
      guard case .sequence(let seq) = node else { return mismatch() }
      if seq.items.count < minItems {
        error(path, "must have at least \(minItems) item\(minItems == 1 ? "" : "s")", at: location)
      }
      for (i, element) in seq.items.enumerated() {
        check(element.value, against: item, path: "\(path)[\(i)]", parentLocation: location)
      }
    case .record(let value):
      guard case .mapping(let map) = node else { return mismatch() }
      for entry in map.entries {
        check(entry.value, against: value, path: Self.join(path, entry.key), parentLocation: entry.keyLocation ?? location)
      }
    case .object(let fields):
      guard case .mapping(let map) = node else { return mismatch() }
      checkObject(map, fields: fields, path: path, location: location)
    case .union(let shapes):
      checkUnion(node, shapes: shapes, path: path, location: location)
    }
  }

  mutating func checkObject(_ map: YAMLMapping, fields: [SchemaField], path: String, location: SourceLocation?) {
    let byKey = Dictionary(map.entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    for field in fields {
      let fieldPath = Self.join(path, field.name)
      guard let entry = byKey[field.name] else {
        if field.presence == .required { error(fieldPath, "required key is missing", at: location) }
        continue
      }
      if entry.value.isNull {
        if field.presence != .nullable {
          error(fieldPath, "expected \(field.shape.expected), found null (an empty value)", at: entry.keyLocation)
        }
        continue
      }
      check(entry.value, against: field.shape, path: fieldPath, parentLocation: entry.keyLocation)
    }
    let known = fields.map(\.name)
    let knownSet = Set(known)
    let suggester = KeySuggester(known)
    for entry in map.entries where !knownSet.contains(entry.key) {
      let entryPath = Self.join(path, entry.key)
      var message = "not in LISA's schema; LISA drops it silently"
      if let retired = LisaConfigSchema.retiredKeys[entryPath] { message += " (\(retired))" }
      if let suggestion = suggester.suggest(entry.key) { message += "; did you mean '\(suggestion)'?" }
      warn(entryPath, message, at: entry.keyLocation)
    }
  }

  mutating func checkUnion(
    _ node: YAMLNode, shapes: [SchemaShape], path: String, location: SourceLocation?
  ) {
    var attempts: [[ConfigDiagnostic]] = []
    for shape in shapes {
      var trial = ConfigValidator()
      trial.check(node, against: shape, path: path, parentLocation: location)
      let errors = trial.diagnostics.filter { $0.severity == .error }
      if errors.isEmpty {
        diagnostics += trial.diagnostics
        return
      }
      attempts.append(trial.diagnostics)
    }
    // Objects told apart by a `type` field: report the branch whose type matches.
    if let type = node.mapping?["type"]?.scalar?.text,
      let index = shapes.firstIndex(where: { Self.typeLiteral(of: $0) == type })
    {
      diagnostics += attempts[index]
    } else if node.mapping != nil, shapes.allSatisfy({ Self.typeLiteral(of: $0) != nil }) {
      let types = shapes.compactMap(Self.typeLiteral(of:)).map { "'\($0)'" }.joined(separator: ", ")
      error(Self.join(path, "type"), "expected one of \(types)", at: location)
    } else if node.mapping != nil, let closest = attempts.min(by: { $0.count < $1.count }) {
      diagnostics += closest
    } else {
      error(path, "expected \(SchemaShape.union(shapes).expected), found \(describe(node))", at: location)
    }
  }

  static func typeLiteral(of shape: SchemaShape) -> String? {
    guard case .object(let fields) = shape, let type = fields.first(where: { $0.name == "type" }),
      case .oneOf(let values) = type.shape, values.count == 1
    else { return nil }
    return values[0]
  }

  func describe(_ node: YAMLNode) -> String {
    switch node {
    case .scalar(let s):
      if case .null = s.resolved { return "null (an empty value)" }
      let text = s.text.count > 40 ? String(s.text.prefix(40)) + "…" : s.text
      return "\(s.resolved.kindDescription) '\(text)'"
    default: return node.kindDescription
    }
  }

  static func number(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// A known key close enough to `key` to be a typo of it (see `KeySuggester`).
  public static func suggest(_ key: String, among candidates: [String]) -> String? {
    KeySuggester(candidates).suggest(key)
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var beforePrevious: [Int] = []
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      beforePrevious = previous
      previous = current
    }
    return previous[b.count]
  }
}

/// Suggests the known key a misspelt one meant: the same letters ignoring case and `_`/`-`
/// (`dbKey` → `db_key`), or at most one edit per four letters, a swap of neighbours counting as one
/// (`deploymentNmae`). Whole words differing (`modelType` and `modelName`) are not typos. The known
/// keys are prepared once, so a file with thousands of unknown keys is checked in linear time.
public struct KeySuggester: Sendable {
  let candidates: [(name: String, lowered: String, normalized: String)]
  let byNormalized: [String: String]

  public init(_ names: [String]) {
    candidates = names.map { ($0, $0.lowercased(), Self.normalized($0)) }
    byNormalized = Dictionary(candidates.map { ($0.normalized, $0.name) }, uniquingKeysWith: { first, _ in first })
  }

  static func normalized(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" } }

  public func suggest(_ key: String) -> String? {
    if let same = byNormalized[Self.normalized(key)] { return same }
    let allowed = max(1, min(3, key.count / 4))
    let lowered = key.lowercased()
    // Names whose lengths differ by more than the allowed edits cannot be close: skip them unmeasured.
    let scored = candidates.filter { abs($0.name.count - key.count) <= allowed }.map {
      ($0.name, ConfigValidator.editDistance(lowered, $0.lowered))
    }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= allowed else { return nil }
    return best.0
  }
}
