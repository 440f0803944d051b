import Foundation

/// Restores models through `models apply`'s planner and applier: missing models are created (with their
/// third-party API keys), differing ones are updated or recreated only with `--overwrite`, and nothing
/// the backup does not hold is deleted.
public struct ModelsRestorer: SectionRestorer {
  public var catalog: ModelCatalog
  /// The applier `models apply` would use; `recreate` is true with `--overwrite`.
  public var makeApplier: @Sendable (_ recreate: Bool) -> ModelApplier
  public var section: BackupSection { .models }

  public init(catalog: ModelCatalog, makeApplier: @escaping @Sendable (_ recreate: Bool) -> ModelApplier) {
    self.catalog = catalog
    self.makeApplier = makeApplier
  }

  func prepare(_ backup: UnlockedBackup) async throws -> PreparedApply {
    let documents = try await ModelBackup.documents(in: backup)
    let prepared = ModelApplyPlanner.prepare(
      documents, listing: try await catalog.list(), prune: false, fileName: backup.displayName)
    if let error = prepared.errors.first {
      throw LisaError(
        .invalid, "\(backup.displayName): models section: \(error.line)", hint: "nothing was restored; see lisa models apply")
    }
    return prepared
  }

  /// The apply plan restricted to what a restore may do: without `overwrite` only creations.
  static func restricted(_ plan: ModelPlan, overwrite: Bool) -> ModelPlan {
    var plan = plan
    plan.items = plan.items.filter { $0.action == .create || (overwrite && $0.action != .delete) }
    return plan
  }

  public func plan(_ backup: UnlockedBackup, overwrite: Bool) async throws -> SectionPlan {
    let prepared = try await prepare(backup)
    var plan = SectionPlan(section: .models)
    for item in prepared.plan.items {
      let fields = item.changes.map(\.path).joined(separator: ", ")
      switch item.action {
      case .create:
        plan.missing += 1
        plan.lines.append("+ model \(item.modelId): missing, created")
      case .unchanged:
        plan.same += 1
        plan.lines.append("= model \(item.modelId): exists, the same")
      case .update, .recreate:
        plan.differs += 1
        let what = item.action == .update ? "updated" : "deleted and created again"
        plan.lines.append(
          "~ model \(item.modelId): differs (\(fields.isEmpty ? item.note ?? "status" : fields)); "
            + (overwrite ? what : "kept, --overwrite replaces it"))
      case .delete:
        continue
      }
    }
    plan.lines += prepared.notes.map { "  note: \($0)" }
    return plan
  }

  public func restore(_ backup: UnlockedBackup, overwrite: Bool, log: @escaping @Sendable (String) -> Void) async throws
    -> SectionOutcome
  {
    let prepared = try await prepare(backup)
    if overwrite { try prepared.requireRunnable(recreate: true) }
    let plan = Self.restricted(prepared.plan, overwrite: overwrite)
    let outcome = try await makeApplier(overwrite).apply(plan)
    log("models: \(outcome.created.count) created, \(outcome.updated.count) updated")
    return SectionOutcome(counts: ["created": outcome.created.count, "updated": outcome.updated.count])
  }
}
