import Foundation

/// What restoring one section would do, against the target as it is now.
public struct SectionPlan: Sendable {
  public var section: BackupSection
  /// In the backup, not in the target: restored.
  public var missing = 0
  /// In both and equal: left alone.
  public var same = 0
  /// In both and different: replaced only with `--overwrite`.
  public var differs = 0
  /// Not restorable as they are (expired tokens, …), with the reason in `lines`.
  public var skipped = 0
  public var lines: [String] = []

  public init(section: BackupSection) {
    self.section = section
  }

  public var json: JSONValue {
    .object([
      ("section", .string(section.rawValue)), ("missing", .int(missing)), ("same", .int(same)), ("differs", .int(differs)),
      ("skipped", .int(skipped)), ("lines", .array(lines.map { .string($0) })),
    ])
  }
}

/// One section's restore. `plan` only reads; `restore` re-plans against the target as it is then and
/// writes what the plan says, so after an interruption running it again finishes the work.
public protocol SectionRestorer: Sendable {
  var section: BackupSection { get }
  func plan(_ backup: UnlockedBackup, overwrite: Bool) async throws -> SectionPlan
  /// Returns counts for the journal and lines for stderr.
  func restore(_ backup: UnlockedBackup, overwrite: Bool, log: @escaping @Sendable (String) -> Void) async throws
    -> SectionOutcome
}

public struct SectionOutcome: Sendable {
  public var counts: [String: Int]
  /// Items that did not make it (a token LISA would reject), named without secrets.
  public var problems: [String]

  public init(counts: [String: Int], problems: [String] = []) {
    self.counts = counts
    self.problems = problems
  }
}

/// `lisa backup restore`: the sections in dependency order, journalled in the state database as one run
/// whose phase is the next section to restore. A run killed at any point and started again resumes at
/// the section it was in; each section's restore is itself safe to repeat, so the end state is that of
/// an uninterrupted run.
public struct DeploymentRestore: Sendable {
  public static let runKind = "backup-restore"
  static let finishedPhase = "done"

  public var backupPath: String
  /// The deployment restored into, as the journal names it.
  public var target: String
  public var restorers: [any SectionRestorer]
  public var overwrite: Bool
  public var state: StateStore
  public var context: LisaContext

  public init(
    backupPath: String, target: String, restorers: [any SectionRestorer], overwrite: Bool, state: StateStore,
    context: LisaContext
  ) {
    self.backupPath = backupPath
    self.target = target
    self.restorers = restorers.sorted { $0.section < $1.section }
    self.overwrite = overwrite
    self.state = state
    self.context = context
  }

  public func plan(_ backup: UnlockedBackup) async throws -> [SectionPlan] {
    var plans: [SectionPlan] = []
    for restorer in restorers { plans.append(try await restorer.plan(backup, overwrite: overwrite)) }
    return plans
  }

  public struct Summary: Sendable {
    public var runId: Int64
    public var resumed: Bool
    public var counts: [String: Int]
    public var problems: [String]
    public var elapsed: TimeInterval
  }

  var parameters: [String: String] {
    ["sections": restorers.map(\.section.rawValue).joined(separator: ","), "overwrite": String(overwrite)]
  }

  public func run(_ backup: UnlockedBackup, log: @escaping @Sendable (String) -> Void) async throws -> Summary {
    let started = context.now()
    let first = restorers.first?.section.rawValue ?? Self.finishedPhase
    let start = try state.startOrResume(
      kind: Self.runKind, source: "backup:\(backupPath)", target: target, parameters: parameters, phase: first)
    let run = start.run
    if start.resumed {
      let changed = parameters.keys.sorted().filter { run.parameters[$0] != parameters[$0] }
      if !changed.isEmpty {
        throw LisaError(
          .conflict,
          "restore run \(run.id) of this backup was interrupted with other options (\(changed.joined(separator: ", ")))",
          hint: "run it again with the same --only and --overwrite to finish it")
      }
      log("resuming restore run \(run.id) at its \(run.phase) section")
    }
    let lease = try state.lease(run.id)
    defer { withExtendedLifetime(lease) {} }
    var counts = run.counts
    var problems: [String] = []
    let startIndex = restorers.firstIndex { $0.section.rawValue == run.phase } ?? restorers.count
    for index in restorers.indices where index >= startIndex {
      let restorer = restorers[index]
      let outcome = try await restorer.restore(backup, overwrite: overwrite, log: log)
      for (key, value) in outcome.counts { counts["\(restorer.section.rawValue).\(key)"] = value }
      problems += outcome.problems
      let next = index + 1 < restorers.count ? restorers[index + 1].section.rawValue : Self.finishedPhase
      try state.advance(run.id, to: next, counts: counts)
    }
    try state.finish(run.id, outcome: problems.isEmpty ? .succeeded : .partial, counts: counts)
    return Summary(
      runId: run.id, resumed: start.resumed, counts: counts, problems: problems, elapsed: context.now().timeIntervalSince(started)
    )
  }
}
