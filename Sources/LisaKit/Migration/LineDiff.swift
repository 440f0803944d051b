import Foundation

/// A unified diff of two small texts (config files), for `--dry-run` output.
public enum LineDiff {
  enum Op: Equatable {
    case same(String), removed(String), added(String)
  }

  public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
    let a = lines(old)
    let b = lines(new)
    let ops = diff(a, b)
    guard ops.contains(where: { if case .same = $0 { false } else { true } }) else { return "" }
    var out = "--- \(oldName)\n+++ \(newName)\n"
    var index = 0
    var oldLine = 1
    var newLine = 1
    while index < ops.count {
      guard let changeStart = ops[index...].firstIndex(where: { if case .same = $0 { false } else { true } }) else { break }
      let skip = max(0, changeStart - context - index)
      for op in ops[index..<(index + skip)] {
        if case .same = op {
          oldLine += 1
          newLine += 1
        }
      }
      let hunkStart = index + skip
      var hunkEnd = changeStart
      var sameRun = 0
      var cursor = changeStart
      while cursor < ops.count {
        if case .same = ops[cursor] {
          sameRun += 1
          if sameRun > context * 2 { break }
        } else {
          sameRun = 0
          hunkEnd = cursor
        }
        cursor += 1
      }
      let end = min(ops.count, hunkEnd + context + 1)
      let hunk = ops[hunkStart..<end]
      let oldCount = hunk.filter { if case .added = $0 { false } else { true } }.count
      let newCount = hunk.filter { if case .removed = $0 { false } else { true } }.count
      out += "@@ -\(oldLine),\(oldCount) +\(newLine),\(newCount) @@\n"
      for op in hunk {
        switch op {
        case .same(let s): out += " \(s)\n"
        case .removed(let s): out += "-\(s)\n"
        case .added(let s): out += "+\(s)\n"
        }
      }
      oldLine += oldCount
      newLine += newCount
      index = end
    }
    return out
  }

  static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if text.hasSuffix("\n") { lines.removeLast() }
    return lines
  }

  /// Longest-common-subsequence diff; fine for files of a few thousand lines.
  static func diff(_ a: [String], _ b: [String]) -> [Op] {
    let n = a.count
    let m = b.count
    var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var ops: [Op] = []
    var i = 0
    var j = 0
    while i < n && j < m {
      if a[i] == b[j] {
        ops.append(.same(a[i]))
        i += 1
        j += 1
      } else if lcs[i + 1][j] >= lcs[i][j + 1] {
        ops.append(.removed(a[i]))
        i += 1
      } else {
        ops.append(.added(b[j]))
        j += 1
      }
    }
    ops += a[i...].map { .removed($0) }
    ops += b[j...].map { .added($0) }
    return ops
  }
}
