import Foundation

/// `rag migrate-yaml`: the v4 `ragRepositories` entries of a config turned into `POST /repository`
/// definitions (docs/lisa/rag-api.md#repository). The v4 entries are the deploy-time schema: most fields carry
/// over as they are; what the API has no place for is reported, never silently dropped.
public enum LegacyRagRepositories {
  public struct Conversion: Sendable {
    public var definitions: [RagDefinition]
    /// One line per field that changed meaning or has no equivalent, naming the entry.
    public var notes: [String]
  }

  static let carried: Set<String> = [
    "repositoryId", "repositoryName", "description", "embeddingModelId", "type", "opensearchConfig", "rdsConfig",
    "bedrockKnowledgeBaseConfig", "allowedGroups", "metadata", "pipelines",
  ]

  /// `locate` finds a field of entry `index` in the config files, for errors on the converted definitions.
  public static func convert(
    _ entries: [JSONValue], origin: String, locate: @escaping @Sendable (Int, FieldPath) -> SourceLocation?
  ) -> Conversion {
    var definitions: [RagDefinition] = []
    var notes: [String] = []
    for (index, entry) in entries.enumerated() {
      let id = entry["repositoryId"]?.stringValue ?? "ragRepositories[\(index)]"
      var request = JSONValue.object([])
      for (key, value) in entry.objectPairs ?? [] {
        guard carried.contains(key) else {
          notes.append("\(id): \(key) has no equivalent in LISA's repository API; left out")
          continue
        }
        request = request.setting(key, value)
      }
      var models: [String] = []
      if let pipelines = entry["pipelines"]?.arrayItems {
        let converted = pipelines.enumerated().map { position, pipeline in
          convert(pipeline, id: id, position: position, models: &models, notes: &notes)
        }
        request = request.setting("pipelines", .array(converted))
      }
      if request["embeddingModelId"] == nil, let model = models.first {
        request = request.setting("embeddingModelId", .string(model))
        notes.append("\(id): embeddingModelId set to '\(model)', the embedding model of its first pipeline")
      }
      let path = FieldPath("ragRepositories").index(index)
      definitions.append(
        RagDefinition(
          request: request, origin: "\(origin), \(path)", locate: { field in locate(index, field) }))
    }
    return Conversion(definitions: definitions, notes: notes)
  }

  static func convert(_ pipeline: JSONValue, id: String, position: Int, models: inout [String], notes: inout [String])
    -> JSONValue
  {
    var result = pipeline
    let at = "\(id): pipelines[\(position)]"
    if let model = pipeline["embeddingModel"]?.stringValue {
      models.append(model)
      result = result.setting("embeddingModel", nil)
      notes.append("\(at).embeddingModel has no place in a pipeline of the API; the repository's embedding model is used")
    }
    if pipeline["trigger"]?.stringValue == "daily" {
      result = result.setting("trigger", .string("event"))
      notes.append("\(at).trigger 'daily' is refused by LISA's API (it takes event or schedule); set to 'event'")
    } else if pipeline["trigger"] == nil {
      result = result.setting("trigger", .string("event"))
    }
    if pipeline["s3Prefix"] == nil { result = result.setting("s3Prefix", .string("")) }
    if pipeline["chunkingStrategy"] == nil {
      // v4 defaulted both; the API needs them said.
      if pipeline["chunkSize"] == nil { result = result.setting("chunkSize", .int(512)) }
      if pipeline["chunkOverlap"] == nil { result = result.setting("chunkOverlap", .int(51)) }
    }
    return result
  }

  /// What an operator must know before the YAML entries go.
  public static let warning =
    "once a repository is removed from ragRepositories in the YAML config it cannot be brought back through YAML "
    + "(LISA v4 and later); manage it through the API from now on (lisa rag repos)"
}
