import Foundation

/// LISA's cross-field rules (`.refine` in its zod schema) and the extra checks `lisa` adds.
extension ConfigValidator {
  /// The db_key that ships in LISA's config-base.yaml; anyone who has read the repo knows it.
  public static let publishedDefaultDbKey = "sk-a8814208-0388-480c-9fc7-fea59607ca38"

  mutating func refine(_ config: YAMLMapping, root: YAMLNode) {
    checkAccountNumbers(config)
    let region = config["region"]?.scalar?.text ?? ""
    if region.contains("iso"), (root.lookup(["pypiConfig", "indexUrl"])?.scalar?.text ?? "").isEmpty {
      error("pypiConfig.indexUrl", "must be set in an iso region (\(region))", at: config.entry("region")?.keyLocation)
    }
    let deployChat = flag(config, "deployChat")
    let deployRag = flag(config, "deployRag")
    let deployUi = flag(config, "deployUi")
    if deployUi && !deployChat {
      error(
        "deployUi", "the UI needs the chat stack: set deployChat: true or deployUi: false",
        at: config.entry("deployChat")?.keyLocation)
    }
    if (deployChat || deployRag || deployUi) && config["authConfig"] == nil {
      let enabled = [("deployChat", deployChat), ("deployRag", deployRag), ("deployUi", deployUi)].filter(\.1).map(\.0)
      error(
        "authConfig",
        "required when \(enabled.joined(separator: ", ")) \(enabled.count == 1 ? "is" : "are") true (each defaults to true)",
        at: config.location)
    }
    if let dbHost = root.lookup(["restApiConfig", "rdsConfig", "dbHost"]), !(dbHost.scalar?.text ?? "").isEmpty {
      error(
        "restApiConfig.rdsConfig.dbHost", "must not be set: LISA does not allow an existing database for LiteLLM",
        at: dbHost.location)
    }
    if let overrides = root.lookup(["restApiConfig", "rateLimitOverrides"])?.mapping {
      for entry in overrides.entries where !Self.isRateLimitKey(entry.key) {
        error(
          "restApiConfig.rateLimitOverrides.\(entry.key)",
          "key must be token:<tokenUUID>, oidc:<sub> or user:<username>; this override would never apply", at: entry.keyLocation)
      }
    }
    if let dbKey = root.lookup(["litellmConfig", "db_key"]), let text = dbKey.scalar?.text {
      if !text.hasPrefix("sk-") {
        error(
          "litellmConfig.db_key", "must start with \"sk-\" (any string works; a random UUID is recommended)", at: dbKey.location)
      } else if text == Self.publishedDefaultDbKey {
        warn(
          "litellmConfig.db_key", "is the default key published in LISA's config-base.yaml; set your own in config-custom.yaml",
          at: dbKey.location)
      }
    }
    if let repositories = config["ragRepositories"]?.sequence { checkRepositories(repositories) }
  }

  func flag(_ config: YAMLMapping, _ key: String) -> Bool {
    if case .bool(let value)? = config[key]?.scalar?.resolved { return value }
    return true
  }

  static func isRateLimitKey(_ key: String) -> Bool {
    for prefix in ["token:", "oidc:", "user:"] where key.hasPrefix(prefix) && key.count > prefix.count { return true }
    return false
  }

  /// zod turns numbers into strings with JavaScript's `toString`, so an unquoted `012345678901` loses its zero.
  mutating func checkAccountNumbers(_ config: YAMLMapping) {
    var candidates: [(String, YAMLNode)] = []
    if let account = config["accountNumber"] { candidates.append(("accountNumber", account)) }
    for (i, item) in (config["accountNumbersEcr"]?.sequence?.items ?? []).enumerated() {
      candidates.append(("accountNumbersEcr[\(i)]", item.value))
    }
    for (path, node) in candidates {
      guard let scalar = node.scalar else { continue }
      let asLisaReadsIt: String
      switch scalar.resolved {
      case .string(let text): asLisaReadsIt = text
      case .int(let digits): asLisaReadsIt = digits
      case .float(let value): asLisaReadsIt = ConfigValidator.number(value)
      default: continue
      }
      guard asLisaReadsIt.count != 12 else { continue }
      if scalar.resolved.isNumber, scalar.text.count == 12, scalar.text.hasPrefix("0") {
        error(
          path,
          "LISA reads the unquoted \(scalar.text) as the number \(asLisaReadsIt) (\(asLisaReadsIt.count) digits); quote it: \"\(scalar.text)\"",
          at: node.location)
      } else {
        error(path, "AWS account number should be 12 digits (is '\(scalar.text)')", at: node.location)
      }
    }
  }

  mutating func checkRepositories(_ repositories: YAMLSequence) {
    var seen: [String: Int] = [:]
    for (i, item) in repositories.items.enumerated() {
      guard let repo = item.value.mapping else { continue }
      let path = "ragRepositories[\(i)]"
      if let idNode = repo["repositoryId"], case .string(let id)? = idNode.scalar?.resolved {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        if id.count < 3 || !id.prefix(3).allSatisfy(allowed.contains) {
          error(
            "\(path).repositoryId", "only lowercase letters, digits and '-' are supported, at least 3 characters",
            at: idNode.location)
        } else if !id.allSatisfy(allowed.contains) || id.count > 20 {
          warn(
            "\(path).repositoryId",
            "LISA's pattern ^[a-z0-9-]{3,20} only checks the start; '\(id)' passes it but is not a clean id (lowercase letters, digits, '-', at most 20)",
            at: idNode.location)
        }
        if id.hasPrefix("-") || id.hasSuffix("-") {
          error("\(path).repositoryId", "cannot start or end with '-'", at: idNode.location)
        }
        if let first = seen[id] {
          error(
            "\(path).repositoryId", "'\(id)' is already used by ragRepositories[\(first)]; ids must be distinct",
            at: idNode.location)
        } else {
          seen[id] = i
        }
      }
      let type = repo["type"]?.scalar?.text
      if type == "opensearch" && repo["opensearchConfig"] == nil {
        error("\(path).opensearchConfig", "required for an opensearch repository", at: repo.location)
      }
      if type == "pgvector" && repo["rdsConfig"] == nil {
        error("\(path).rdsConfig", "required for a pgvector repository", at: repo.location)
      }
      for source in repo["bedrockKnowledgeBaseConfig"]?.mapping?["dataSources"]?.sequence?.items ?? [] {
        if let uri = source.value.mapping?["s3Uri"], let text = uri.scalar?.text, !Self.isS3URI(text) {
          error(
            "\(path).bedrockKnowledgeBaseConfig.dataSources.s3Uri", "must be a valid S3 URI (s3://bucket/prefix)",
            at: uri.location)
        }
      }
      for (p, pipeline) in (repo["pipelines"]?.sequence?.items ?? []).enumerated() {
        checkPipeline(pipeline.value, path: "\(path).pipelines[\(p)]")
      }
    }
  }

  mutating func checkPipeline(_ node: YAMLNode, path: String) {
    guard let pipeline = node.mapping else { return }
    if let prefixNode = pipeline["s3Prefix"], case .string(let prefix)? = prefixNode.scalar?.resolved {
      let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!_.*'()/=-")
      if prefix.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == "." || $0 == ".." }) {
        error("\(path).s3Prefix", "cannot contain relative path components ('.' or '..')", at: prefixNode.location)
      } else if !prefix.allSatisfy(allowed.contains) {
        error("\(path).s3Prefix", "must be a valid S3 prefix", at: prefixNode.location)
      } else if prefix.hasPrefix("/") {
        error("\(path).s3Prefix", "must not start with /", at: prefixNode.location)
      }
    }
    if let strategy = pipeline["chunkingStrategy"]?.mapping, strategy["type"]?.scalar?.text == "fixed" {
      let size = strategy["size"]?.scalar?.resolved.doubleValue ?? 512
      let overlap = strategy["overlap"]?.scalar?.resolved.doubleValue ?? 51
      if overlap > size / 2 {
        error(
          "\(path).chunkingStrategy.overlap", "must be at most half of size (\(ConfigValidator.number(size / 2)))",
          at: strategy.location)
      }
    }
  }

  static func isS3URI(_ text: String) -> Bool {
    guard text.hasPrefix("s3://") else { return false }
    let rest = text.dropFirst(5)
    let bucket = rest.prefix { $0 != "/" }
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
    guard bucket.count >= 2, bucket.allSatisfy(allowed.contains), let first = bucket.first, let last = bucket.last else {
      return false
    }
    return first != "." && first != "-" && last != "." && last != "-"
  }
}
