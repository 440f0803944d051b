import Foundation
import Yams

/// Parses YAML text into `YAMLNode`, turning every problem into a one-line `LisaError` with the
/// file, line and column at fault.
public enum YAMLLoader {
  public static let maxDepth = 128

  /// Reads and parses a file. Empty documents are an error: every file `lisa` reads needs content.
  public static func load(path: String, displayName: String, keepComments: Bool = false) throws -> YAMLNode {
    let data = try FileIO.read(path, displayName: displayName)
    return try parse(data: data, file: displayName, keepComments: keepComments)
  }

  public static func parse(data: Data, file: String, keepComments: Bool = false) throws -> YAMLNode {
    let text = try decode(data, file: file)
    return try parse(text: text, file: file, keepComments: keepComments)
  }

  public static func parse(text: String, file: String, keepComments: Bool = false) throws -> YAMLNode {
    try rejectControlCharacters(text, file: file)
    try rejectDeepNesting(text, file: file)
    try YAMLAliasBudget.check(text, file: file, maxDepth: maxDepth)
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw translate(error, text: text, file: file)
    }
    guard let root else {
      throw LisaError(
        .dataError, "the file is empty; expected a mapping of settings", at: SourceLocation(file: file, line: 1, column: 1))
    }
    let comments = keepComments ? CommentCollector.collect(text: text, root: root) : [:]
    return try Converter(file: file, comments: comments, lines: text.split(separator: "\n", omittingEmptySubsequences: false))
      .convert(root)
  }

  static func decode(_ data: Data, file: String) throws -> String {
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let text = String(data: bytes, encoding: .utf8) { return text }
    // Find the first byte that breaks UTF-8 so the error can point at it.
    var line = 1
    var column = 1
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
      let end = bytes.index(index, offsetBy: length, limitedBy: bytes.endIndex) ?? bytes.endIndex
      if length == 0 || String(data: bytes[index..<end], encoding: .utf8) == nil { break }
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index = end
    }
    throw LisaError(.dataError, "not valid UTF-8 text (binary data?)", at: SourceLocation(file: file, line: line, column: column))
  }

  static func rejectControlCharacters(_ text: String, file: String) throws {
    var line = 1
    var column = 1
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        line += 1
        column = 1
        continue
      }
      let v = scalar.value
      if (v < 0x20 && v != 0x09 && v != 0x0D) || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF {
        throw LisaError(
          .dataError, String(format: "control character U+%04X is not allowed in YAML (binary data?)", v),
          at: SourceLocation(file: file, line: line, column: column))
      }
      column += 1
    }
  }

  /// A recursive reader on a hostile file would overflow the stack; refuse absurd nesting first.
  static func rejectDeepNesting(_ text: String, file: String) throws {
    var indents: [Int] = []
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let chars = Array(line)
      var i = 0
      while i < chars.count, chars[i] == " " { i += 1 }
      guard i < chars.count, chars[i] != "#" else { continue }
      while let last = indents.last, last >= i { indents.removeLast() }
      indents.append(i)
      var flow = 0
      var quote: Character?
      var depth = indents.count
      var j = i
      while j < chars.count {
        let c = chars[j]
        if let q = quote {
          if c == q { quote = nil } else if c == "\\" && q == "\"" { j += 1 }
        } else if c == "\"" || c == "'" {
          quote = c
        } else if c == "#" && (j == 0 || chars[j - 1] == " ") {
          break
        } else if c == "[" || c == "{" {
          flow += 1
        } else if c == "]" || c == "}" {
          flow -= 1
        } else if c == "-" && j + 1 < chars.count && chars[j + 1] == " " && flow == 0 {
          depth += 1
        }
        if depth + max(flow, 0) > maxDepth {
          throw LisaError(
            .dataError, "nesting is deeper than \(maxDepth) levels",
            at: SourceLocation(file: file, line: lineNumber, column: j + 1))
        }
        j += 1
      }
    }
  }

  static func translate(_ error: YamlError, text: String, file: String) -> LisaError {
    func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
    func describe(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> LisaError {
      var message = problem
      if character(in: text, at: mark) == "\t" {
        message = "tab character where YAML expects spaces (indent with spaces only)"
      } else if let context, !context.text.isEmpty {
        message += " (\(context.text) at line \(context.mark.line))"
      }
      return LisaError(.dataError, message, at: at(mark))
    }
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return describe(problem, context, mark)
    case .reader(let problem, let offset, _, _):
      let (line, column) = position(ofUTF8Offset: offset ?? 0, in: text)
      return LisaError(.dataError, problem, at: SourceLocation(file: file, line: line, column: column))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? "?"
      let second = secondOccurrence(of: key, after: context.mark, in: text)
      return LisaError(
        .dataError, "duplicate key '\(key)' (first defined at line \(context.mark.line)); LISA would silently keep only one",
        at: SourceLocation(file: file, line: second?.line ?? context.mark.line, column: second?.column ?? context.mark.column))
    default:
      return LisaError(.dataError, "\(error)", at: SourceLocation(file: file))
    }
  }

  static func character(in text: String, at mark: Mark) -> Character? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard mark.line >= 1, mark.line <= lines.count else { return nil }
    let line = Array(lines[mark.line - 1])
    return mark.column >= 1 && mark.column <= line.count ? line[mark.column - 1] : nil
  }

  static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let prefix = String(repeating: " ", count: max(mark.column - 1, 0))
    for index in mark.line..<lines.count {
      let line = lines[index]
      for candidate in [key, "\"\(key)\"", "'\(key)'"] where line.hasPrefix(prefix + candidate) {
        let rest = line.dropFirst(prefix.count + candidate.count).drop { $0 == " " }
        if rest.first == ":" { return (index + 1, mark.column) }
      }
    }
    return nil
  }

  static func position(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
    var line = 1
    var column = 1
    for byte in text.utf8.prefix(offset) {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}

/// Converts Yams nodes into `YAMLNode`, applying `<<` merge keys the way js-yaml does.
private struct Converter {
  let file: String
  let comments: [CommentCollector.Anchor: YAMLComments]
  let lines: [Substring]

  /// Yams reports the style of a collection's end event, not its start, so flow style is read from
  /// the source: a flow collection starts with `[` or `{` at its mark.
  func startsFlow(_ mark: Mark?, with opener: Character) -> Bool {
    guard let mark, mark.line >= 1, mark.line <= lines.count else { return false }
    let scalars = lines[mark.line - 1].unicodeScalars
    guard let index = scalars.index(scalars.startIndex, offsetBy: mark.column - 1, limitedBy: scalars.endIndex),
      index < scalars.endIndex
    else { return false }
    return Character(scalars[index]) == opener
  }

  func location(_ mark: Mark?) -> SourceLocation? {
    mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
  }

  func convert(_ node: Node) throws -> YAMLNode {
    switch node {
    case .scalar(let scalar):
      return .scalar(YAMLScalar(scalar.string, style: style(scalar.style), location: location(scalar.mark)))
    case .sequence(let sequence):
      var result = YAMLSequence(flow: startsFlow(sequence.mark, with: "["), location: location(sequence.mark))
      for item in sequence {
        let anchor = item.mark.map { CommentCollector.Anchor(line: $0.line, column: -$0.column) }
        result.items.append(YAMLSequence.Item(try convert(item), comments: anchor.flatMap { comments[$0] } ?? YAMLComments()))
      }
      return .sequence(result)
    case .mapping(let mapping):
      var result = YAMLMapping(flow: startsFlow(mapping.mark, with: "{"), location: location(mapping.mark))
      var mergedKeys = Set<String>()
      for (keyNode, valueNode) in mapping {
        guard case .scalar(let keyScalar) = keyNode else {
          throw LisaError(.dataError, "complex (non-scalar) mapping keys are not supported", at: location(keyNode.mark))
        }
        let key = keyScalar.string
        let value = try convert(valueNode)
        if key == "<<", keyScalar.style == .plain, let sources = mergeSources(value) {
          for source in sources {
            for entry in source.entries where result.index(of: entry.key) == nil {
              result.entries.append(YAMLMapping.Entry(key: entry.key, value: entry.value, keyLocation: entry.keyLocation))
              mergedKeys.insert(entry.key)
            }
          }
          continue
        }
        // Only a key that came from a `<<` merge can already be there (Yams refuses duplicates), so the
        // linear lookup runs for those alone and a mapping of many keys converts in linear time.
        if mergedKeys.remove(key) != nil, let existing = result.index(of: key) {
          result.entries[existing].value = value
          continue
        }
        let anchor = keyScalar.mark.map { CommentCollector.Anchor(line: $0.line, column: $0.column) }
        result.entries.append(
          YAMLMapping.Entry(
            key: key, value: value, keyLocation: location(keyScalar.mark),
            comments: anchor.flatMap { comments[$0] } ?? YAMLComments()))
      }
      return .mapping(result)
    case .alias:
      throw LisaError(.dataError, "unresolved alias", at: location(node.mark))
    }
  }

  func mergeSources(_ value: YAMLNode) -> [YAMLMapping]? {
    switch value {
    case .mapping(let m): return [m]
    case .sequence(let s):
      let maps = s.items.compactMap { $0.value.mapping }
      return maps.count == s.items.count ? maps : nil
    case .scalar: return nil
    }
  }

  func style(_ style: Node.Scalar.Style) -> YAMLScalar.Style {
    switch style {
    case .singleQuoted: .singleQuoted
    case .doubleQuoted: .doubleQuoted
    case .literal: .literal
    case .folded: .folded
    default: .plain
    }
  }
}
