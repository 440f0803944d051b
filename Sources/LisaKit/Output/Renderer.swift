import Foundation

public enum OutputFormat: String, CaseIterable, Sendable {
  /// `wide`: a table with more columns, where a command has them.
  case table, wide, json, yaml, jsonl, id, value
}

/// A table column: a header and the key of the row object it shows.
public struct Column: Sendable {
  public var header: String
  public var key: String
  public var style: (@Sendable (String) -> Style?)?

  public init(_ header: String, key: String, style: (@Sendable (String) -> Style?)? = nil) {
    self.header = header
    self.key = key
    self.style = style
  }
}

/// Renders view models (ordered JSON values) in the format the user asked for. JSON is the stable
/// contract; tables are for people and may change.
public struct Renderer: Sendable {
  public var color: Bool

  public init(color: Bool = false) {
    self.color = color
  }

  public func list(_ rows: [JSONValue], format: OutputFormat, columns: [Column], idKey: String) -> String {
    switch format {
    case .json: return JSONWriter.pretty(.array(rows)) + "\n"
    case .jsonl: return rows.map { JSONWriter.compact($0) + "\n" }.joined()
    case .yaml: return rows.isEmpty ? "[]\n" : YAMLEmitter().emit(Self.yamlNode(.array(rows)))
    case .id, .value: return rows.map { ($0[idKey]?.plainText ?? "") + "\n" }.joined()
    case .table, .wide: return table(rows, columns: columns)
    }
  }

  public func object(_ value: JSONValue, format: OutputFormat, idKey: String? = nil) -> String {
    switch format {
    case .json: return JSONWriter.pretty(value) + "\n"
    case .jsonl: return JSONWriter.compact(value) + "\n"
    case .id, .value: return (idKey.flatMap { value[$0] }?.plainText ?? value.plainText) + "\n"
    case .yaml, .table, .wide: return YAMLEmitter().emit(Self.yamlNode(value))
    }
  }

  public func table(_ rows: [JSONValue], columns: [Column]) -> String {
    let cells = rows.map { row in columns.map { row[$0.key]?.plainText ?? "" } }
    var widths = columns.map { $0.header.count }
    for row in cells {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ values: [String], styled: Bool) -> String {
      values.enumerated().map { i, value in
        let padded = i == values.count - 1 ? value : value.padding(toLength: widths[i], withPad: " ", startingAt: 0)
        guard styled, color, let style = columns[i].style?(value) else { return padded }
        return style.apply(value, enabled: true) + String(repeating: " ", count: padded.count - value.count)
      }.joined(separator: "  ").trimmingTrailingSpaces + "\n"
    }
    return line(columns.map(\.header), styled: false) + cells.map { line($0, styled: true) }.joined()
  }

  /// JSON values as YAML nodes, quoting strings that YAML readers would otherwise retype.
  public static func yamlNode(_ value: JSONValue) -> YAMLNode {
    switch value {
    case .null: return .scalar(YAMLScalar("null"))
    case .bool(let b): return .scalar(YAMLScalar(b ? "true" : "false"))
    case .number(let n): return .scalar(YAMLScalar(n))
    case .string(let s): return .scalar(.string(s))
    case .array(let items): return .sequence(YAMLSequence(items.map(yamlNode)))
    case .object(let pairs): return .mapping(YAMLMapping(pairs.map { YAMLMapping.Entry(key: $0.0, value: yamlNode($0.1)) }))
    }
  }
}
