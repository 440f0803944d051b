import Foundation
import LisaKit

/// What `backup create` and `backup restore` find out about the deployment they work on.
struct BackupDeployment {
  var config: LoadedConfig?
  var names: DerivedNames
  /// Made on first use: a models-only backup needs no AWS access.
  var aws: () throws -> AWSClients

  var directory: String
}

extension Session {
  func backupDeployment() throws -> BackupDeployment {
    let config = try loadConfigIfPresent()
    return BackupDeployment(
      config: config, names: DerivedNames(config: config?.mapping ?? YAMLMapping()),
      aws: { try self.awsClients(config: config) },
      directory: ConfigLoader.directory(flag: globals.deployment.configDir, context: context))
  }

  /// The path of a backup given on the command line.
  func existingBackup(_ file: String) throws -> String { context.resolve(file) }

  /// The token tables of the deployment that exist: the pre-v6 one, then the v6 one.
  func existingTokenTables(_ deployment: BackupDeployment) async throws -> (AWSClients, [String], tried: [String]) {
    let aws = try deployment.aws()
    let dynamo = try aws.dynamoDB()
    let candidates =
      TokenTables.sourceCandidates(flag: nil, config: deployment.config)
      + (await TokenTables.targetCandidates(flag: nil, config: deployment.config, ssm: try? aws.ssm()))
    var found: [String] = []
    for candidate in candidates where !candidate.name.isEmpty && !found.contains(candidate.name) {
      do {
        _ = try await dynamo.describeTable(candidate.name)
        found.append(candidate.name)
      } catch let error as LisaError where error.status == .notFound {
        continue
      }
    }
    return (aws, found, candidates.map(\.name))
  }
}

extension Session {
  /// `warn` for work that reports from other tasks.
  var warnSink: @Sendable (String) -> Void {
    let quiet = quiet
    let stderr = context.stderr
    let color = terminal.colorOnStderr
    return { line in if !quiet { stderr.write(Style.yellow.apply("warning:", enabled: color) + " " + line + "\n") } }
  }
}
