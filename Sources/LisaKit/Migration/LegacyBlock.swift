import Foundation

/// The text of one environment block of an old config.yaml, de-indented, for diffs.
public enum LegacyBlock {
  public static func text(of environment: String, in source: String) -> String {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("\(environment):") }) else { return "" }
    var block: [Substring] = []
    for line in lines[(start + 1)...] {
      if let first = line.first, first != " ", first != "#" { break }
      block.append(line)
    }
    while let last = block.last, last.trimmingCharacters(in: .whitespaces).isEmpty { block.removeLast() }
    let indent =
      block.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
      .map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return block.map { line in
      line.prefix(indent).allSatisfy { $0 == " " } ? String(line.dropFirst(min(indent, line.count))) : String(line)
    }.joined(separator: "\n") + "\n"
  }
}
