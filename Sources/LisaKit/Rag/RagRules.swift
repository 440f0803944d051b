import Foundation

/// The checks lisa makes on a repository or collection definition before any call
/// (docs/lisa/rag-api.md#repository): pydantic's shapes, plus what only the deploy step would refuse (the
/// id's pattern, the type-specific config, `s3Prefix`), which LISA would report as a failed create much later.
public enum RagRules {
  static func only(_ text: String, _ extra: String) -> Bool {
    text.unicodeScalars.allSatisfy {
      $0.isASCII && (CharacterSet.alphanumerics.contains($0) || extra.unicodeScalars.contains($0))
    }
  }
  /// `^[a-z0-9-]{3,20}$`
  static func isRepositoryId(_ id: String) -> Bool {
    (3...20).contains(id.count)
      && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// A `VectorStoreConfig` for `POST /repository`: normalised body, or the findings.
  public static func checkRepository(_ request: JSONValue, locate: @escaping (FieldPath) -> SourceLocation? = { _ in nil })
    -> CheckedRequest
  {
    var checker = RequestChecker(context: "VectorStoreConfig", locate: locate)
    let stripped = strip(request, RagSchema.serverFields)
    guard let body = checker.normalizeObject(stripped, fields: RagSchema.repository, at: .root) else {
      return CheckedRequest(body: nil, diagnostics: checker.diagnostics)
    }
    if let id = body["repositoryId"]?.stringValue {
      if !isRepositoryId(id) {
        checker.error(
          FieldPath("repositoryId"), "'\(id)' must be 3 to 20 characters of lowercase letters, digits and '-'")
      } else if id.hasPrefix("-") || id.hasSuffix("-") {
        checker.error(FieldPath("repositoryId"), "'\(id)' cannot start or end with '-'")
      }
    }
    if let type = body["type"]?.stringValue, let needed = RagSchema.typeConfig[type], body[needed] == nil {
      checker.error(
        FieldPath(needed), "a repository of type \(type) needs \(needed); without it LISA's deployment fails (CREATE_FAILED)")
    }
    checkPipelines(body["pipelines"], at: FieldPath("pipelines"), checker: &checker)
    checkKnowledgeBase(body["bedrockKnowledgeBaseConfig"], checker: &checker)
    return finish(body, checker)
  }

  /// A `RagCollectionConfig` for create or update.
  public static func checkCollection(_ request: JSONValue, locate: @escaping (FieldPath) -> SourceLocation? = { _ in nil })
    -> CheckedRequest
  {
    var checker = RequestChecker(context: "RagCollectionConfig", locate: locate)
    let stripped = strip(request, RagSchema.collectionServerFields)
    guard let body = checker.normalizeObject(stripped, fields: RagSchema.collection, at: .root) else {
      return CheckedRequest(body: nil, diagnostics: checker.diagnostics)
    }
    if let name = body["name"]?.stringValue {
      if name.count > 100 { checker.error(FieldPath("name"), "must be at most 100 characters (is \(name.count))") }
      if !name.allSatisfy({ $0.isLetter || $0.isNumber || " -_".contains($0) }) {
        checker.error(FieldPath("name"), "'\(name)' may hold only letters, digits, spaces, '-' and '_'")
      }
    }
    checkChunking(body["chunkingStrategy"], at: FieldPath("chunkingStrategy"), checker: &checker)
    checkTags(body["metadata"], at: FieldPath("metadata"), checker: &checker)
    checkPipelines(body["pipelines"], at: FieldPath("pipelines"), checker: &checker)
    return finish(body, checker)
  }

  static func finish(_ body: JSONValue, _ checker: RequestChecker) -> CheckedRequest {
    CheckedRequest(body: checker.errors.isEmpty ? body : nil, partial: body, diagnostics: checker.diagnostics)
  }

  static func strip(_ request: JSONValue, _ fields: Set<String>) -> JSONValue {
    guard let pairs = request.objectPairs else { return request }
    return .object(pairs.filter { !fields.contains($0.0) })
  }

  static func checkPipelines(_ pipelines: JSONValue?, at path: FieldPath, checker: inout RequestChecker) {
    for (index, pipeline) in (pipelines?.arrayItems ?? []).enumerated() {
      let at = path.index(index)
      if let trigger = pipeline["trigger"]?.stringValue {
        if trigger == "daily" {
          checker.error(
            at.key("trigger"),
            "'daily' is refused by LISA's API, whose PipelineTrigger takes only 'event' or 'schedule' "
              + "(the UI and the deploy-time schema offer 'daily'); use 'event'")
        } else if !["event", "schedule"].contains(trigger) {
          checker.error(at.key("trigger"), "expected 'event' or 'schedule', found '\(trigger)'")
        }
      }
      if let prefix = pipeline["s3Prefix"]?.stringValue { checkPrefix(prefix, at: at.key("s3Prefix"), checker: &checker) }
      let size = pipeline["chunkSize"]
      let overlap = pipeline["chunkOverlap"]
      if (size == nil) != (overlap == nil) {
        checker.error(
          at.key(size == nil ? "chunkSize" : "chunkOverlap"),
          "chunkSize and chunkOverlap go together: give both or neither (or a chunkingStrategy)")
      } else if pipeline["chunkingStrategy"] == nil {
        if let size, let overlap {
          let legacy = JSONValue.object([("type", .string("fixed")), ("size", size), ("overlap", overlap)])
          checkChunking(legacy, at: at, checker: &checker)
        } else {
          checker.error(at.key("chunkingStrategy"), "a pipeline needs a chunkingStrategy (or both chunkSize and chunkOverlap)")
        }
      }
      checkChunking(pipeline["chunkingStrategy"], at: at.key("chunkingStrategy"), checker: &checker)
      checkTags(pipeline["metadata"], at: at.key("metadata"), checker: &checker)
    }
  }

  /// The deploy-time schema's rules for a prefix: relative, no `.` or `..` component, S3-safe characters.
  static func checkPrefix(_ prefix: String, at path: FieldPath, checker: inout RequestChecker) {
    if prefix.hasPrefix("/") {
      checker.error(path, "'\(prefix)' must not start with '/'")
    } else if prefix.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == "." || $0 == ".." }) {
      checker.error(path, "'\(prefix)' must not contain '.' or '..' path components")
    } else if !only(prefix, "!_.*'()/=-") {
      checker.error(path, "'\(prefix)' is not a valid S3 prefix (letters, digits and !_.*'()/=- only)")
    }
  }

  /// `FixedChunkingStrategy` (size 100..10000, overlap 0..size/2) or `NoneChunkingStrategy`.
  public static func checkChunking(_ strategy: JSONValue?, at path: FieldPath, checker: inout RequestChecker) {
    guard let strategy, strategy["type"]?.stringValue != "none" else { return }
    guard let size = strategy["size"]?.intValue, let overlap = strategy["overlap"]?.intValue else {
      checker.error(path, "a fixed chunking strategy needs size and overlap")
      return
    }
    if let problem = chunkingProblem(size: size, overlap: overlap) { checker.error(path, problem) }
  }

  /// Why LISA would refuse this fixed chunking, or nil.
  public static func chunkingProblem(size: Int, overlap: Int) -> String? {
    if size < 100 || size > 10000 { return "chunk size must be between 100 and 10000 (is \(size))" }
    if overlap < 0 { return "chunk overlap must be at least 0 (is \(overlap))" }
    if Double(overlap) > Double(size) / 2 {
      return "chunk overlap (\(overlap)) must be at most half the chunk size (\(size / 2))"
    }
    return nil
  }

  /// `CollectionMetadata.tags`: at most 50, each at most 50 characters of letters, digits, `-` and `_`.
  static func checkTags(_ metadata: JSONValue?, at path: FieldPath, checker: inout RequestChecker) {
    guard let tags = metadata?["tags"]?.arrayItems?.compactMap(\.stringValue) else { return }
    if tags.count > 50 { checker.error(path.key("tags"), "at most 50 tags (has \(tags.count))") }
    for (index, tag) in tags.enumerated() {
      if tag.count > 50 {
        checker.error(path.key("tags").index(index), "'\(tag.prefix(20))…' is longer than 50 characters")
      } else if tag.isEmpty || !only(tag, "_-") {
        checker.error(path.key("tags").index(index), "'\(tag)' may hold only letters, digits, '-' and '_'")
      }
    }
  }

  static func checkKnowledgeBase(_ config: JSONValue?, checker: inout RequestChecker) {
    guard let config else { return }
    let sources = config["dataSources"]?.arrayItems ?? []
    let path = FieldPath("bedrockKnowledgeBaseConfig").key("dataSources")
    if sources.isEmpty { checker.error(path, "needs at least one data source") }
    for (index, source) in sources.enumerated() {
      if let uri = source["s3Uri"]?.stringValue, !uri.hasPrefix("s3://") {
        checker.error(path.index(index).key("s3Uri"), "'\(uri)' must start with s3://")
      }
    }
  }

  /// LISA's immutable-field rule for a pipeline update: pipelines compared by position when there are as
  /// many, and by `collectionId:s3Bucket:s3Prefix`. The message names the field and what to do instead.
  public static func immutablePipelineProblem(current: [JSONValue], desired: [JSONValue]) -> (index: Int, field: String)? {
    func key(_ pipeline: JSONValue) -> String {
      ["collectionId", "s3Bucket", "s3Prefix"].map { pipeline[$0]?.plainText ?? "" }.joined(separator: ":")
    }
    var pairs: [(Int, JSONValue, JSONValue)] = []
    if current.count == desired.count { pairs = Array(zip(current, desired).enumerated().map { ($0, $1.0, $1.1) }) }
    for old in current {
      if let index = desired.firstIndex(where: { key($0) == key(old) }) { pairs.append((index, old, desired[index])) }
    }
    for (index, old, new) in pairs {
      for field in RagSchema.immutablePipelineFields {
        let before = old[field] ?? (field == "autoRemove" ? .bool(true) : nil)
        let after = new[field] ?? (field == "autoRemove" ? .bool(true) : nil)
        if !JSONComparison.same(before, after) { return (index, field) }
      }
    }
    return nil
  }
}

extension RagRules {
  /// An `UpdateVectorStoreRequest` for `repository`: only the updatable fields, pipelines checked as on
  /// create, immutable pipeline fields compared with the stored pipelines (docs/lisa/rag-api.md#update).
  public static func checkUpdate(
    _ request: JSONValue, current repository: RagRepository, locate: @escaping (FieldPath) -> SourceLocation? = { _ in nil }
  ) -> CheckedRequest {
    var checker = RequestChecker(context: "UpdateVectorStoreRequest", locate: locate)
    let fields = RagSchema.repository.filter { RagSchema.updatable.contains($0.name) }
    var request = strip(request, RagSchema.serverFields)
    for (key, value) in request.objectPairs ?? [] where !RagSchema.updatable.contains(key) {
      guard RagSchema.repository.contains(where: { $0.name == key }) else { continue }
      let stored = RagDefinitionFile.stored(repository)[key]
      request = request.setting(key, nil)
      if key == "repositoryId" && value.stringValue == repository.id { continue }
      if JSONComparison.covers(value, stored) {
        checker.warn(FieldPath(key), "cannot change after create; left out since it matches what LISA holds")
      } else {
        checker.error(
          FieldPath(key), "cannot change after create (LISA's update does not take it); a new repository is needed")
      }
    }
    guard let body = checker.normalizeObject(request, fields: fields, at: .root) else {
      return CheckedRequest(body: nil, diagnostics: checker.diagnostics)
    }
    if body.objectPairs?.isEmpty == true { checker.error(.root, "nothing to update") }
    checkPipelines(body["pipelines"], at: FieldPath("pipelines"), checker: &checker)
    checkKnowledgeBase(body["bedrockKnowledgeBaseConfig"], checker: &checker)
    var result = body
    if let pipelines = body["pipelines"]?.arrayItems {
      let existing = RagDefinitionFile.stored(repository)["pipelines"]?.arrayItems ?? []
      let completed = RagRepositoryPlan.completing(pipelines, from: existing)
      result = result.setting("pipelines", .array(completed))
      if let (index, field) = immutablePipelineProblem(current: existing, desired: completed) {
        checker.error(
          FieldPath("pipelines").index(index).key(field),
          "cannot change on an existing pipeline (LISA refuses it: the field needs new infrastructure); "
            + "add a new pipeline with the new value instead and remove the old one")
      }
    }
    return finish(result, checker)
  }
}

extension RagRules {
  /// A collection update: `embeddingModel` is immutable after create (LISA silently keeps it), so a different
  /// value is an error and the same one is left out; fields `PUT` does not take are reported.
  public static func checkCollectionUpdate(
    _ request: JSONValue, current: JSONValue, locate: @escaping (FieldPath) -> SourceLocation? = { _ in nil }
  ) -> CheckedRequest {
    var checked = checkCollection(request, locate: locate)
    guard let body = checked.partial else { return checked }
    var result = body
    if let model = body["embeddingModel"] {
      result = result.setting("embeddingModel", nil)
      if !JSONComparison.same(model, current["embeddingModel"]) {
        checked.diagnostics.append(
          ConfigDiagnostic(
            severity: .error, path: "embeddingModel",
            message: "cannot change after create (is \(current["embeddingModel"]?.plainText ?? "unset")); LISA would keep "
              + "the old one; create a new collection for another embedding model",
            location: locate(FieldPath("embeddingModel"))))
      }
    }
    if result.objectPairs?.isEmpty == true {
      checked.diagnostics.append(
        ConfigDiagnostic(severity: .error, path: "", message: "nothing to update", location: locate(.root)))
    }
    let errors = checked.diagnostics.contains { $0.severity == .error }
    return CheckedRequest(body: errors ? nil : result, partial: result, diagnostics: checked.diagnostics)
  }
}

extension RagRules {
  /// The update that redeploys what a repository has: a Bedrock KB repository's knowledge base config (LISA
  /// turns it into pipelines and collections), else its pipelines as stored.
  public static func redeployBody(_ repository: RagRepository) throws -> JSONValue {
    let stored = RagDefinitionFile.export(repository)
    if repository.type == "bedrock_knowledge_base", let config = stored["bedrockKnowledgeBaseConfig"] {
      return .object([("bedrockKnowledgeBaseConfig", config)])
    }
    guard let pipelines = stored["pipelines"], pipelines.arrayItems?.isEmpty == false else {
      throw LisaError(.invalid, "repository '\(repository.id)' has no pipelines to redeploy")
    }
    return .object([("pipelines", pipelines)])
  }
}
