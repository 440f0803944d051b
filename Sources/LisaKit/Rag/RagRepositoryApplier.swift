import Foundation

/// Definitions checked and planned against the deployment before any write: what `rag repos apply`,
/// `rag migrate-yaml` and a backup restore share. Load definitions (`RagDefinitionFile`, or made in code),
/// `prepare`, show the plan, confirm, then `RagRepositoryApplier.apply`.
public struct PreparedRagApply: Sendable {
  public var plan: RagRepositoryPlan
  /// Findings on the definitions; any error means nothing is sent (exit 7).
  public var diagnostics: [ConfigDiagnostic]
  public var errors: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .error } }
  /// The repositories the run deletes: pruned ones, and with `recreate` the ones made anew.
  public func deletions(recreate: Bool) -> [RagPlanItem] {
    plan.items.filter { $0.action == .delete || ($0.action == .recreate && recreate) }
  }
}

public enum RagApplyPlanner {
  public static func prepare(_ definitions: [RagDefinition], current: [RagRepository], prune: Bool, fileName: String)
    -> PreparedRagApply
  {
    var diagnostics: [ConfigDiagnostic] = []
    var requests: [JSONValue] = []
    var seen: [String: String] = [:]
    for definition in definitions {
      let checked = RagRules.checkRepository(definition.request, locate: definition.locate)
      for var finding in checked.diagnostics {
        if finding.location == nil, definition.origin.contains(",") { finding.path = "\(definition.origin): \(finding.path)" }
        diagnostics.append(finding)
      }
      guard let body = checked.body, let id = body["repositoryId"]?.stringValue else { continue }
      if let first = seen[id] {
        diagnostics.append(
          ConfigDiagnostic(
            severity: .error, path: "repositoryId", message: "'\(id)' is also defined in \(first)",
            location: definition.locate(FieldPath("repositoryId"))))
        continue
      }
      seen[id] = definition.origin
      requests.append(body)
    }
    let plan = RagRepositoryPlan.make(desired: requests, current: current, prune: prune, fileName: fileName)
    return PreparedRagApply(plan: plan, diagnostics: diagnostics)
  }
}

/// Carries out a `RagRepositoryPlan`: deletions first (waiting until recreated ones are gone), then
/// creations, then updates, each update once its repository has settled. It stops at the first error;
/// running the same apply again continues, because the plan is made from the deployment as it is then.
public struct RagRepositoryApplier: Sendable {
  public var api: RagAPI
  public var waiter: RagWaiter
  public var recreate: Bool
  public var waitForReady: Bool
  public var progress: @Sendable (String) -> Void

  public init(
    api: RagAPI, waiter: RagWaiter, recreate: Bool, waitForReady: Bool, progress: @escaping @Sendable (String) -> Void
  ) {
    self.api = api
    self.waiter = waiter
    self.recreate = recreate
    self.waitForReady = waitForReady
    self.progress = progress
  }

  public func apply(_ plan: RagRepositoryPlan) async throws -> ApplyOutcome {
    try plan.requireRunnable(recreate: recreate)
    var outcome = ApplyOutcome()
    let recreations = plan.items.filter { $0.action == .recreate }
    for item in plan.items.filter({ $0.action == .delete }) + recreations
    where item.current?.status != "DELETE_IN_PROGRESS" {
      progress("deleting \(item.repositoryId)\(item.action == .recreate ? " to create it again" : "")")
      try await api.delete(item.repositoryId)
      if item.action == .delete { outcome.deleted.append(item.repositoryId) }
    }
    for item in recreations + (waitForReady ? plan.items.filter { $0.action == .delete } : []) {
      progress("waiting for \(item.repositoryId) to be deleted")
      try await waiter.waitGone(item.repositoryId)
    }
    for item in plan.items where item.action == .create || item.action == .recreate {
      guard let request = item.desired else { continue }
      progress("creating \(item.repositoryId)")
      try await api.create(request)
      outcome.created.append(item.repositoryId)
    }
    for item in plan.items where item.action == .update {
      guard let body = item.updateBody else { continue }
      if item.current?.isSettled == false {
        progress("waiting for \(item.repositoryId) (\(item.current?.status ?? "")) to settle before updating it")
        try await waiter.waitReady(item.repositoryId)
      }
      progress("updating \(item.repositoryId): " + item.changes.map(\.path).joined(separator: ", "))
      try await api.update(item.repositoryId, body: body)
      outcome.updated.append(item.repositoryId)
    }
    if waitForReady {
      for id in outcome.created + outcome.updated {
        progress("waiting for \(id) to be ready")
        try await waiter.waitReady(id)
      }
    }
    return outcome
  }
}
