import Foundation

/// What `rag repos apply` will do to one repository.
public struct RagPlanItem: Sendable {
  public enum Action: String, Sendable, CaseIterable {
    case create, update, recreate, delete, unchanged
  }

  public var repositoryId: String
  public var action: Action
  public var changes: [FieldChange] = []
  /// The checked create request (create, recreate).
  public var desired: JSONValue?
  public var current: RagRepository?
  /// The `UpdateVectorStoreRequest` body (update).
  public var updateBody: JSONValue?
  /// Why, in a few words: "status CREATE_FAILED", "not in repos.yaml".
  public var note: String?
  /// Why LISA would refuse this change whatever is asked; the whole apply stops before its first write.
  public var refusal: String?

  public var json: JSONValue {
    .object([
      ("repositoryId", .string(repositoryId)), ("action", .string(action.rawValue)),
      ("status", .optional(current?.status)), ("note", .optional(note)), ("refusal", .optional(refusal)),
      (
        "changes",
        .array(changes.map(\.json))
      ),
    ])
  }
}

/// The plan for making a deployment's repositories match definitions: create what is missing, update what
/// `UpdateVectorStoreRequest` can change, and say what it cannot (the type and the vector store's config
/// need the repository deleted and created again, which deletes its documents: only with `recreate`).
/// Fields a definition leaves out are not managed; numbers compare by value (LISA answers `512.0`).
public struct RagRepositoryPlan: Sendable {
  public var items: [RagPlanItem]

  static let pipelineDefaults: [String: JSONValue] = ["autoRemove": .bool(true)]

  public static func make(desired: [JSONValue], current: [RagRepository], prune: Bool, fileName: String) -> RagRepositoryPlan {
    var items: [RagPlanItem] = []
    for request in desired {
      let id = request["repositoryId"]?.stringValue ?? ""
      guard let repository = current.first(where: { $0.id == id }) else {
        items.append(RagPlanItem(repositoryId: id, action: .create, desired: request))
        continue
      }
      items.append(plan(request, against: repository))
    }
    if prune {
      let wanted = Set(desired.compactMap { $0["repositoryId"]?.stringValue })
      for repository in current where !wanted.contains(repository.id) && repository.status != "DELETE_IN_PROGRESS" {
        items.append(RagPlanItem(repositoryId: repository.id, action: .delete, current: repository, note: "not in \(fileName)"))
      }
    }
    return RagRepositoryPlan(items: items)
  }

  static func plan(_ request: JSONValue, against repository: RagRepository) -> RagPlanItem {
    var item = RagPlanItem(repositoryId: repository.id, action: .unchanged, desired: request, current: repository)
    let stored = RagDefinitionFile.stored(repository)
    for (key, value) in request.objectPairs ?? [] where key != "repositoryId" {
      let defaults = key == "pipelines" ? pipelineDefaults : [:]
      guard !JSONComparison.covers(value, stored[key], defaults: defaults) else { continue }
      item.changes.append(
        FieldChange(
          path: key, from: stored[key], to: value, needsRecreate: !RagSchema.updatable.contains(key), restartsContainer: false))
    }
    if repository.isFailed || repository.status == "DELETE_IN_PROGRESS" {
      item.action = .recreate
      item.note = "status \(repository.status)" + (repository.failureReason.map { ": \($0)" } ?? "")
      return item
    }
    guard !item.changes.isEmpty else { return item }
    let fixed = item.changes.filter(\.needsRecreate).map(\.path)
    if !fixed.isEmpty {
      item.action = .recreate
      item.note = "LISA's update cannot change \(fixed.joined(separator: ", "))"
      return item
    }
    item.action = .update
    var body = JSONValue.object(item.changes.map { ($0.path, $0.to ?? .null) })
    if let pipelines = body["pipelines"]?.arrayItems {
      let existing = stored["pipelines"]?.arrayItems ?? []
      let completed = completing(pipelines, from: existing)
      body = body.setting("pipelines", .array(completed))
      if let (index, field) = RagRules.immutablePipelineProblem(current: existing, desired: completed) {
        item.refusal =
          "pipelines[\(index)].\(field) cannot change on an existing pipeline (LISA refuses it: the field needs new "
          + "infrastructure); add a new pipeline instead and remove the old one"
      }
    }
    if !repository.isSettled {
      item.note = "status \(repository.status); updated once it settles"
    }
    item.updateBody = body
    return item
  }

  /// Desired pipelines with the immutable fields they leave out taken from the stored pipeline at the same
  /// place, so that leaving a field out does not read to LISA as changing it.
  static func completing(_ desired: [JSONValue], from existing: [JSONValue]) -> [JSONValue] {
    guard desired.count == existing.count else { return desired }
    return zip(desired, existing).map { wanted, stored in
      var pipeline = wanted
      for field in RagSchema.immutablePipelineFields where wanted[field] == nil {
        if let value = stored[field] { pipeline = pipeline.setting(field, value) }
      }
      return pipeline
    }
  }

  public var refusals: [RagPlanItem] { items.filter { $0.refusal != nil } }
  public func count(_ action: RagPlanItem.Action) -> Int { items.filter { $0.action == action }.count }
  public var hasChanges: Bool { items.contains { $0.action != .unchanged } }

  /// Refuses, before the first write, what LISA would refuse (exit 7) and recreations not allowed (exit 6).
  public func requireRunnable(recreate: Bool) throws {
    if let refused = refusals.first {
      throw LisaError(.invalid, "repository '\(refused.repositoryId)': \(refused.refusal ?? ""); nothing was changed")
    }
    let recreations = items.filter { $0.action == .recreate }.map(\.repositoryId)
    guard !recreate, !recreations.isEmpty else { return }
    throw LisaError(
      .conflict,
      "\(recreations.joined(separator: ", ")) need\(recreations.count == 1 ? "s" : "") to be deleted and created again, "
        + "which deletes their collections and documents; nothing was changed",
      hint: "run again with --recreate, after exporting what is needed")
  }

  public var summary: String {
    "\(count(.create)) to create, \(count(.update)) to update, \(count(.recreate)) to recreate, "
      + "\(count(.delete)) to delete, \(count(.unchanged)) unchanged"
  }

  public var json: JSONValue {
    .object([
      ("items", .array(items.map(\.json))),
      ("summary", .object(RagPlanItem.Action.allCases.map { ($0.rawValue, .int(count($0))) })),
    ])
  }

  public var text: String {
    var lines: [String] = []
    for item in items {
      lines.append(
        PlanText.line(
          action: item.action.rawValue, id: item.repositoryId, note: item.refusal.map { "refused: \($0)" } ?? item.note))
      guard item.action == .update || item.action == .recreate else { continue }
      lines += item.changes.map(PlanText.change)
    }
    lines.append("Plan: \(summary).")
    return lines.joined(separator: "\n") + "\n"
  }
}
