import Foundation

/// A table name and where it came from, so "not found" can say what was tried.
public struct TableCandidate: Sendable, Equatable {
  public var name: String
  public var origin: String
  public init(_ name: String, origin: String) {
    self.name = name
    self.origin = origin
  }
}

/// Finds LISA's API token tables: the pre-v6 one (`${deploymentName}-LISAApiTokenTable`) and the v6+
/// one (SSM `${deploymentPrefix}/tokenTableName`, else `${deploymentName}-LISAApiBaseTokenTable`).
public enum TokenTables {
  public static func sourceCandidates(flag: String?, config: LoadedConfig?) -> [TableCandidate] {
    if let flag { return [TableCandidate(flag, origin: "--from-table")] }
    let (names, origin) = deployment(config)
    return [
      TableCandidate(names.value(group: "tables", key: "tokenTableLegacy") ?? "", origin: "LISA v3–v5 name for \(origin)"),
      TableCandidate("LISAApiTokenTable", origin: "LISA v2 name"),
    ]
  }

  public static func targetCandidates(flag: String?, config: LoadedConfig?, ssm: SSMClient?) async -> [TableCandidate] {
    if let flag { return [TableCandidate(flag, origin: "--to-table")] }
    let (names, origin) = deployment(config)
    var candidates: [TableCandidate] = []
    if let ssm, let parameter = names.value(group: "ssmParameters", key: "tokenTableName"),
      let value = try? await ssm.getParameter(parameter, withDecryption: false).value, !value.isEmpty
    {
      candidates.append(TableCandidate(value, origin: "SSM \(parameter)"))
    }
    let derived = names.value(group: "tables", key: "tokenTable") ?? ""
    if !candidates.contains(where: { $0.name == derived }) {
      candidates.append(TableCandidate(derived, origin: "LISA v6 name for \(origin)"))
    }
    return candidates
  }

  /// The first candidate that exists, with its description; `.notFound` naming every name tried.
  public static func describeFirst(
    _ candidates: [TableCandidate], dynamo: DynamoDBClient, region: String, role: String
  ) async throws -> (TableCandidate, DynamoDBTableDescription) {
    for candidate in candidates {
      do {
        return (candidate, try await dynamo.describeTable(candidate.name))
      } catch let error as LisaError where error.status == .notFound {
        continue
      }
    }
    let tried = candidates.map { "\($0.name) (\($0.origin))" }.joined(separator: ", ")
    throw LisaError(
      .notFound, "no \(role) token table in \(region): tried \(tried)",
      hint: role == "source" ? "name it with --from-table" : "name it with --to-table")
  }

  static func deployment(_ config: LoadedConfig?) -> (DerivedNames, String) {
    guard let config else {
      return (DerivedNames(config: YAMLMapping()), "LISA's default deploymentName 'prod' (no config-custom.yaml)")
    }
    let names = DerivedNames(config: config.mapping)
    return (names, "deploymentName '\(names.deploymentName)' in \(config.customName)")
  }

  /// v6.1 tables have the `username-index` GSI; v6.0 tables do not.
  public static func format(of table: DynamoDBTableDescription) -> LisaTokenFormat {
    table.index(named: "username-index") == nil ? .plaintext : .hashed
  }
}
