import Foundation

/// Writes a `YAMLNode` back as block-style YAML: two-space indents, each scalar in its original
/// style and spelling, and the comments attached to entries and items re-indented with them.
public struct YAMLEmitter {
  public var includeComments: Bool

  public init(includeComments: Bool = true) {
    self.includeComments = includeComments
  }

  public func emit(_ node: YAMLNode) -> String {
    var out = ""
    switch node {
    case .mapping(let m) where !m.entries.isEmpty: writeMapping(m, indent: 0, into: &out)
    case .sequence(let s) where !s.items.isEmpty: writeSequence(s, indent: 0, into: &out)
    default: out = inline(node) + "\n"
    }
    return out
  }

  private func writeMapping(_ mapping: YAMLMapping, indent: Int, into out: inout String, firstLinePrefix: String? = nil) {
    for (index, entry) in mapping.entries.enumerated() {
      let pad = String(repeating: " ", count: indent)
      let linePrefix = index == 0 ? (firstLinePrefix ?? pad) : pad
      if index > 0 || firstLinePrefix == nil { writeComments(entry.comments.leading, entry.comments, indent: indent, into: &out) }
      out += linePrefix + Self.key(entry.key) + ":"
      writeValue(entry.value, indent: indent, trailing: entry.comments.trailing, into: &out)
      writeComments(entry.comments.footer, entry.comments, indent: indent, into: &out)
    }
  }

  private func writeSequence(_ sequence: YAMLSequence, indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent)
    for item in sequence.items {
      writeComments(item.comments.leading, item.comments, indent: indent, into: &out)
      switch item.value {
      case .mapping(let m) where !m.entries.isEmpty && !m.flow:
        // The first entry shares the dash line; its own leading comments go above the dash.
        writeComments(m.entries[0].comments.leading, m.entries[0].comments, indent: indent, into: &out)
        writeMapping(m, indent: indent + 2, into: &out, firstLinePrefix: pad + "- ")
      case .sequence(let s) where !s.items.isEmpty && !s.flow:
        out += pad + "-\n"
        writeSequence(s, indent: indent + 2, into: &out)
      default:
        out += pad + "-"
        writeValue(item.value, indent: indent, trailing: item.comments.trailing, into: &out)
      }
      writeComments(item.comments.footer, item.comments, indent: indent, into: &out)
    }
  }

  /// Writes what follows `key:` or `-`, including the newline.
  private func writeValue(_ value: YAMLNode, indent: Int, trailing: String?, into out: inout String) {
    let comment = includeComments ? trailing.map { "  " + $0 } ?? "" : ""
    switch value {
    case .mapping(let m) where !m.entries.isEmpty && !m.flow:
      out += comment + "\n"
      writeMapping(m, indent: indent + 2, into: &out)
    case .sequence(let s) where !s.items.isEmpty && !s.flow && !Self.fitsFlow(s):
      out += comment + "\n"
      writeSequence(s, indent: indent + 2, into: &out)
    case .scalar(let s) where s.style == .literal || s.style == .folded || (s.style == .plain && s.text.contains("\n")):
      if s.style == .plain {
        out += " " + Self.doubleQuoted(s.text) + comment + "\n"
      } else {
        out += " " + Self.blockHeader(s.text) + comment + "\n" + Self.blockBody(s.text, indent: indent + 2)
      }
    default:
      let text = inline(value)
      out += (text.isEmpty ? "" : " " + text) + comment + "\n"
    }
  }

  private func writeComments(_ comments: [YAMLComment], _ owner: YAMLComments, indent: Int, into out: inout String) {
    guard includeComments else { return }
    let shift = indent + 1 - owner.anchorColumn
    for comment in comments {
      out += String(repeating: " ", count: max(0, comment.column - 1 + shift)) + comment.text + "\n"
    }
  }

  /// A node on one line: scalars, empty collections, and flow collections.
  func inline(_ node: YAMLNode) -> String {
    switch node {
    case .scalar(let s): return Self.scalar(s)
    case .sequence(let s): return "[" + s.items.map { inline($0.value) }.joined(separator: ", ") + "]"
    case .mapping(let m): return "{" + m.entries.map { Self.key($0.key) + ": " + inline($0.value) }.joined(separator: ", ") + "}"
    }
  }

  static func fitsFlow(_ s: YAMLSequence) -> Bool {
    s.flow && s.items.allSatisfy { if case .scalar(let x) = $0.value { !x.text.contains("\n") } else { false } }
  }

  static func scalar(_ s: YAMLScalar) -> String {
    switch s.style {
    case .plain: s.text.contains("\n") ? doubleQuoted(s.text) : s.text
    case .singleQuoted:
      s.text.contains("\n") ? doubleQuoted(s.text) : "'" + s.text.replacingOccurrences(of: "'", with: "''") + "'"
    case .doubleQuoted, .literal, .folded: doubleQuoted(s.text)
    }
  }

  static func key(_ key: String) -> String {
    ScalarResolver.isSafePlain(key) && !key.contains(":") ? key : doubleQuoted(key)
  }

  static func doubleQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
          out += String(format: "\\x%02X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// `|`, `|-` or `|+` so that the block reads back with exactly the same trailing newlines.
  static func blockHeader(_ text: String) -> String {
    let indicator = text.first == " " ? "2" : ""
    if !text.hasSuffix("\n") { return "|" + indicator + "-" }
    if text.hasSuffix("\n\n") { return "|" + indicator + "+" }
    return "|" + indicator
  }

  static func blockBody(_ text: String, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if text.hasSuffix("\n") { lines.removeLast() }
    return lines.map { $0.isEmpty ? "\n" : pad + $0 + "\n" }.joined()
  }
}
