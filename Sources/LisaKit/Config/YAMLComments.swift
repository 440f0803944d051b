import Foundation
import Yams

/// libyaml drops comments, so they are recovered from the text: each comment line is attached to
/// the next mapping key or list item in the document (or, at the end, to the last one), and an
/// end-of-line comment to the entry on that line. Rewriting the tree then carries comments along
/// with the entries that survive and drops them with the ones that do not.
enum CommentCollector {
  /// A key (positive column) or a list item (negative column) position in the source.
  struct Anchor: Hashable {
    var line: Int
    var column: Int
  }

  static func collect(text: String, root: Node) -> [Anchor: YAMLComments] {
    var anchors: [Anchor] = []
    var blockScalarLines: [Int] = []
    walk(root, anchors: &anchors, blockScalarLines: &blockScalarLines)
    anchors.sort { ($0.line, abs($0.column), $0.column) < ($1.line, abs($1.column), $1.column) }
    guard !anchors.isEmpty else { return [:] }

    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    let skipped = blockScalarContent(lines: lines, starts: blockScalarLines)
    var result: [Anchor: YAMLComments] = [:]
    for anchor in anchors {
      var comments = YAMLComments()
      comments.anchorColumn = anchor.column > 0 ? anchor.column : dashColumn(lines: lines, anchor: anchor)
      result[anchor] = comments
    }
    var next = 0
    for (index, line) in lines.enumerated() where !skipped.contains(index + 1) {
      let lineNumber = index + 1
      while next < anchors.count, anchors[next].line <= lineNumber { next += 1 }
      let indent = line.prefix { $0 == " " }.count
      if indent < line.count, line[indent] == "#" {
        let comment = YAMLComment(column: indent + 1, text: String(line[indent...]).trimmingTrailingSpaces)
        if next < anchors.count {
          // A comment indented deeper than the next key still belongs to the block above it.
          let owner =
            (result[anchors[next]]?.anchorColumn ?? 0) < comment.column
            ? anchors[..<next].last { (result[$0]?.anchorColumn ?? 0) <= comment.column } : nil
          if let owner {
            result[owner]?.footer.append(comment)
          } else {
            result[anchors[next]]?.leading.append(comment)
          }
        } else {
          result[anchors[anchors.count - 1]]?.footer.append(comment)
        }
      } else if let hash = inlineCommentStart(line), let owner = anchors[..<next].last(where: { $0.line == lineNumber }) {
        result[owner]?.trailing = String(line[hash...]).trimmingTrailingSpaces
      }
    }
    return result.filter { !$0.value.isEmpty }
  }

  private static func walk(_ node: Node, anchors: inout [Anchor], blockScalarLines: inout [Int]) {
    switch node {
    case .scalar(let s):
      if s.style == .literal || s.style == .folded, let mark = s.mark { blockScalarLines.append(mark.line) }
    case .sequence(let seq):
      for item in seq {
        if seq.style != .flow, let mark = item.mark { anchors.append(Anchor(line: mark.line, column: -mark.column)) }
        walk(item, anchors: &anchors, blockScalarLines: &blockScalarLines)
      }
    case .mapping(let map):
      for (key, value) in map {
        if map.style != .flow, let mark = key.mark { anchors.append(Anchor(line: mark.line, column: mark.column)) }
        walk(value, anchors: &anchors, blockScalarLines: &blockScalarLines)
      }
    case .alias:
      break
    }
  }

  /// Lines inside `|` and `>` scalars hold text, not comments.
  private static func blockScalarContent(lines: [[Character]], starts: [Int]) -> Set<Int> {
    var skipped = Set<Int>()
    for start in starts where start <= lines.count {
      let ownerIndent = lines[start - 1].prefix { $0 == " " }.count
      var line = start + 1
      while line <= lines.count {
        let chars = lines[line - 1]
        let indent = chars.prefix { $0 == " " }.count
        let blank = indent == chars.count
        if !blank && indent <= ownerIndent { break }
        skipped.insert(line)
        line += 1
      }
    }
    return skipped
  }

  private static func dashColumn(lines: [[Character]], anchor: Anchor) -> Int {
    let line = lines[anchor.line - 1]
    var index = min(-anchor.column - 2, line.count - 1)
    while index >= 0 {
      if line[index] == "-" { return index + 1 }
      index -= 1
    }
    return -anchor.column
  }

  /// The index of a `#` that starts a comment after content, ignoring `#` inside quotes.
  static func inlineCommentStart(_ line: [Character]) -> Int? {
    var quote: Character?
    var previous: Character = " "
    var index = 0
    while index < line.count {
      let c = line[index]
      if let q = quote {
        if q == "\"" && c == "\\" {
          index += 2
          previous = " "
          continue
        }
        if c == q {
          if q == "'" && index + 1 < line.count && line[index + 1] == "'" {
            index += 2
            continue
          }
          quote = nil
        }
      } else if (c == "\"" || c == "'") && " [{,:-".contains(previous) {
        quote = c
      } else if c == "#" && (previous == " " || previous == "\t") {
        return index
      }
      previous = c
      index += 1
    }
    return nil
  }
}

extension String {
  var trimmingTrailingSpaces: String {
    var s = Substring(self)
    while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
    return String(s)
  }
}
