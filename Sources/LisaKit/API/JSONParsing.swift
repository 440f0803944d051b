import Foundation

extension JSONValue {
  /// Parses RFC 8259 JSON, keeping key order and each number's text, so a response can be shown,
  /// diffed and written back without reformatting. A repeated key keeps its first place and its
  /// last value, as Python's `json` does.
  public static func parse(_ data: Data, source: String) throws -> JSONValue {
    var parser = JSONParser(bytes: Array(data), source: source)
    parser.skipWhitespace()
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.atEnd else { throw parser.failure("unexpected text after the JSON value") }
    return value
  }

  /// Object members as pairs, or nil for anything else.
  public var objectPairs: [(String, JSONValue)]? {
    if case .object(let pairs) = self { return pairs }
    return nil
  }

  public var arrayItems: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  public var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  /// An integer number, also when written with a zero fraction (`3.0`).
  public var intValue: Int? {
    guard case .number(let text) = self else { return nil }
    if let exact = Int(text) { return exact }
    guard let double = Double(text), double.rounded() == double, abs(double) < 9e15 else { return nil }
    return Int(double)
  }

  public var isNull: Bool { self == .null }

  /// A copy with `key` set (kept in place when present, appended otherwise) or removed when nil.
  public func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
    guard case .object(var pairs) = self else { return self }
    if let index = pairs.firstIndex(where: { $0.0 == key }) {
      if let value { pairs[index].1 = value } else { pairs.remove(at: index) }
    } else if let value {
      pairs.append((key, value))
    }
    return .object(pairs)
  }
}

private struct JSONParser {
  static let maxDepth = 256
  let bytes: [UInt8]
  let source: String
  var index = 0

  init(bytes: [UInt8], source: String) {
    self.bytes = bytes
    self.source = source
  }

  var atEnd: Bool { index >= bytes.count }

  func failure(_ problem: String) -> LisaError {
    LisaError(.dataError, "\(source): not valid JSON: \(problem) at byte \(index)")
  }

  mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  mutating func value(depth: Int) throws -> JSONValue {
    guard depth < Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth) levels") }
    guard index < bytes.count else { throw failure("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
    let expected = Array(word.utf8)
    guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
      throw failure("unexpected character")
    }
    index += expected.count
    return value
  }

  mutating func object(depth: Int) throws -> JSONValue {
    index += 1
    var pairs: [(String, JSONValue)] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(pairs)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
      let key = try string()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
      index += 1
      skipWhitespace()
      let item = try value(depth: depth + 1)
      if let existing = pairs.firstIndex(where: { $0.0 == key }) { pairs[existing].1 = item } else { pairs.append((key, item)) }
      skipWhitespace()
      guard index < bytes.count else { throw failure("unexpected end of input in an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
      index += 1
      return .object(pairs)
    }
  }

  mutating func array(depth: Int) throws -> JSONValue {
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try value(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw failure("unexpected end of input in an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
      index += 1
      return .array(items)
    }
  }

  mutating func string() throws -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var run = index
    func flush(_ end: Int) throws {
      guard run < end else { return }
      guard let text = String(bytes: bytes[run..<end], encoding: .utf8) else { throw failure("invalid UTF-8 in a string") }
      scalars.append(contentsOf: text.unicodeScalars)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        try flush(index)
        index += 1
        return String(scalars)
      }
      if byte < 0x20 { throw failure("control character in a string") }
      if byte == UInt8(ascii: "\\") {
        try flush(index)
        index += 1
        scalars.append(try escape())
        run = index
        continue
      }
      index += 1
    }
    throw failure("unterminated string")
  }

  mutating func escape() throws -> Unicode.Scalar {
    guard index < bytes.count else { throw failure("unterminated escape") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try hex4()
      if (0xD800..<0xDC00).contains(high) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
          throw failure("lone surrogate in \\u escape")
        }
        index += 2
        let low = try hex4()
        guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid surrogate pair") }
        let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        guard let scalar = Unicode.Scalar(combined) else { throw failure("invalid \\u escape") }
        return scalar
      }
      guard let scalar = Unicode.Scalar(high) else { throw failure("lone surrogate in \\u escape") }
      return scalar
    default:
      throw failure("invalid escape")
    }
  }

  mutating func hex4() throws -> UInt32 {
    guard bytes.count - index >= 4, let text = String(bytes: bytes[index..<index + 4], encoding: .ascii),
      let value = UInt32(text, radix: 16)
    else { throw failure("invalid \\u escape") }
    index += 4
    return value
  }

  mutating func number() throws -> JSONValue {
    let start = index
    while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
    guard index > start, let text = String(bytes: bytes[start..<index], encoding: .ascii), JSONWriter.isJSONNumber(text) else {
      index = start
      throw failure("unexpected character")
    }
    return .number(text)
  }
}
