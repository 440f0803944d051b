import Foundation

/// What `lisa models apply` will do to one model.
public struct ModelPlanItem: Sendable {
  public enum Action: String, Sendable, CaseIterable {
    case create, update, recreate, delete, unchanged
  }

  public var modelId: String
  public var action: Action
  public var changes: [FieldChange] = []
  /// The create request (create, recreate).
  public var desired: ModelDocument?
  public var current: ModelInfo?
  /// The `UpdateModelRequest` body (update), empty when only the schedule changes.
  public var updateBody: JSONValue?
  /// A new `SchedulingConfig` for the schedule route.
  public var schedule: JSONValue?
  /// Why, in a few words: "status Failed", "not in models.yaml".
  public var note: String?

  /// The update changes container settings of a model that is (or is about to be) running.
  public var restartsContainer: Bool {
    action == .update && current?.status != .stopped && changes.contains { $0.restartsContainer }
  }

  public var json: JSONValue {
    .object([
      ("modelId", .string(modelId)), ("action", .string(action.rawValue)), ("status", .optional(current?.statusText)),
      ("note", .optional(note)), ("restartsContainer", .bool(restartsContainer)),
      (
        "changes",
        .array(changes.map(\.json))
      ),
    ])
  }
}

/// The plan for making a deployment's models match a file: create what is missing, update what
/// the update route can change, delete and create again what it cannot (or what Failed), and with
/// `prune` delete models the file does not list.
public struct ModelPlan: Sendable {
  public var items: [ModelPlanItem]

  public static func make(desired: [ModelDocument], current: [ModelInfo], prune: Bool, fileName: String) -> ModelPlan {
    var items: [ModelPlanItem] = []
    for document in desired {
      let id = document.modelId ?? ""
      guard let model = current.first(where: { $0.id == id }), model.status != .deleting else {
        let deleting = current.contains { $0.id == id }
        items.append(
          ModelPlanItem(
            modelId: id, action: .create, desired: document, note: deleting ? "being deleted; created once gone" : nil))
        continue
      }
      items.append(plan(document, against: model))
    }
    if prune {
      let wanted = Set(desired.compactMap(\.modelId))
      for model in current where !wanted.contains(model.id) && model.status != .deleting {
        items.append(ModelPlanItem(modelId: model.id, action: .delete, current: model, note: "not in \(fileName)"))
      }
    }
    return ModelPlan(items: items)
  }

  static func plan(_ document: ModelDocument, against model: ModelInfo) -> ModelPlanItem {
    var item = ModelPlanItem(modelId: model.id, action: .unchanged, desired: document, current: model)
    item.changes = ModelDiff.changes(desired: document.request, current: ModelExport.export(model).request)
    if model.status == .failed {
      item.action = .recreate
      item.note = "status Failed" + (model.failureReason.map { ": \($0)" } ?? "")
      return item
    }
    guard !item.changes.isEmpty else { return item }
    let fixed = item.changes.filter(\.needsRecreate).map(\.path)
    if !fixed.isEmpty {
      item.action = .recreate
      item.note = "the update route cannot change \(fixed.joined(separator: ", "))"
      return item
    }
    let body = ModelEnvironment.completing(ModelDiff.updateBody(item.changes), current: model)
    item.schedule = item.changes.first { $0.path == ModelDiff.schedulePath }?.to
    if body.objectPairs?.isEmpty == false {
      let checked = UpdateModelRules.check(body, current: model)
      guard let valid = checked.body else {
        item.action = .recreate
        item.note = checked.errors.first.map { "\($0.path): \($0.message)" }
        return item
      }
      item.updateBody = valid
    }
    item.action = .update
    return item
  }

  /// Refuses (exit 6) a plan with models to delete and create again when that is not allowed.
  public func requireRecreations(allowed: Bool) throws {
    let recreations = items.filter { $0.action == .recreate }.map(\.modelId)
    guard !allowed, !recreations.isEmpty else { return }
    throw LisaError(
      .conflict,
      "\(recreations.joined(separator: ", ")) need\(recreations.count == 1 ? "s" : "") to be deleted and created again; "
        + "nothing was changed", hint: "run again with --recreate (an outage for those models)")
  }

  public func count(_ action: ModelPlanItem.Action) -> Int { items.filter { $0.action == action }.count }
  public var hasChanges: Bool { items.contains { $0.action != .unchanged } }

  /// "1 to create, 2 to update, 0 to recreate, 0 to delete, 3 unchanged"
  public var summary: String {
    "\(count(.create)) to create, \(count(.update)) to update, \(count(.recreate)) to recreate, "
      + "\(count(.delete)) to delete, \(count(.unchanged)) unchanged"
  }

  public var json: JSONValue {
    .object([
      ("items", .array(items.map(\.json))),
      ("summary", .object(ModelPlanItem.Action.allCases.map { ($0.rawValue, .int(count($0))) })),
    ])
  }

  /// The plan for people: one line per model, then one per changed field.
  public var text: String {
    var lines: [String] = []
    for item in items {
      var line = PlanText.line(action: item.action.rawValue, id: item.modelId, note: item.note)
      if item.restartsContainer { line += " [restarts the container: an outage]" }
      lines.append(line)
      guard item.action == .update || item.action == .recreate else { continue }
      lines += item.changes.map(PlanText.change)
    }
    lines.append("Plan: \(summary).")
    return lines.joined(separator: "\n") + "\n"
  }
}
