import Foundation

/// The checks that read the token tables, the config and SSM (docs/lisa/upgrades.md#preflight).
extension PreflightChecker {
  static let v60 = LisaVersion(6, 0, 0)
  static let v61 = LisaVersion(6, 1, 0)
  static let v40 = LisaVersion(4, 0, 0)

  /// The pre-v6 table: v6.0 moves tokens to a new, empty table, and with `removalPolicy: destroy` (also
  /// when unset) CloudFormation deletes the old one with its tokens (docs/lisa/upgrades.md#v6).
  func oldTokenTableCheck() async throws -> PreflightCheck {
    let (id, title) = ("old-token-table", "Old token table")
    guard target >= Self.v60 else { return PreflightCheck(id, title, .pass, "LISA v\(target) keeps it (the move is in v6.0)") }
    let table = names.value(group: "tables", key: "tokenTableLegacy") ?? "\(names.deploymentName)-LISAApiTokenTable"
    let clients = try sources.aws()
    let dynamoDB = try clients.dynamoDB()
    do {
      _ = try await dynamoDB.describeTable(table)
    } catch let error as LisaError where error.status == .notFound {
      return PreflightCheck(id, title, .pass, "no \(table) in \(clients.region): no pre-v6 tokens to carry over")
    }
    let store = TableKeyStore(
      table: table, format: .plaintext, dynamoDB: dynamoDB, adminGroup: nil, caller: { "lisa" }, now: sources.now)
    let count = try await store.list().count
    let policy = config?.string("removalPolicy") ?? "destroy"
    let held = "\(table) holds \(count) token\(count == 1 ? "" : "s"), removalPolicy \(policy)"
    guard count > 0 else { return PreflightCheck(id, title, .pass, "\(held): nothing to lose") }
    guard policy == "destroy" else {
      return PreflightCheck(id, title, .pass, "\(held): CloudFormation leaves it behind; delete it once the tokens verify")
    }
    let backup = (try? sources.backups())?.first {
      $0.kind == TokenBackup.backupKind && $0.source.hasSuffix("/\(table)") && $0.recordCount >= count
    }
    if let backup {
      return PreflightCheck(
        id, title, .warn, "\(held): the deploy deletes it with its tokens; \(backup.path) holds all of them",
        fix: "keep \(backup.path) safe (lisa keys import restores it), or set removalPolicy: retain in config-custom.yaml")
    }
    return PreflightCheck(
      id, title, .fail, "\(held): the deploy deletes it with its tokens, and no backup in the index holds them",
      fix: "lisa keys export --output tokens-pre-v6.lisabak (or lisa keys migrate after the deploy, with removalPolicy: retain)")
  }

  /// Items v6.1's authorizer rejects: plaintext (legacy) items and tokens without an expiry
  /// (docs/lisa/upgrades.md#v61).
  func legacyTokensCheck() async throws -> PreflightCheck {
    let (id, title) = ("legacy-tokens", "Tokens LISA v6.1 rejects")
    guard target >= Self.v61 else { return PreflightCheck(id, title, .pass, "LISA v\(target) still accepts plaintext tokens") }
    let store: TableKeyStore
    do {
      store = try await TableKeyStore.open(name: nil, config: config, clients: try sources.aws())
    } catch let error as LisaError where error.status == .notFound {
      return PreflightCheck(id, title, .pass, "no v6 token table yet: tokens carried over are written in the v6.1 form")
    }
    let records = try await store.list()
    let legacy = records.filter(\.isLegacy).count
    let endless = records.filter { !$0.isLegacy && $0.expiresAt == nil }.count
    guard legacy + endless > 0 else {
      return PreflightCheck(id, title, .pass, "\(store.table): all \(records.count) tokens are hashed and expire")
    }
    return PreflightCheck(
      id, title, .fail,
      "\(store.table): \(legacy) plaintext (legacy) token\(legacy == 1 ? "" : "s") and \(endless) without an expiry; "
        + "LISA v\(target) rejects them",
      fix: "lisa keys export --from-table \(store.table) --output tokens-v6.0.lisabak, then after the deploy "
        + "lisa keys import --backup tokens-v6.0.lisabak --default-expiration 90d")
  }

  func configCheck() -> PreflightCheck {
    let (id, title) = ("config", "Config valid for the target")
    let config: LoadedConfig
    switch sources.config {
    case .failure(let error):
      return PreflightCheck(id, title, .fail, "the config cannot be read: \(error)", fix: "lisa config validate shows where")
    case .success(nil):
      return PreflightCheck(
        id, title, .warn, "no config-custom.yaml here", fix: "pass --config-dir with the deployment's config-custom.yaml")
    case .success(let loaded?):
      config = loaded
    }
    let diagnostics = ConfigValidator.validate(config.merged)
    let errors = diagnostics.filter { $0.severity == .error }
    let rules = "LISA v\(LisaConfigSchema.lisaVersion)'s rules"
    let caveat = target.description == LisaConfigSchema.lisaVersion ? "" : " (lisa knows \(rules) only, not v\(target)'s)"
    if let first = errors.first {
      return PreflightCheck(
        id, title, .fail, "\(config.customName): \(errors.count) error(s) against \(rules)\(caveat), first: \(first.line)",
        fix: "lisa config validate lists them; lisa migrate config rewrites older configs")
    }
    let warnings = diagnostics.count
    guard warnings == 0, caveat.isEmpty else {
      return PreflightCheck(
        id, title, .warn, "\(config.customName): valid against \(rules)\(caveat), \(warnings) warning(s)",
        fix: "lisa config validate shows the warnings")
    }
    return PreflightCheck(id, title, .pass, "\(config.customName) is valid against \(rules)")
  }

  /// LiteLLM's admin key: `litellmConfig.db_key` (v3.2 on; `general_settings.master_key` before) must
  /// start with `sk-`; the published default is a warning. Never shows the value.
  func adminKeyCheck() -> PreflightCheck {
    let (id, title) = ("litellm-admin-key", "LiteLLM admin key")
    guard let config else {
      return PreflightCheck(id, title, .warn, "no config to read it from", fix: "pass --config-dir")
    }
    let path =
      target >= LisaVersion(3, 2, 0) ? ["litellmConfig", "db_key"] : ["litellmConfig", "general_settings", "master_key"]
    let shown = path.joined(separator: ".")
    guard let key = config.merged.lookup(path)?.scalar?.text, !key.isEmpty else {
      return PreflightCheck(
        id, title, .fail, "\(shown) is not set", fix: "set \(shown): sk-<random UUID> in config-custom.yaml (echo sk-$(uuidgen))")
    }
    guard key.hasPrefix("sk-") else {
      return PreflightCheck(
        id, title, .fail, "\(shown) does not start with sk- (\(key.count) characters)", fix: "set it to sk-<random UUID>")
    }
    guard key != ConfigValidator.publishedDefaultDbKey else {
      return PreflightCheck(
        id, title, .warn, "\(shown) is the default published in LISA's config-base.yaml",
        fix: "set your own sk-<random UUID> in config-custom.yaml")
    }
    return PreflightCheck(id, title, .pass, "\(shown) starts with sk- and is not the published default")
  }

  /// From v4.0 a deploy keeps only YAML repositories listed in SSM `<deploymentPrefix>/registeredRepositories`
  /// and tears down a listed one that left the YAML (docs/lisa/upgrades.md#v4).
  func yamlRepositoriesCheck() async throws -> PreflightCheck {
    let (id, title) = ("yaml-repositories", "YAML RAG repositories")
    guard target >= Self.v40 else { return PreflightCheck(id, title, .pass, "LISA v\(target) still creates them from YAML") }
    let inYAML = (config?.merged.lookup(["ragRepositories"])?.sequence?.items ?? []).compactMap {
      $0.value.lookup(["repositoryId"])?.scalar?.text
    }
    let parameter =
      names.value(group: "ssmParameters", key: "registeredRepositories") ?? "\(names.deploymentPrefix)/registeredRepositories"
    let registered: [String]
    do {
      let value = try await sources.aws().ssm().getParameter(parameter).value
      let parsed = try JSONValue.parse(Data(value.utf8), source: "SSM parameter \(parameter)")
      registered = (parsed.arrayItems ?? []).compactMap { $0["repositoryId"]?.stringValue }
    } catch let error as LisaError where error.status == .notFound {
      registered = []
    }
    let dropped = registered.filter { !inYAML.contains($0) }
    let ignored = inYAML.filter { !registered.contains($0) }
    if !dropped.isEmpty {
      return PreflightCheck(
        id, title, .fail,
        "\(dropped.joined(separator: ", ")) deployed from YAML (\(parameter)) but not in the config: the deploy tears it down",
        fix: "copy each entry back into ragRepositories in config-custom.yaml (lisa config get ragRepositories)")
    }
    if !ignored.isEmpty {
      return PreflightCheck(
        id, title, .warn, "\(ignored.joined(separator: ", ")) in the config but never deployed: LISA v\(target) ignores it",
        fix: "create it through the API (lisa rag) and remove it from ragRepositories")
    }
    return PreflightCheck(id, title, .pass, "\(inYAML.count) YAML repositories, each deployed and kept")
  }
}
