import Foundation

public enum JSONWriter {
  public static func pretty(_ value: JSONValue) -> String {
    var out = ""
    write(value, indent: 0, pretty: true, into: &out)
    return out
  }

  public static func compact(_ value: JSONValue) -> String {
    var out = ""
    write(value, indent: 0, pretty: false, into: &out)
    return out
  }

  private static func write(_ value: JSONValue, indent: Int, pretty: Bool, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += n
    case .string(let s): out += quote(s)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
        write(item, indent: indent + 1, pretty: pretty, into: &out)
      }
      if pretty { out += "\n" + String(repeating: "  ", count: indent) }
      out += "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (i, (key, item)) in pairs.enumerated() {
        if i > 0 { out += "," }
        if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
        out += quote(key) + (pretty ? ": " : ":")
        write(item, indent: indent + 1, pretty: pretty, into: &out)
      }
      if pretty { out += "\n" + String(repeating: "  ", count: indent) }
      out += "}"
    }
  }

  public static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// RFC 8259 number grammar.
  public static func isJSONNumber(_ text: String) -> Bool {
    var chars = Substring(text)
    if chars.first == "-" { chars = chars.dropFirst() }
    guard let first = chars.first, first.isASCII, first.isNumber else { return false }
    if first == "0" {
      chars = chars.dropFirst()
    } else {
      chars = chars.drop { $0.isASCII && $0.isNumber }
    }
    if chars.first == "." {
      chars = chars.dropFirst()
      let rest = chars.drop { $0.isASCII && $0.isNumber }
      guard rest.count < chars.count else { return false }
      chars = rest
    }
    if chars.first == "e" || chars.first == "E" {
      chars = chars.dropFirst()
      if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
      let rest = chars.drop { $0.isASCII && $0.isNumber }
      guard rest.count < chars.count else { return false }
      chars = rest
    }
    return chars.isEmpty
  }
}
