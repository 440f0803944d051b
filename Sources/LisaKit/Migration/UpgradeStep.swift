import Foundation

/// When a step is done, relative to deploying the new release.
public enum UpgradePhase: String, CaseIterable, Sendable, Comparable {
  /// The old version still serves: backups, exports, config work.
  case before
  /// The deploy window: teardowns, stack deletions, the deploy itself.
  case during
  /// Restores, re-creations, clean-up, checks.
  case after

  var rank: Int { Self.allCases.firstIndex(of: self)! }

  public static func < (lhs: UpgradePhase, rhs: UpgradePhase) -> Bool { lhs.rank < rhs.rank }
}

/// A verify step closes its phase: it comes after every action of the same phase.
public enum UpgradeStepKind: String, CaseIterable, Sendable {
  case action, verify
}

/// The upgrades a step belongs to: the deployed version in `from`, the target in `to`.
public struct UpgradeCondition: Sendable, Equatable {
  public var from: VersionRange
  public var to: VersionRange

  public init(from: VersionRange = .any, to: VersionRange = .any) {
    self.from = from
    self.to = to
  }

  public func matches(from: LisaVersion, to: LisaVersion) -> Bool {
    self.from.contains(from) && self.to.contains(to)
  }
}

/// One entry of the upgrade data (Migration/UpgradeSteps.yaml describes each field).
public struct UpgradeStep: Sendable {
  public var id: String
  public var release: LisaVersion?
  public var phase: UpgradePhase
  public var kind: UpgradeStepKind
  /// Any one matching is enough; empty means every upgrade.
  public var when: [UpgradeCondition]
  public var title: String
  public var protects: String
  public var commands: [String]
  public var manual: String?
  public var check: String?
  public var needs: [String]
  public var after: [String]
  public var optional: Bool
  public var source: String?
  /// Where the step starts in the data file, for messages about the data.
  public var line: Int?

  public init(
    id: String, release: LisaVersion? = nil, phase: UpgradePhase, kind: UpgradeStepKind = .action,
    when: [UpgradeCondition] = [], title: String, protects: String, commands: [String] = [], manual: String? = nil,
    check: String? = nil, needs: [String] = [], after: [String] = [], optional: Bool = false, source: String? = nil,
    line: Int? = nil
  ) {
    self.id = id
    self.release = release
    self.phase = phase
    self.kind = kind
    self.when = when
    self.title = title
    self.protects = protects
    self.commands = commands
    self.manual = manual
    self.check = check
    self.needs = needs
    self.after = after
    self.optional = optional
    self.source = source
    self.line = line
  }

  public func applies(from: LisaVersion, to: LisaVersion) -> Bool {
    guard from < to else { return false }
    return when.isEmpty || when.contains { $0.matches(from: from, to: to) }
  }

  /// Phase first, then actions before verifications: no step may depend on one that sorts after it.
  var orderKey: Int { phase.rank * 2 + (kind == .verify ? 1 : 0) }
}
