import Foundation

/// Removes what LISA's schema would silently strip (unknown object keys), recording each removal.
struct SchemaPruner {
  var dropped: [MigrationReport.Change] = []

  mutating func prune(_ node: YAMLNode, shape: SchemaShape, path: String) -> YAMLNode {
    switch (node, shape) {
    case (.mapping(var map), .object(let fields)):
      let known = fields.map(\.name)
      var kept: [YAMLMapping.Entry] = []
      for var entry in map.entries {
        let entryPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
        guard let field = fields.first(where: { $0.name == entry.key }) else {
          var detail = LisaConfigSchema.retiredKeys[entryPath] ?? "not in LISA v\(LisaConfigSchema.lisaVersion)'s schema"
          if let suggestion = ConfigValidator.suggest(entry.key, among: known) { detail += "; did you mean '\(suggestion)'?" }
          dropped.append(MigrationReport.Change(path: entryPath, line: entry.keyLocation?.line, detail: detail))
          continue
        }
        entry.value = prune(entry.value, shape: field.shape, path: entryPath)
        kept.append(entry)
      }
      map.entries = kept
      return .mapping(map)
    case (.mapping(var map), .record(let valueShape)):
      for i in map.entries.indices {
        map.entries[i].value = prune(map.entries[i].value, shape: valueShape, path: "\(path).\(map.entries[i].key)")
      }
      return .mapping(map)
    case (.sequence(var seq), .array(let itemShape, _)):
      for i in seq.items.indices {
        seq.items[i].value = prune(seq.items[i].value, shape: itemShape, path: "\(path)[\(i)]")
      }
      return .sequence(seq)
    case (.mapping(let map), .union(let shapes)):
      // Only prune a union member when the `type` field says which one applies.
      guard let type = map["type"]?.scalar?.text,
        let shape = shapes.first(where: { ConfigValidator.typeLiteral(of: $0) == type })
      else { return node }
      return prune(node, shape: shape, path: path)
    default:
      return node
    }
  }
}
