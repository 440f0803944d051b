import Foundation

/// An apply worked out before its first write: the checked file, the plan, what must be confirmed, and
/// every reason the plan cannot be carried out as asked. `models apply` and a backup restore both go
/// through it (load with `ModelSource`, prepare here, confirm, then `ModelApplier`).
public struct PreparedApply: Sendable {
  public var plan: ModelPlan
  /// Findings on the file; any error means nothing is sent (exit 7).
  public var diagnostics: [ConfigDiagnostic]
  /// Lines for stderr: models LISA cannot read, desired capacities apply leaves alone.
  public var notes: [String]
  /// Models in the file that LISA stores in a form it cannot read, so they cannot be planned.
  public var unplannable: [UnreadableModel]

  public var errors: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .error } }

  /// The models the run deletes: pruned ones, and with `recreate` the ones made anew.
  public func deletions(recreate: Bool) -> [ModelPlanItem] {
    plan.items.filter { $0.action == .delete || ($0.action == .recreate && recreate) }
  }

  /// Updates that restart a running model's container.
  public var restarts: [ModelPlanItem] { plan.items.filter(\.restartsContainer) }

  /// Throws when the plan cannot be carried out as asked, before anything is written: models that need
  /// deleting and creating without `recreate` (exit 6), models LISA cannot read (exit 1).
  public func requireRunnable(recreate: Bool) throws {
    if let first = unplannable.first {
      throw LisaError(
        .failure,
        "model '\(first.id)' is in the file, but LISA cannot read the model it stored (\(first.problem)); "
          + "nothing was changed",
        hint: "correct its item in LISA's models table, or leave it out of the file")
    }
    try plan.requireRecreations(allowed: recreate)
  }
}

public enum ModelApplyPlanner {
  /// Checks `documents` against the deployment (`listing`) and plans: errors stay findings for the caller
  /// to report; values the deployment already holds pass unless the model would be created anew.
  public static func prepare(_ documents: [ModelDocument], listing: ModelListing, prune: Bool, fileName: String)
    -> PreparedApply
  {
    let checked = DesiredModels.check(documents, current: listing.models)
    let plan = ModelPlan.make(desired: checked.documents, current: listing.models, prune: prune, fileName: fileName)
    var diagnostics = checked.diagnostics
    for item in plan.items where item.action == .create || item.action == .recreate {
      diagnostics += checked.tolerated[item.modelId] ?? []
    }
    let wanted = Set(documents.compactMap(\.modelId))
    var notes = listing.warnings
    notes += plan.items.compactMap(desiredCapacityNote)
    if prune {
      notes += listing.unreadable.filter { !wanted.contains($0.id) }.map { "model '\($0.id)' is not pruned: LISA cannot read it" }
    }
    return PreparedApply(
      plan: plan, diagnostics: diagnostics, notes: notes, unplannable: listing.unreadable.filter { wanted.contains($0.id) })
  }

  /// A desired capacity in the file that differs from the one the model was created with: apply leaves it.
  static func desiredCapacityNote(_ item: ModelPlanItem) -> String? {
    guard item.action == .update || item.action == .unchanged, let current = item.current,
      let wanted = item.desired?.request["autoScalingConfig"]?["desiredCapacity"]?.intValue,
      current.json["autoScalingConfig"]?["desiredCapacity"]?.intValue != wanted
    else { return nil }
    return "desiredCapacity \(wanted) of '\(item.modelId)' is not applied: LISA stores no change of it, so apply does not "
      + "manage it; set it once with 'lisa models update \(item.modelId) --desired-capacity \(wanted)'"
  }
}

/// Where `models apply` reads its models: YAML or JSON, or an encrypted `*.lisabak` written by
/// `models export --backup`, which also holds third-party API keys.
public enum ModelSource {
  public static func documents(
    path: String, displayName: String, protection: (EncryptionHeader) throws -> any BackupProtection
  ) async throws -> [ModelDocument] {
    guard ModelFile.isBackup(path: path) else { return try ModelFile.load(path: path, displayName: displayName) }
    let encryption = try BackupReader(path: path, displayName: displayName, verify: false).metadata.encryption
    return try await ModelBackup.read(path: path, displayName: displayName, protection: try protection(encryption))
  }
}
