import Foundation

/// Where a restore goes and which of the backup's sections it takes. A backup goes back into its own
/// deployment, or into the one `--to-deployment` names as a confirmation. Restored into another
/// deployment, the config section is left out: its files name the backup's deployment, and written
/// into the target's config directory they would turn the next deploy into the other deployment.
public struct RestoreTarget: Sendable, Equatable {
  /// The target's deploymentName, as its config gives it.
  public var deployment: String
  public var sections: [BackupSection]
  /// One line per section the backup holds that is not restored, and why.
  public var leftOut: [String]

  /// - Parameters:
  ///   - available: the sections the backup holds; `source`: the deployment it was made of.
  ///   - only: `--only`, nil for every section the backup holds.
  ///   - configured: the deploymentName of the config the command runs with.
  ///   - confirmed: `--to-deployment`, nil when not given.
  public static func decide(
    available: [BackupSection], source: String?, displayName: String, only: String?, configured: String, confirmed: String?
  ) throws -> RestoreTarget {
    let requested = try BackupSection.parse(only)
    if let absent = requested?.first(where: { !available.contains($0) }) {
      throw LisaError(.notFound, "\(displayName): holds no \(absent.rawValue) section (it holds: \(names(available)))")
    }
    let target = confirmed ?? configured
    guard target == configured else {
      throw LisaError.usage(
        "--to-deployment \(target): the config names deployment '\(configured)'",
        hint: "point --config-dir at the target deployment's config")
    }
    var sections = requested ?? available
    var leftOut: [String] = []
    if let source, source != target {
      guard confirmed != nil else {
        throw LisaError(
          .conflict, "the backup is of deployment '\(source)', the target is '\(target)'",
          hint: "pass --to-deployment \(target) to restore it there")
      }
      if requested?.contains(.config) == true {
        throw LisaError(
          .conflict, "--only config: the backup's config files are deployment '\(source)'s, not '\(target)'s",
          hint: "restore the other sections into '\(target)'; its own config stays as it is")
      }
      if sections.contains(.config) {
        sections.removeAll { $0 == .config }
        leftOut.append("config: left out; its files are deployment '\(source)'s and '\(target)' keeps its own")
      }
    }
    return RestoreTarget(deployment: target, sections: sections, leftOut: leftOut)
  }

  static func names(_ sections: [BackupSection]) -> String {
    sections.isEmpty ? "nothing" : sections.map(\.rawValue).joined(separator: ", ")
  }
}
