import Foundation

/// LISA's breaking changes as upgrade steps, read from Migration/UpgradeSteps.yaml (compiled into lisa)
/// and checked as a whole: every reference resolves, no step depends on one that comes later, no cycle.
public struct UpgradeKnowledge: Sendable {
  /// Every release the data knows, oldest first.
  public var versions: [LisaVersion]
  /// lisa command prefixes that steps name but this lisa does not have yet, with where they are planned.
  public var planned: [(prefix: String, reason: String)]
  public var steps: [UpgradeStep]

  public static let builtInName = "UpgradeSteps.yaml (built into lisa)"

  /// The data compiled into lisa; tests keep it valid, so an error here is a bug in lisa.
  public static func builtIn() throws -> UpgradeKnowledge {
    try UpgradeKnowledge(yaml: String(decoding: PackageResources.UpgradeSteps_yaml, as: UTF8.self), file: builtInName)
  }

  public init(yaml: String, file: String) throws {
    let root = try YAMLLoader.parse(text: yaml, file: file)
    let reader = UpgradeDataReader(file: file)
    let top = try reader.mapping(root, what: "the upgrade data")
    try reader.onlyKeys(top, ["format", "versions", "planned", "steps"], in: "the upgrade data")
    guard try reader.string(top, "format", required: true) == "1" else {
      throw reader.error("format: lisa reads upgrade data of format 1", at: top["format"])
    }
    versions = try reader.versions(top["versions"])
    planned = try reader.planned(top["planned"])
    steps = try reader.steps(top["steps"], known: Set(versions))
    try UpgradeDataReader.checkReferences(steps, file: file)
  }

  public var latest: LisaVersion { versions[versions.count - 1] }

  /// A version as the operator wrote it, which must be a release the data knows.
  public func release(_ text: String, option: String) throws -> LisaVersion {
    guard let version = LisaVersion(text) else {
      throw LisaError.usage(
        "\(option) '\(text)' is not a LISA version", hint: "write it as 6.6, 6.6.0 or v6.6.0")
    }
    guard versions.contains(version) else {
      throw LisaError.usage(
        "\(option) \(version) is not a LISA release lisa knows",
        hint: "lisa plans upgrades between releases \(versions[0]) and \(latest)")
    }
    return version
  }

  /// Where a planned command is planned, or nil when this lisa has it (or it is not a lisa command).
  /// A planned entry's words name the command; an option among them (`--models-out`) matches anywhere.
  public func plannedReason(for command: String) -> String? {
    let words = command.split(separator: " ")
    return planned.first { entry in
      let entryWords = entry.prefix.split(separator: " ")
      let path = entryWords.prefix { !$0.hasPrefix("-") }
      let options = entryWords.dropFirst(path.count)
      return words.starts(with: path) && options.allSatisfy { words.dropFirst(path.count).contains($0) }
    }?.reason
  }
}
