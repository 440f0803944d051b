import Foundation

/// One request read from a file, with a way to point at its fields' lines.
public struct ModelDocument: Sendable {
  public var request: JSONValue
  /// A third-party key restored from an encrypted backup; never part of `request` until sent.
  public var apiKey: String?
  /// "models.yaml" or "models.yaml, models[2]", for messages.
  public var origin: String
  public var locate: @Sendable (FieldPath) -> SourceLocation?

  public init(
    request: JSONValue, apiKey: String? = nil, origin: String,
    locate: @escaping @Sendable (FieldPath) -> SourceLocation? = { _ in nil }
  ) {
    self.request = request
    self.apiKey = apiKey
    self.origin = origin
    self.locate = locate
  }

  public var modelId: String? { request["modelId"]?.stringValue }

  /// The body to send: the request with the restored key, if any.
  public var requestWithKey: JSONValue { apiKey.map { request.setting("apiKey", .string($0)) } ?? request }
}

/// Reads model requests from YAML or JSON (JSON parses as YAML): one request, a list of them, or
/// `models:` holding a list, which is what `lisa models export` writes.
public enum ModelFile {
  public static func load(path: String, displayName: String) throws -> [ModelDocument] {
    let root = try YAMLLoader.load(path: path, displayName: displayName)
    let (items, listPath): ([YAMLNode], FieldPath?) =
      switch root {
      case .mapping(let mapping) where mapping["models"] != nil && mapping["modelId"] == nil:
        (mapping["models"]?.sequence?.items.map(\.value) ?? [], FieldPath("models"))
      case .sequence(let sequence): (sequence.items.map(\.value), .root)
      default: ([root], nil)
      }
    if let listPath, case .mapping(let mapping) = root, mapping["models"]?.sequence == nil {
      throw LisaError(
        .dataError, "'\(listPath)' must be a list of model requests", at: mapping["models"]?.location ?? root.location)
    }
    return try items.enumerated().map { index, node in
      guard node.mapping != nil else {
        throw LisaError(.dataError, "expected a model request (a mapping), found \(node.kindDescription)", at: node.location)
      }
      let prefix = listPath.map { $0.index(index) }
      let origin = prefix.map { "\(displayName), \($0.description.isEmpty ? "item \(index)" : $0.description)" } ?? displayName
      return ModelDocument(request: node.json, origin: origin, locate: { path in locate(path, in: node) })
    }
  }

  /// A single request (`create -f`, `update -f`, `schedule set -f`).
  public static func loadOne(path: String, displayName: String) throws -> ModelDocument {
    let root = try YAMLLoader.load(path: path, displayName: displayName)
    guard root.mapping != nil else {
      throw LisaError(.dataError, "expected a mapping of request fields, found \(root.kindDescription)", at: root.location)
    }
    return ModelDocument(request: root.json, origin: displayName, locate: { path in locate(path, in: root) })
  }

  /// Where a field is in the file: its key's position, or the closest enclosing one that exists.
  static func locate(_ path: FieldPath, in root: YAMLNode) -> SourceLocation? {
    var node = root
    var best = root.location
    for part in path.parts {
      switch (part, node) {
      case (.key(let key), .mapping(let mapping)):
        guard let entry = mapping.entry(key) else { return best }
        best = entry.keyLocation ?? entry.value.location ?? best
        node = entry.value
      case (.index(let index), .sequence(let sequence)):
        guard sequence.items.indices.contains(index) else { return best }
        node = sequence.items[index].value
        best = node.location ?? best
      default:
        return best
      }
    }
    return best
  }

  /// Whether the file is a `*.lisabak` backup (an SQLite database) rather than YAML or JSON.
  public static func isBackup(path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: 16)) == Data("SQLite format 3\0".utf8)
  }
}
