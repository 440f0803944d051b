import Foundation

extension TableKeyStore {
  /// Opens `--store table[:NAME]`: the named table, else the deployment's v6 token table (SSM
  /// `${deploymentPrefix}/tokenTableName`, else `${deploymentName}-LISAApiBaseTokenTable`).
  public static func open(
    name: String?, config: LoadedConfig?, clients: AWSClients, trace: @escaping @Sendable (String) -> Void = { _ in }
  ) async throws -> TableKeyStore {
    let dynamoDB = try clients.dynamoDB()
    let candidates =
      if let name {
        [TableCandidate(name, origin: "--store table:\(name)")]
      } else {
        await TokenTables.targetCandidates(flag: nil, config: config, ssm: try clients.ssm())
      }
    let found: (TableCandidate, DynamoDBTableDescription)
    do {
      found = try await TokenTables.describeFirst(candidates, dynamo: dynamoDB, region: clients.region, role: "LISA v6")
    } catch var error as LisaError where error.status == .notFound {
      error.hint = "name the table with --store table:NAME, or point --config-dir at the deployment's config"
      throw error
    }
    let (table, description) = found
    guard description.partitionKey == "token" else {
      throw LisaError(
        .invalid,
        "\(table.name) is not a LISA token table: its partition key is '\(description.partitionKey ?? "?")', not 'token'")
    }
    let format = TokenTables.format(of: description)
    trace("keys: store table:\(table.name) (\(table.origin)), LISA \(format.rawValue) format, region \(clients.region)")
    let sts = try clients.sts()
    return TableKeyStore(
      table: table.name, format: format, dynamoDB: dynamoDB,
      adminGroup: config?.adminGroup,
      caller: { try await sts.getCallerIdentity().userName }, now: clients.context.now, trace: trace)
  }
}

extension LoadedConfig {
  /// `authConfig.adminGroup`: the group that makes a LISA token an admin token (`--admin`).
  public var adminGroup: String? {
    merged.lookup(["authConfig", "adminGroup"])?.scalar.flatMap { $0.resolved == .null ? nil : $0.text }
  }
}

/// The token `revoke --legacy-key-file` names: the whole file (or stdin for `-`) is one key.
public enum KeySecretFile {
  public static func read(_ path: String, context: LisaContext) throws -> KeySecret {
    let (name, data) = try context.readSecretInput(path)
    guard let text = String(data: data, encoding: .utf8) else {
      throw LisaError(.dataError, "\(name): the key is not UTF-8 text")
    }
    let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !key.isEmpty else { throw LisaError(.invalid, "\(name): no key in it") }
    guard !key.contains(where: \.isNewline) else {
      throw LisaError(.invalid, "\(name): holds more than one line; put exactly one key in it")
    }
    return KeySecret(key)
  }
}
