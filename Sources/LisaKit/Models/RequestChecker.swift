import Foundation

/// A field's place in a request: `autoScalingConfig.minCapacity`, `features[0].name`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
  public enum Part: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  public var parts: [Part]

  public init(_ parts: [Part] = []) { self.parts = parts }
  public init(_ dotted: String) { parts = dotted.split(separator: ".").map { .key(String($0)) } }

  public static let root = FieldPath()

  public func key(_ name: String) -> FieldPath { FieldPath(parts + [.key(name)]) }
  public func index(_ i: Int) -> FieldPath { FieldPath(parts + [.index(i)]) }

  public var description: String {
    var text = ""
    for part in parts {
      switch part {
      case .key(let name): text += (text.isEmpty ? "" : ".") + name
      case .index(let i): text += "[\(i)]"
      }
    }
    return text
  }
}

/// Checks a request against `FieldShape`s the way pydantic would and builds the normalised body.
/// Problems are collected (all of them, each with its field path and, for files, line and column).
public struct RequestChecker {
  public private(set) var diagnostics: [ConfigDiagnostic] = []
  let locate: (FieldPath) -> SourceLocation?
  let context: String

  /// `context` names the request kind in unknown-key warnings ("CreateModelRequest").
  public init(context: String, locate: @escaping (FieldPath) -> SourceLocation? = { _ in nil }) {
    self.context = context
    self.locate = locate
  }

  public var errors: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .error } }

  public mutating func error(_ path: FieldPath, _ message: String) {
    diagnostics.append(ConfigDiagnostic(severity: .error, path: path.description, message: message, location: locate(path)))
  }

  public mutating func warn(_ path: FieldPath, _ message: String) {
    diagnostics.append(ConfigDiagnostic(severity: .warning, path: path.description, message: message, location: locate(path)))
  }

  /// The value as LISA would accept it, or nil (with an error recorded) when it cannot be.
  public mutating func normalize(_ value: JSONValue, _ shape: FieldShape, at path: FieldPath) -> JSONValue? {
    func mismatch() -> JSONValue? {
      error(path, "expected \(shape.expected), found \(Self.describe(value))")
      return nil
    }
    switch shape {
    case .string(let nonEmpty):
      let text: String
      switch value {
      case .string(let s): text = s
      case .number(let n): text = n
      default: return mismatch()
      }
      if nonEmpty && text.isEmpty {
        error(path, "must not be empty")
        return nil
      }
      return .string(text)
    case .bool:
      guard case .bool = value else {
        if case .string(let s) = value, ["true", "false", "yes", "no", "on", "off"].contains(s.lowercased()) {
          error(path, "expected true or false, found the string '\(s)' (write true or false)")
          return nil
        }
        return mismatch()
      }
      return value
    case .integer(let min, let max):
      guard let number = Self.integer(value) else { return mismatch() }
      if let min, number < min {
        error(path, min == 1 ? "must be a positive integer (is \(number))" : "must be at least \(min) (is \(number))")
        return nil
      }
      if let max, number > max {
        error(path, "must be at most \(max) (is \(number))")
        return nil
      }
      return .int(number)
    case .decimal(let min):
      let text: String
      switch value {
      case .number(let n): text = n
      case .string(let s) where JSONWriter.isJSONNumber(s): text = s
      default: return mismatch()
      }
      if let min, let double = Double(text), double < min {
        error(path, "must be at least \(JSONWriter.isJSONNumber(String(min)) ? String(min) : "\(min)") (is \(text))")
        return nil
      }
      return .number(text)
    case .choice(let values):
      guard case .string(let text) = value else { return mismatch() }
      let wanted = text.lowercased().replacingOccurrences(of: "-", with: "_")
      guard let match = values.first(where: { $0.lowercased() == wanted }) else { return mismatch() }
      return .string(match)
    case .object(let fields):
      return normalizeObject(value, fields: fields, at: path)
    case .stringMap(let nonEmptyKeys):
      guard let pairs = value.objectPairs else { return mismatch() }
      var result: [(String, JSONValue)] = []
      for (key, item) in pairs {
        if nonEmptyKeys && key.isEmpty { error(path, "empty strings are not allowed as keys") }
        switch item {
        case .string, .number: result.append((key, .string(item.plainText)))
        case .bool(let flag): result.append((key, .string(flag ? "true" : "false")))
        default: error(path.key(key), "expected a string, found \(Self.describe(item))")
        }
      }
      return .object(result)
    case .map(let itemShape):
      guard let pairs = value.objectPairs else { return mismatch() }
      return .object(pairs.compactMap { key, item in normalize(item, itemShape, at: path.key(key)).map { (key, $0) } })
    case .list(let itemShape):
      guard let items = value.arrayItems else { return mismatch() }
      return .array(items.enumerated().compactMap { index, item in normalize(item, itemShape, at: path.index(index)) })
    case .healthCheckCommand:
      return normalizeHealthCheck(value, at: path)
    case .schedule:
      return ScheduleRules.normalize(value, at: path, checker: &self)
    case .anything:
      return value
    }
  }

  /// An object: required keys present and not null, optional nulls dropped, unknown keys reported and dropped.
  public mutating func normalizeObject(_ value: JSONValue, fields: [FieldSpec], at path: FieldPath) -> JSONValue? {
    guard let pairs = value.objectPairs else {
      error(path, "expected a mapping, found \(Self.describe(value))")
      return nil
    }
    var result: [(String, JSONValue)] = []
    let known = fields.map(\.name)
    for (key, item) in pairs {
      guard let field = fields.first(where: { $0.name == key }) else {
        var message = "not a field of \(context); LISA ignores it, so lisa does not send it"
        if let suggestion = ConfigValidator.suggest(key, among: known) { message += "; did you mean '\(suggestion)'?" }
        warn(path.key(key), message)
        continue
      }
      if item.isNull {
        if field.required { error(path.key(key), "required field is null") }
        continue
      }
      if let normalized = normalize(item, field.shape, at: path.key(key)) { result.append((key, normalized)) }
    }
    for field in fields where field.required && !pairs.contains(where: { $0.0 == field.name }) {
      error(path.key(field.name), "required field is missing")
    }
    return .object(result)
  }

  /// `healthcheck_validator.py`: a non-blank string (ECS runs it with CMD-SHELL), or a list whose
  /// first item is CMD or CMD-SHELL followed by a non-blank command.
  mutating func normalizeHealthCheck(_ value: JSONValue, at path: FieldPath) -> JSONValue? {
    switch value {
    case .string(let text):
      guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
        error(path, "the health check command must not be empty")
        return nil
      }
      return value
    case .array(let items):
      let texts = items.compactMap(\.stringValue)
      guard texts.count == items.count else {
        error(path, "every item of the health check command must be a string")
        return nil
      }
      guard let first = texts.first else {
        error(path, "the health check command list must not be empty")
        return nil
      }
      guard first == "CMD" || first == "CMD-SHELL" else {
        error(
          path,
          "a health check command list must start with 'CMD' or 'CMD-SHELL', found '\(first)' "
            + "(e.g. [CMD-SHELL, curl -f http://localhost:8080/health])"
        )
        return nil
      }
      guard texts.count >= 2, !texts[1].trimmingCharacters(in: .whitespaces).isEmpty else {
        error(path, "a health check command list needs a command after '\(first)'")
        return nil
      }
      return value
    default:
      error(path, "expected \(FieldShape.healthCheckCommand.expected), found \(Self.describe(value))")
      return nil
    }
  }

  /// LISA's capacities are positive integers; a 0 meant "scale to zero" says how to do that instead.
  mutating func explainZeroCapacity(at path: FieldPath, id: String?) {
    let text = path.description
    for index in diagnostics.indices where diagnostics[index].path == text && diagnostics[index].message.hasSuffix("(is 0)") {
      diagnostics[index].message =
        "must be a positive integer: LISA takes no 0 here (its update would skip a 0 even if the API let it through); "
        + "to scale a model to zero, stop it (lisa models stop \(id ?? "ID"))"
    }
  }

  /// LISA keeps a model in one DynamoDB item, which holds at most 400 KB: a larger request fails there with
  /// LISA's generic 500 (docs/lisa/models-api.md#routes).
  mutating func requireStorable(_ body: JSONValue) {
    let size = JSONWriter.compact(body).utf8.count
    guard size > Self.maxItemBytes else { return }
    error(
      .root,
      "the request is \(size / 1024) KB; LISA stores a model as one DynamoDB item of at most 400 KB, so it would fail "
        + "with HTTP 500 (shorten modelDescription or features)")
  }

  static let maxItemBytes = 400 * 1024

  /// Integers as pydantic accepts them from JSON: whole numbers (also `3.0`) and digit strings.
  static func integer(_ value: JSONValue) -> Int? {
    switch value {
    case .number: return value.intValue
    case .string(let text): return Int(text.trimmingCharacters(in: .whitespaces))
    default: return nil
    }
  }

  static func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number(let n): "the number \(n)"
    case .string(let s): "'\(s.count > 60 ? String(s.prefix(60)) + "…" : s)'"
    case .array: "a list"
    case .object: "a mapping"
    }
  }
}
