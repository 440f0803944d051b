import Foundation

/// A key file as lines. Lines that are not changed are written back byte for byte, whatever they
/// hold (comments, blanks, invalid lines, bytes that are not UTF-8, `\r\n` endings).
public struct KeyFileDocument: Sendable {
  public struct Line: Sendable {
    /// The line's bytes without its `\n`.
    public var raw: [UInt8]
    public var kind: KeyFileFormat.Line

    public var entry: KeyFileEntry? {
      if case .entry(let entry) = kind { return entry }
      return nil
    }
  }

  public private(set) var lines: [Line]
  /// Whether the last line ended with a newline; kept so an untouched ending is not changed.
  public private(set) var endsWithNewline: Bool

  public init(lines: [Line], endsWithNewline: Bool) {
    self.lines = lines
    self.endsWithNewline = endsWithNewline
  }

  /// A new file as key_mgmt creates one: its header comment and nothing else.
  public static func empty() -> KeyFileDocument {
    KeyFileDocument(lines: [Line(raw: Array(KeyFileFormat.header.utf8), kind: .comment)], endsWithNewline: true)
  }

  public static func parse(_ data: Data, zone: TimeZone) -> KeyFileDocument {
    let bytes = [UInt8](data)
    if bytes.isEmpty { return KeyFileDocument(lines: [], endsWithNewline: false) }
    var pieces = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    let endsWithNewline = bytes.last == UInt8(ascii: "\n")
    if endsWithNewline { pieces.removeLast() }
    let lines = pieces.map { raw -> Line in
      guard let text = String(bytes: raw, encoding: .utf8) else {
        return Line(raw: raw, kind: .invalid(reason: "line is not valid UTF-8"))
      }
      return Line(raw: raw, kind: KeyFileFormat.classify(text, zone: zone))
    }
    return KeyFileDocument(lines: lines, endsWithNewline: endsWithNewline)
  }

  public var data: Data {
    var out: [UInt8] = []
    out.reserveCapacity(lines.reduce(0) { $0 + $1.raw.count + 1 })
    for (index, line) in lines.enumerated() {
      out += line.raw
      if index < lines.count - 1 || endsWithNewline { out.append(UInt8(ascii: "\n")) }
    }
    return Data(out)
  }

  /// Entries with their 0-based line index.
  public var entries: [(index: Int, entry: KeyFileEntry)] {
    lines.indices.compactMap { index in lines[index].entry.map { (index, $0) } }
  }

  /// Indices of the entries whose id is `id`.
  public func indices(of id: String) -> [Int] {
    entries.filter { $0.entry.id == id }.map(\.index)
  }

  /// Appends an entry, ending the previous last line first if it had no newline.
  public mutating func append(_ entry: KeyFileEntry) {
    endsWithNewline = true
    lines.append(Line(raw: Array(entry.line.utf8), kind: .entry(entry)))
  }

  /// Rewrites one entry's line in place; other lines are untouched. Keeps a `\r` ending if it had one.
  public mutating func replace(at index: Int, with entry: KeyFileEntry) {
    var raw = Array(entry.line.utf8)
    if lines[index].raw.last == UInt8(ascii: "\r") { raw.append(UInt8(ascii: "\r")) }
    lines[index] = Line(raw: raw, kind: .entry(entry))
  }

  public mutating func remove(at index: Int) {
    lines.remove(at: index)
    if lines.isEmpty { endsWithNewline = false }
  }
}
