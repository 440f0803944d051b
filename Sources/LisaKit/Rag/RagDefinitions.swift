import Foundation

/// One repository definition read from a file (or made from a legacy YAML block), with a way to point at
/// its fields' lines.
public struct RagDefinition: Sendable {
  public var request: JSONValue
  /// "repos.yaml" or "repos.yaml, repositories[2]", for messages.
  public var origin: String
  public var locate: @Sendable (FieldPath) -> SourceLocation?

  public init(request: JSONValue, origin: String, locate: @escaping @Sendable (FieldPath) -> SourceLocation? = { _ in nil }) {
    self.request = request
    self.origin = origin
    self.locate = locate
  }

  public var repositoryId: String? { request["repositoryId"]?.stringValue }
}

/// Reads repository definitions from YAML or JSON: one definition, a list of them, or `repositories:` holding
/// a list, which is what `lisa rag repos export` writes.
public enum RagDefinitionFile {
  public static func load(path: String, displayName: String) throws -> [RagDefinition] {
    let root = try YAMLLoader.load(path: path, displayName: displayName)
    let listPath: FieldPath?
    let items: [YAMLNode]
    switch root {
    case .mapping(let mapping) where mapping["repositories"] != nil && mapping["repositoryId"] == nil:
      guard let sequence = mapping["repositories"]?.sequence else {
        throw LisaError(
          .dataError, "'repositories' must be a list of repository definitions",
          at: mapping["repositories"]?.location ?? root.location)
      }
      (items, listPath) = (sequence.items.map(\.value), FieldPath("repositories"))
    case .sequence(let sequence): (items, listPath) = (sequence.items.map(\.value), .root)
    default: (items, listPath) = ([root], nil)
    }
    return try items.enumerated().map { index, node in
      guard node.mapping != nil else {
        throw LisaError(
          .dataError, "expected a repository definition (a mapping), found \(node.kindDescription)", at: node.location)
      }
      let origin = listPath.map { "\(displayName), \($0.index(index))" } ?? displayName
      return RagDefinition(request: node.json, origin: origin, locate: { path in ModelFile.locate(path, in: node) })
    }
  }

  /// A single request body (`create -f`, `update -f`, `collections create -f`).
  public static func loadOne(path: String, displayName: String) throws -> RagDefinition {
    let root = try YAMLLoader.load(path: path, displayName: displayName)
    guard root.mapping != nil else {
      throw LisaError(.dataError, "expected a mapping of request fields, found \(root.kindDescription)", at: root.location)
    }
    return RagDefinition(request: root.json, origin: displayName, locate: { path in ModelFile.locate(path, in: root) })
  }

  /// Where a field is in a YAML node (its key's line and column, or the closest enclosing one).
  public static func locate(_ path: FieldPath, in root: YAMLNode) -> SourceLocation? { ModelFile.locate(path, in: root) }

  /// The YAML `rag repos export` writes and `rag repos apply -f` reads back.
  public static func document(_ definitions: [JSONValue], source: String, at date: Date) -> String {
    let count = definitions.count
    let header =
      "# lisa rag repos export: \(count) repositor\(count == 1 ? "y" : "ies") from \(source) at \(KeyRecord.iso8601(date))\n"
      + "# Replay with: lisa rag repos apply -f FILE\n"
    let body = JSONValue.object([("repositories", .array(definitions))])
    return header + YAMLEmitter(includeComments: false).emit(Renderer.yamlNode(body))
  }

  /// A stored repository without the server's fields, numbers as integers: what plans compare a definition with.
  public static func stored(_ repository: RagRepository) -> JSONValue {
    RagRules.strip(JSONComparison.integral(repository.json), RagSchema.serverFields)
  }

  /// A stored repository as the definition that makes it again: no server fields, integers as integers, and
  /// a pipeline's deprecated chunk fields dropped where LISA already turned them into a chunkingStrategy.
  public static func export(_ repository: RagRepository) -> JSONValue {
    var request = stored(repository)
    if let pipelines = request["pipelines"]?.arrayItems {
      request = request.setting(
        "pipelines",
        .array(
          pipelines.map { pipeline in
            pipeline["chunkingStrategy"] == nil ? pipeline : pipeline.setting("chunkSize", nil).setting("chunkOverlap", nil)
          }))
    }
    let rank = Dictionary(uniqueKeysWithValues: RagSchema.repository.enumerated().map { ($1.name, $0) })
    guard let pairs = request.objectPairs else { return request }
    return .object(pairs.enumerated().sorted { (rank[$0.1.0] ?? .max, $0.0) < (rank[$1.1.0] ?? .max, $1.0) }.map(\.1))
  }
}
