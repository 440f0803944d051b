import Foundation

/// A plain scalar's meaning under the YAML 1.2 core schema as js-yaml 4 (LISA's reader) applies it.
public enum ResolvedScalar: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(String)  // canonical decimal digits with sign, so `0x1F` equals `31`
  case float(Double)
  case string(String)

  public var kindDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .int, .float: "a number"
    case .string: "a string"
    }
  }

  public var isNumber: Bool {
    switch self {
    case .int, .float: true
    default: false
    }
  }

  public var doubleValue: Double? {
    switch self {
    case .int(let digits): Double(digits)
    case .float(let d): d
    default: nil
    }
  }

  public static func == (lhs: ResolvedScalar, rhs: ResolvedScalar) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.int(let a), .int(let b)): a == b
    case (.float(let a), .float(let b)): a == b || (a.isNaN && b.isNaN)
    case (.int(let a), .float(let b)), (.float(let b), .int(let a)): Double(a) == b
    case (.string(let a), .string(let b)): a == b
    default: false
    }
  }
}

public enum ScalarResolver {
  public static func resolve(_ text: String) -> ResolvedScalar {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
    case ".nan", ".NaN", ".NAN": return .float(.nan)
    default: break
    }
    if let int = integer(text) { return .int(int) }
    if let float = float(text) { return .float(float) }
    return .string(text)
  }

  /// js-yaml's integer rule: optional sign, then 0b/0o/0x forms or decimal digits (underscores allowed,
  /// leading zeros read as decimal, which is why an unquoted `012345678901` loses its zero).
  static func integer(_ text: String) -> String? {
    var body = Substring(text)
    var negative = false
    if let first = body.first, first == "-" || first == "+" {
      negative = first == "-"
      body = body.dropFirst()
    }
    guard !body.isEmpty else { return nil }
    let radix: Int
    var digits: Substring
    if body.hasPrefix("0b") {
      radix = 2
      digits = body.dropFirst(2)
    } else if body.hasPrefix("0o") {
      radix = 8
      digits = body.dropFirst(2)
    } else if body.hasPrefix("0x") {
      radix = 16
      digits = body.dropFirst(2)
    } else {
      radix = 10
      digits = body
    }
    guard !digits.isEmpty, digits.first != "_", digits.last != "_" else { return nil }
    let clean = digits.filter { $0 != "_" }
    guard !clean.isEmpty, clean.allSatisfy({ ($0.hexDigitValue ?? radix) < radix }) else { return nil }
    if radix == 10 {
      let trimmed = clean.drop { $0 == "0" }
      let magnitude = trimmed.isEmpty ? "0" : String(trimmed)
      return (negative && magnitude != "0" ? "-" : "") + magnitude
    }
    guard let value = Int(clean, radix: radix) else { return (negative ? "-" : "") + clean }
    return String(negative ? -value : value)
  }

  /// js-yaml's float rule: `[-+]?(\.[0-9]+|[0-9][0-9_]*)(\.[0-9_]*)?([eE][-+]?[0-9]+)?` (after ints failed).
  static func float(_ text: String) -> Double? {
    var chars = Array(text)
    var signed = false
    if let first = chars.first, first == "-" || first == "+" {
      chars.removeFirst()
      signed = true
    }
    guard !chars.isEmpty else { return nil }
    var i = 0
    func digits(allowUnderscore: Bool) -> Int {
      let start = i
      while i < chars.count, chars[i].isASCII, chars[i].isNumber || (allowUnderscore && chars[i] == "_") { i += 1 }
      return i - start
    }
    if chars[0] == "." {
      i = 1
      guard !signed, digits(allowUnderscore: true) > 0 else { return nil }
    } else {
      guard chars[0].isASCII, chars[0].isNumber else { return nil }
      _ = digits(allowUnderscore: true)
      if i < chars.count, chars[i] == "." {
        i += 1
        _ = digits(allowUnderscore: true)
      }
    }
    if i < chars.count, chars[i] == "e" || chars[i] == "E" {
      i += 1
      if i < chars.count, chars[i] == "-" || chars[i] == "+" { i += 1 }
      guard digits(allowUnderscore: false) > 0 else { return nil }
    }
    guard i == chars.count else { return nil }
    return Double(text.filter { $0 != "_" })
  }

  /// Whether `text` can be written as a plain scalar and read back as that same string.
  public static func isSafePlain(_ text: String) -> Bool {
    guard !text.isEmpty, resolve(text) == .string(text) else { return false }
    guard let first = text.first, !" \t".contains(first), let last = text.last, !" \t".contains(last) else { return false }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
      // `-x`, `?x` and `:x` are fine when followed by a non-space, the rest never start a plain scalar
      guard "-?:".contains(first), let second = text.dropFirst().first, !second.isWhitespace else { return false }
    }
    if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
    if text.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) }) { return false }
    if ["yes", "no", "on", "off", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"].contains(text) {
      return false  // strings to LISA, but YAML 1.1 readers (PyYAML, Yams) would turn them into booleans
    }
    if text.contains(":"), text.wholeMatch(of: /[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?/) != nil {
      return false  // YAML 1.1 base-60 numbers: PyYAML reads a schedule's 18:00 as 1080
    }
    return true
  }
}
