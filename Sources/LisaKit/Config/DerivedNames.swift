import Foundation

/// Every resource name an operator needs that LISA derives from the config (lib/stages.ts,
/// lib/core/apiBaseConstruct.ts, lib/schema/schema.ts), grouped for `lisa config names`.
public struct DerivedNames: Sendable {
  public struct Name: Sendable {
    public var group: String
    public var key: String
    public var value: String
    public var note: String?
  }

  public var deploymentName: String
  public var deploymentStage: String
  public var appName: String
  public var deploymentPrefix: String
  public var region: String?
  public var names: [Name] = []

  public init(config: YAMLMapping) {
    func text(_ key: String) -> String? {
      guard let s = config[key]?.scalar, s.resolved != .null, !s.text.isEmpty else { return nil }
      return s.text
    }
    func enabled(_ key: String) -> Bool {
      if case .bool(let b)? = config[key]?.scalar?.resolved { return b }
      return true
    }
    deploymentName = text("deploymentName") ?? "prod"
    deploymentStage = text("deploymentStage") ?? "prod"
    appName = text("appName") ?? "lisa"
    deploymentPrefix = text("deploymentPrefix") ?? "/\(deploymentStage)/\(deploymentName)/\(appName)"
    region = text("region")
    let name = deploymentName
    let stage = deploymentStage
    let prefix = deploymentPrefix

    add("deployment", "deploymentName", name)
    add("deployment", "deploymentStage", stage)
    add("deployment", "appName", appName)
    add("deployment", "deploymentPrefix", prefix, note: text("deploymentPrefix") == nil ? "derived" : "set in config")
    if let region { add("deployment", "region", region) }

    func stack(_ key: String, _ part: String, _ condition: String? = nil, withStage: Bool = true) {
      add("stacks", key, ([name, appName, part] + (withStage ? [stage] : [])).joined(separator: "-"), note: condition)
    }
    stack("iam", "IAM")
    stack("networking", "networking")
    stack("core", "core")
    stack("serve", "serve")
    stack("apiBase", "API", withStage: false)
    stack("apiDeployment", "api-deployment")
    stack("models", "models")
    if config["authConfig"] != nil { stack("apiTokens", "api-tokens", "deployed because authConfig is set") }
    if enabled("deployChat") { stack("chat", "chat", "deployChat") }
    if enabled("deployChat") && enabled("deployUi") { stack("ui", "ui", "deployUi") }
    if enabled("deployChat") && enabled("deployUi") && enabled("deployRag") { stack("rag", "rag", "deployRag") }
    if enabled("deployMcp") { stack("mcp", "mcp", "deployMcp") }
    if enabled("deployMetrics") { stack("metrics", "metrics", "deployMetrics") }
    if enabled("deployMcpWorkbench") { stack("mcpWorkbench", "mcp-workbench", "deployMcpWorkbench") }

    for (key, parameter) in [
      ("apiUrl", "LisaApiUrl"), ("serveRestApiUri", "lisaServeRestApiUri"), ("tokenTableName", "tokenTableName"),
      ("modelTableName", "modelTableName"), ("guardrailsTableName", "guardrailsTableName"),
      ("ragVectorStoreTableName", "ragVectorStoreTableName"), ("ragCollectionsTableName", "ragCollectionsTableName"),
      ("managementKeySecretName", "appManagementKeySecretName"), ("registeredRepositories", "registeredRepositories"),
    ] {
      add("ssmParameters", key, "\(prefix)/\(parameter)")
    }

    add("tables", "tokenTable", "\(name)-LISAApiBaseTokenTable", note: "LISA v6.0+")
    add("tables", "tokenTableLegacy", "\(name)-LISAApiTokenTable", note: "LISA v3.0–v5.x; export before upgrading to v6")
    add("tables", "tokenTableV2", "LISAApiTokenTable", note: "LISA v2.x")
    add("tables", "ragRepositoryConfigTable", "\(name)-\(stage)-rag-repository-config")

    add("secrets", "managementKey", "\(name)-management-key", note: "LISA v6.0+")
    add("secrets", "managementKeyLegacy", "\(name)-lisa-management-key", note: "LISA v3.3 to v5.4")
    add("secrets", "managementKeyStageScoped", "\(stage)-\(name)-management-key", note: "also tried by lisa-sdk")
    add("secrets", "managementKeyAppScoped", "lisa-\(name)-management-key", note: "also tried by lisa-sdk")
    add("events", "managementEventBus", "\(name)-management-events")
  }

  private mutating func add(_ group: String, _ key: String, _ value: String, note: String? = nil) {
    names.append(Name(group: group, key: key, value: value, note: note))
  }

  public func value(group: String, key: String) -> String? {
    names.first { $0.group == group && $0.key == key }?.value
  }

  /// Grouped object for `-o json`: `.tables.tokenTable`, `.ssmParameters.apiUrl`, …
  public var json: JSONValue {
    var groups: [(String, [(String, JSONValue)])] = []
    for name in names {
      if let i = groups.firstIndex(where: { $0.0 == name.group }) {
        groups[i].1.append((name.key, .string(name.value)))
      } else {
        groups.append((name.group, [(name.key, .string(name.value))]))
      }
    }
    return .object(groups.map { ($0.0, .object($0.1)) })
  }

  /// Flat rows for tables: `tables.tokenTable  prod-LISAApiBaseTokenTable  LISA v6.0+`.
  public var rows: [JSONValue] {
    names.map {
      .object([("name", .string("\($0.group).\($0.key)")), ("value", .string($0.value)), ("note", .string($0.note ?? ""))])
    }
  }
}
