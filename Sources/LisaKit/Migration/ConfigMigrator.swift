import Foundation

/// Turns one environment block of an old single-file `config.yaml` (LISA ≤ v3.1: top-level `env:`
/// plus a block per environment) into a `config-custom.yaml`, doing what LISA's
/// `npm run migrate-properties` means to do without its bugs: the environment `env:` names (not the
/// last block), `master_key` → `db_key` (not `dbKey`), no crash on missing sections, and a report of
/// everything dropped.
public struct ConfigMigrator {
  public var base: YAMLNode
  public var keepDefaults = false
  /// Whether the models of the old file are written out as create requests (`--models-out`).
  public var modelsOut = false

  /// Keys LISA requires whose empty value is safe, added when neither file sets them.
  static let safeEmptyValues: [(key: String, value: YAMLNode, reason: String)] = [
    (
      "ragRepositories", .sequence(YAMLSequence(flow: true)),
      "added as []: LISA requires the key, and [] deploys no YAML repository"
    )
  ]

  public init(base: YAMLNode, keepDefaults: Bool = false, modelsOut: Bool = false) {
    self.base = base
    self.keepDefaults = keepDefaults
    self.modelsOut = modelsOut
  }

  public struct Result: Sendable {
    public var environment: String
    public var node: YAMLNode
    public var yaml: String
    public var report: MigrationReport
    public var diagnostics: [ConfigDiagnostic]
    /// The old file's model definitions as create requests.
    public var models: LegacyModelRequests
    public var errors: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .error } }
  }

  /// The environment blocks of a legacy file: top-level mappings that are not themselves config keys.
  public static func environments(in root: YAMLMapping) -> [String] {
    let configKeys = Set(LisaConfigSchema.topLevelKeys)
    return root.entries.filter { $0.key != "env" && $0.value.mapping != nil && !configKeys.contains($0.key) }.map(\.key)
  }

  /// `--env`, else the file's `env:`, else the only block there is.
  public static func selectEnvironment(in root: YAMLMapping, requested: String?, file: String) throws -> String {
    let available = environments(in: root)
    let listed = available.isEmpty ? "none" : available.joined(separator: ", ")
    if available.isEmpty && root["env"] == nil {
      guard root.keys.contains(where: LisaConfigSchema.topLevelKeys.contains) else {
        throw LisaError(
          .invalid, "no environment blocks (expected env: and a block per environment)", at: SourceLocation(file: file))
      }
      throw LisaError(
        .invalid, "already in the split layout (config keys at the top level, no env: blocks)",
        at: SourceLocation(file: file), hint: "use it as config-custom.yaml; `lisa config validate` checks it")
    }
    let name: String
    if let requested {
      name = requested
    } else if let envNode = root["env"] {
      guard let text = envNode.scalar?.text, envNode.scalar?.resolved != .null else {
        throw LisaError(.invalid, "env: must name an environment block (environments: \(listed))", at: envNode.location)
      }
      name = text
    } else if available.count == 1 {
      name = available[0]
    } else {
      throw LisaError(
        .invalid, "no top-level env: and \(available.count) environment blocks (\(listed))",
        at: SourceLocation(file: file), hint: "choose one with --env NAME, or use --all-envs --out-dir DIR")
    }
    guard let block = root.entry(name) else {
      throw LisaError(
        .notFound, "environment '\(name)' not found (environments: \(listed))",
        at: root["env"]?.location ?? SourceLocation(file: file))
    }
    guard block.value.mapping != nil else {
      throw LisaError(
        .invalid, "environment '\(name)' must be a mapping of settings, found \(block.value.kindDescription)",
        at: block.keyLocation)
    }
    return name
  }

  public func migrate(root: YAMLMapping, environment: String, file: String) -> Result {
    var report = MigrationReport(source: file, environment: environment)
    var config = root[environment]?.mapping ?? YAMLMapping()
    let models = LegacyModelRequests(config: config)
    EcsModelsRewrite.rewrite(&config, report: &report, modelsOut: modelsOut)

    if let lambda = config.remove("lambdaConfig") {
      report.dropped.append(
        .init(
          path: "lambdaConfig", line: lambda.keyLocation?.line,
          detail: LisaConfigSchema.retiredKeys["lambdaConfig"] ?? "removed in LISA v3.2"))
    }
    for entry in config.entries where entry.value.isNull {
      config.remove(entry.key)
      report.dropped.append(.init(path: entry.key, line: entry.keyLocation?.line, detail: "empty value (LISA's default applies)"))
    }
    if let rest = config["restApiConfig"]?.mapping { config["restApiConfig"] = .mapping(migrateRestApi(rest, report: &report)) }
    if let litellm = config["litellmConfig"]?.mapping {
      config["litellmConfig"] = .mapping(migrateLiteLLM(litellm, report: &report))
    } else {
      report.notes.append("no litellmConfig section: config-base.yaml's published db_key will be used; set litellmConfig.db_key")
    }
    quoteAccountNumbers(&config, report: &report)

    var pruner = SchemaPruner()
    var node = pruner.prune(.mapping(config), shape: LisaConfigSchema.root, path: "")
    report.dropped += pruner.dropped
    addSafeEmptyValues(&node, report: &report)
    if !keepDefaults {
      node = omitDefaults(node, base: base, path: "", report: &report)
    }
    report.keptKeys = Self.leafCount(node)
    let diagnostics = ConfigValidator.validate(LodashMerge.merge(base, node))
    let header =
      "# Migrated by `lisa migrate config` from \((file as NSString).lastPathComponent), environment '\(environment)'.\n"
    let yaml = header + YAMLEmitter().emit(node)
    return Result(
      environment: environment, node: node, yaml: yaml, report: report, diagnostics: diagnostics, models: models)
  }

  func addSafeEmptyValues(_ node: inout YAMLNode, report: inout MigrationReport) {
    guard case .mapping(var config) = node else { return }
    for (key, value, reason) in Self.safeEmptyValues where config[key] == nil && base.lookup([key]) == nil {
      config[key] = value
      report.changed.append(.init(path: key, line: nil, detail: reason))
    }
    node = .mapping(config)
  }

  /// `restApiConfig` keeps `internetFacing` and `rdsConfig`; `sslCertIamArn` and `domainName` move up
  /// out of `loadBalancerConfig`; the container, scaling and health-check settings are gone since v3.2.
  func migrateRestApi(_ rest: YAMLMapping, report: inout MigrationReport) -> YAMLMapping {
    var result = rest
    guard let lbEntry = result.remove("loadBalancerConfig") else { return result }
    var lb = lbEntry.value.mapping ?? YAMLMapping()
    for key in ["sslCertIamArn", "domainName"] {
      guard let entry = lb.remove(key) else { continue }
      let from = "restApiConfig.loadBalancerConfig.\(key)"
      if entry.value.isNull { continue }
      if let existing = result.entry(key), !existing.value.isNull {
        report.dropped.append(
          .init(path: from, line: entry.keyLocation?.line, detail: "restApiConfig.\(key) is already set and wins"))
        continue
      }
      result.remove(key)
      result.entries.insert(entry, at: min(key == "sslCertIamArn" ? 0 : result.entries.count, result.entries.count))
      report.renamed.append(.init(path: from, line: entry.keyLocation?.line, detail: "moved to restApiConfig.\(key)"))
    }
    for entry in lb.entries {
      report.dropped.append(
        .init(
          path: "restApiConfig.loadBalancerConfig.\(entry.key)", line: entry.keyLocation?.line, detail: "removed in LISA v3.2"))
    }
    return result
  }

  /// `general_settings.master_key` becomes `db_key`, the key LISA's schema reads.
  func migrateLiteLLM(_ litellm: YAMLMapping, report: inout MigrationReport) -> YAMLMapping {
    var result = litellm
    if var dbKey = result.remove("dbKey"), result["db_key"] == nil {
      dbKey.key = "db_key"
      result.entries.insert(dbKey, at: 0)
      report.renamed.append(
        .init(path: "litellmConfig.dbKey", line: dbKey.keyLocation?.line, detail: "renamed to litellmConfig.db_key"))
    }
    if var general = result["general_settings"]?.mapping, var master = general.remove("master_key") {
      if result["db_key"] == nil {
        master.key = "db_key"
        result.entries.insert(master, at: 0)
        report.renamed.append(
          .init(
            path: "litellmConfig.general_settings.master_key", line: master.keyLocation?.line,
            detail: "moved to litellmConfig.db_key"))
      } else {
        report.dropped.append(
          .init(
            path: "litellmConfig.general_settings.master_key", line: master.keyLocation?.line,
            detail: "litellmConfig.db_key is already set and wins"))
      }
      if general.entries.isEmpty {
        result.remove("general_settings")
      } else {
        result["general_settings"] = .mapping(general)
      }
    }
    if result["db_key"] == nil {
      report.notes.append(
        "no litellmConfig.general_settings.master_key: config-base.yaml's published db_key will be used; set litellmConfig.db_key"
      )
    }
    return result
  }

  /// An unquoted account number with a leading zero is read by LISA as a shorter number.
  func quoteAccountNumbers(_ config: inout YAMLMapping, report: inout MigrationReport) {
    func fix(_ node: YAMLNode, path: String) -> YAMLNode {
      guard case .scalar(var s) = node, s.style == .plain, s.resolved.isNumber, s.text.hasPrefix("0"), s.text.count == 12 else {
        return node
      }
      s.style = .doubleQuoted
      report.changed.append(.init(path: path, line: s.location?.line, detail: "quoted \(s.text) so LISA keeps the leading zero"))
      return .scalar(s)
    }
    if let account = config["accountNumber"] { config["accountNumber"] = fix(account, path: "accountNumber") }
    if var ecr = config["accountNumbersEcr"]?.sequence {
      for i in ecr.items.indices { ecr.items[i].value = fix(ecr.items[i].value, path: "accountNumbersEcr[\(i)]") }
      config["accountNumbersEcr"] = .sequence(ecr)
    }
  }

  /// Drops values the merge with config-base.yaml would produce anyway.
  func omitDefaults(_ node: YAMLNode, base: YAMLNode?, path: String, report: inout MigrationReport) -> YAMLNode {
    guard case .mapping(var map) = node, case .mapping(let baseMap)? = base else { return node }
    var kept: [YAMLMapping.Entry] = []
    for var entry in map.entries {
      let entryPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
      guard let baseValue = baseMap[entry.key] else {
        kept.append(entry)
        continue
      }
      if entry.value.sameValue(as: baseValue) {
        report.omittedDefaults.append(.init(path: entryPath, line: entry.keyLocation?.line, detail: "same as config-base.yaml"))
        continue
      }
      entry.value = omitDefaults(entry.value, base: baseValue, path: entryPath, report: &report)
      if case .mapping(let m) = entry.value, m.entries.isEmpty { continue }
      kept.append(entry)
    }
    map.entries = kept
    return .mapping(map)
  }

  static func leafCount(_ node: YAMLNode) -> Int {
    switch node {
    case .scalar: 1
    case .sequence(let s): s.items.reduce(0) { $0 + leafCount($1.value) }
    case .mapping(let m): m.entries.reduce(0) { $0 + leafCount($1.value) }
    }
  }
}
