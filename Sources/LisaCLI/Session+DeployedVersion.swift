import Foundation
import LisaKit

/// The deployed LISA release, for `migrate plan` (when --from is left out) and `backup create` (its metadata).
extension Session {
  /// The LISA version the deployment reports, through the readers `migrate plan` asks; nil when none can.
  func readableLisaVersion() async -> String? {
    for reader in deployedVersionReaders() {
      if let text = try? await reader.deployedVersion() { return text }
    }
    return nil
  }

  /// How the deployed LISA version is read when `--from` is not given: the VERSION tag of the deployment's core
  /// stack, when a config names the deployment and AWS can be asked; none otherwise.
  func deployedVersionReaders() -> [any DeployedVersionReader] {
    guard let config = try? loadConfigIfPresent(), let aws = try? awsClients(config: config),
      let cloudFormation = try? aws.cloudFormation()
    else { return [] }
    return [StackTagVersionReader(cloudFormation: cloudFormation, names: DerivedNames(config: config.mapping))]
  }
}
