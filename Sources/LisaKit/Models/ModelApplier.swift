import Foundation

/// Carries out a `ModelPlan` in an order LISA's status gating allows: deletions first (and, for
/// models being recreated, waiting until they are gone), then creations, then updates, each
/// update after its model has settled in InService or Stopped. A plan that needs recreations it may not
/// make is refused before the first write. It stops at the first error; running the same apply again
/// continues, because the plan is made from the deployment as it is then.
public struct ModelApplier: Sendable {
  public var api: ModelsAPI
  public var waiter: ModelWaiter
  public var recreate: Bool
  public var waitForReady: Bool
  public var timeout: TimeInterval
  public var progress: @Sendable (String) -> Void

  public init(
    api: ModelsAPI, waiter: ModelWaiter, recreate: Bool, waitForReady: Bool, timeout: TimeInterval,
    progress: @escaping @Sendable (String) -> Void
  ) {
    self.api = api
    self.waiter = waiter
    self.recreate = recreate
    self.waitForReady = waitForReady
    self.timeout = timeout
    self.progress = progress
  }

  public func apply(_ plan: ModelPlan) async throws -> ApplyOutcome {
    try plan.requireRecreations(allowed: recreate)
    var outcome = ApplyOutcome()
    let recreations = plan.items.filter { $0.action == .recreate }
    let deletions = plan.items.filter { $0.action == .delete } + (recreate ? recreations : [])
    for item in deletions where item.current?.status != .deleting {
      progress("deleting \(item.modelId)\(item.action == .recreate ? " to create it again" : "")")
      try await api.delete(item.modelId)
      if item.action == .delete { outcome.deleted.append(item.modelId) }
    }
    let mustBeGone =
      plan.items.filter { ($0.action == .recreate && recreate) || ($0.action == .create && $0.note != nil) }
      + (waitForReady ? plan.items.filter { $0.action == .delete } : [])
    for item in mustBeGone {
      progress("waiting for \(item.modelId) to be deleted")
      try await waiter.wait(for: item.modelId, until: .deleted, timeout: timeout)
    }
    for item in plan.items where item.action == .create || (item.action == .recreate && recreate) {
      guard let document = item.desired else { continue }
      progress("creating \(item.modelId)")
      _ = try await api.create(document.requestWithKey)
      outcome.created.append(item.modelId)
    }
    for item in plan.items where item.action == .update {
      guard let document = item.desired else { continue }
      if try await update(item, document: document) {
        outcome.updated.append(item.modelId)
      } else {
        outcome.settledUnchanged.append(item.modelId)
      }
    }
    if waitForReady {
      for id in outcome.created {
        progress("waiting for \(id) to be InService")
        try await waiter.wait(for: id, until: .inService, timeout: timeout)
      }
      for id in outcome.updated {
        progress("waiting for \(id) to finish updating")
        _ = try await waiter.waitSettled(for: id, timeout: timeout)
      }
    }
    return outcome
  }

  /// Updates one model once it accepts changes; false when, by then, nothing needs changing.
  private func update(_ planned: ModelPlanItem, document: ModelDocument) async throws -> Bool {
    var model = try await api.get(planned.modelId)
    if !model.status.acceptsUpdates {
      progress("waiting for \(planned.modelId) (\(model.statusText)) to settle before updating it")
      model = try await waiter.waitSettled(for: planned.modelId, timeout: timeout)
    }
    let item = ModelPlan.plan(document, against: model)
    switch item.action {
    case .unchanged: return false
    case .update: break
    default:
      throw LisaError(
        .conflict,
        "model '\(item.modelId)' changed while waiting: it now needs \(item.action.rawValue) (\(item.note ?? "see the plan"))",
        hint: "run the apply again")
    }
    if let body = item.updateBody {
      try UpdateModelRules.gate(body, current: model)
      // `item` was planned against the settled model, so its environment is that model's map, completed.
      progress(
        "updating \(item.modelId): "
          + item.changes.filter { $0.path != ModelDiff.schedulePath }.map(\.path).joined(separator: ", ")
      )
      try await api.update(item.modelId, body: body, statusBefore: model.statusText)
    }
    if let schedule = item.schedule {
      progress("setting the schedule of \(item.modelId)")
      _ = try await api.setSchedule(item.modelId, schedule)
    }
    return true
  }
}
