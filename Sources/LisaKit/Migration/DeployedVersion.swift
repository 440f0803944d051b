import Foundation

/// One way of finding out which LISA release a deployment runs (LISA publishes no version parameter or route; it
/// tags its stacks, `StackTagVersionReader`); a reader that has no answer returns nil and the next one is asked.
public protocol DeployedVersionReader: Sendable {
  /// Named in messages: "CloudFormation tag VERSION of prod-lisa-API".
  var source: String { get }
  /// The version text as the deployment records it (`6.6.0`), nil when this source does not know.
  func deployedVersion() async throws -> String?
}

/// The `from` side of a plan: the version given, else the first reader's answer.
public enum DeployedVersion {
  public static func resolve(
    given: String?, readers: [any DeployedVersionReader], knowledge: UpgradeKnowledge
  ) async throws -> (version: LisaVersion, source: String) {
    if let given { return (try knowledge.release(given, option: "--from"), "--from") }
    var tried: [String] = []
    for reader in readers {
      do {
        guard let text = try await reader.deployedVersion() else {
          tried.append("\(reader.source): not recorded")
          continue
        }
        guard let version = LisaVersion(text), knowledge.versions.contains(version) else {
          throw LisaError.usage(
            "the deployment reports LISA version '\(text)' (\(reader.source)), which lisa does not know",
            hint: "pass --from with the release it runs")
        }
        return (version, reader.source)
      } catch let error as LisaError where error.status != .usage {
        tried.append("\(reader.source): \(error.message)")
      }
    }
    let why = tried.isEmpty ? "lisa has no way to read it here" : tried.joined(separator: "; ")
    throw LisaError.usage(
      "--from VERSION is needed: the deployed LISA version could not be read (\(why))",
      hint: "pass the release the deployment runs, e.g. --from 5.4")
  }
}

/// The `VERSION` tag LISA puts on every stack of its stage (lib/stages.ts, since v4.1.0), read from the core stack,
/// which every deployment has: `{deploymentName}-{appName}-core-{deploymentStage}`, as LISA's createCdkId names it.
public struct StackTagVersionReader: DeployedVersionReader {
  public var cloudFormation: CloudFormationClient
  public var stackName: String

  public init(cloudFormation: CloudFormationClient, names: DerivedNames) {
    self.cloudFormation = cloudFormation
    stackName = Self.cdkId([names.deploymentName, names.appName, "core", names.deploymentStage])
  }

  public var source: String { "CloudFormation tag VERSION of \(stackName)" }

  public func deployedVersion() async throws -> String? {
    guard let tags = try await cloudFormation.stackTags(stackName) else {
      throw LisaError(.notFound, "no stack \(stackName)")
    }
    return tags["VERSION"]
  }

  /// LISA's createCdkId: the parts joined with "-", the last one shortened when the whole passes 64 characters.
  public static func cdkId(_ parts: [String]) -> String {
    var parts = parts.filter { !$0.isEmpty }
    let length = parts.joined(separator: "-").count
    if length > 64, let last = parts.indices.last {
      parts[last] = String(parts[last].dropLast(min(parts[last].count, length - 64)))
    }
    return parts.joined(separator: "-")
  }
}
