import Foundation

/// RAG repositories (with their pipelines) and their user collections in a deployment backup, read and
/// restored through the RAG client `rag repos export|apply` and `rag collections` use.
public enum RagBackup {
  public static let repositoryKind = BackupSection.ragRecordKinds[0]
  public static let collectionKind = BackupSection.ragRecordKinds[1]

  /// A collection's definition as `POST …/collection` takes it: without the fields LISA adds.
  static func collectionRequest(_ collection: JSONValue) -> JSONValue {
    RagRules.strip(JSONComparison.integral(collection), RagSchema.collectionServerFields)
  }
}

public struct RagSectionWriter: BackupSectionWriter {
  public var api: RagAPI
  public var section: BackupSection { .rag }

  public init(api: RagAPI) {
    self.api = api
  }

  /// Repositories first (a restore creates them before their collections); each repository's default
  /// collection is left out, since LISA makes it again with the repository.
  public func write(into writer: BackupWriter, progress: @escaping @Sendable (Int) -> Void) async throws -> [String] {
    let repositories = try await api.repositories().sorted { $0.id < $1.id }
    for repository in repositories {
      let request = RagDefinitionFile.export(repository)
      try writer.append(
        BackupRecord(
          kind: RagBackup.repositoryKind, key: repository.id, publicJSON: Data(JSONWriter.compact(request).utf8)))
      progress(1)
    }
    for repository in repositories {
      for collection in try await api.collections(repository.id) where collection["default"]?.boolValue != true {
        guard let name = collection["name"]?.stringValue, !name.isEmpty else { continue }
        let request = RagBackup.collectionRequest(collection)
        try writer.append(
          BackupRecord(
            kind: RagBackup.collectionKind, key: "\(repository.id)/\(name)",
            publicJSON: Data(JSONWriter.compact(request).utf8)))
        progress(1)
      }
    }
    return []
  }
}

/// Repositories through `rag repos apply`'s planner and applier (waiting until each is ready, since
/// collections need a deployed repository), then collections missing by name created.
public struct RagRestorer: SectionRestorer {
  public var api: RagAPI
  public var waiter: RagWaiter
  public var progress: @Sendable (String) -> Void
  public var section: BackupSection { .rag }

  public init(api: RagAPI, waiter: RagWaiter, progress: @escaping @Sendable (String) -> Void) {
    self.api = api
    self.waiter = waiter
    self.progress = progress
  }

  func definitions(_ backup: UnlockedBackup) async throws -> [RagDefinition] {
    var definitions: [RagDefinition] = []
    for try await record in backup.records(kind: RagBackup.repositoryKind) {
      let request = try JSONValue.parse(record.publicJSON, source: "\(backup.displayName) repository/\(record.shortKey)")
      definitions.append(RagDefinition(request: request, origin: "\(backup.displayName), repository \(record.key)"))
    }
    return definitions
  }

  func collections(_ backup: UnlockedBackup) async throws -> [(repository: String, name: String, request: JSONValue)] {
    var collections: [(repository: String, name: String, request: JSONValue)] = []
    for try await record in backup.records(kind: RagBackup.collectionKind) {
      let request = try JSONValue.parse(record.publicJSON, source: "\(backup.displayName) collection/\(record.shortKey)")
      let repository = String(record.key.prefix { $0 != "/" })
      collections.append((repository, request["name"]?.stringValue ?? "", request))
    }
    return collections
  }

  func prepare(_ backup: UnlockedBackup) async throws -> PreparedRagApply {
    let prepared = RagApplyPlanner.prepare(
      try await definitions(backup), current: try await api.repositories(), prune: false, fileName: backup.displayName)
    if let error = prepared.errors.first {
      throw LisaError(.invalid, "\(backup.displayName): rag section: \(error.line)", hint: "nothing was restored")
    }
    return prepared
  }

  /// Names of the collections a repository has now; none when the repository does not exist yet.
  func existingCollections(_ repository: String, present: Set<String>) async throws -> Set<String> {
    guard present.contains(repository) else { return [] }
    return Set(try await api.collections(repository).compactMap { $0["name"]?.stringValue })
  }

  public func plan(_ backup: UnlockedBackup, overwrite: Bool) async throws -> SectionPlan {
    let prepared = try await prepare(backup)
    var plan = SectionPlan(section: .rag)
    var present = Set<String>()
    for item in prepared.plan.items {
      switch item.action {
      case .create:
        plan.missing += 1
        plan.lines.append("+ repository \(item.repositoryId): missing, created")
      case .unchanged:
        plan.same += 1
        present.insert(item.repositoryId)
        plan.lines.append("= repository \(item.repositoryId): exists, the same")
      case .delete:
        continue
      default:
        plan.differs += 1
        present.insert(item.repositoryId)
        let fields = item.changes.map(\.path).joined(separator: ", ")
        plan.lines.append(
          "~ repository \(item.repositoryId): differs (\(fields)); " + (overwrite ? "updated" : "kept, --overwrite replaces it"))
      }
    }
    var known: [String: Set<String>] = [:]
    for collection in try await collections(backup) {
      if known[collection.repository] == nil {
        known[collection.repository] = try await existingCollections(collection.repository, present: present)
      }
      if known[collection.repository]?.contains(collection.name) == true {
        plan.same += 1
        plan.lines.append("= collection \(collection.repository)/\(collection.name): exists")
      } else {
        plan.missing += 1
        plan.lines.append("+ collection \(collection.repository)/\(collection.name): missing, created")
      }
    }
    return plan
  }

  public func restore(_ backup: UnlockedBackup, overwrite: Bool, log: @escaping @Sendable (String) -> Void) async throws
    -> SectionOutcome
  {
    let prepared = try await prepare(backup)
    var plan = prepared.plan
    plan.items = plan.items.filter { $0.action == .create || (overwrite && $0.action != .delete) }
    let applier = RagRepositoryApplier(api: api, waiter: waiter, recreate: overwrite, waitForReady: true, progress: progress)
    let outcome = try await applier.apply(plan)
    var created = 0
    var known: [String: Set<String>] = [:]
    let present = Set(try await api.repositories().map(\.id))
    for collection in try await collections(backup) {
      if known[collection.repository] == nil {
        known[collection.repository] = try await existingCollections(collection.repository, present: present)
      }
      guard known[collection.repository]?.contains(collection.name) != true else { continue }
      progress("creating collection \(collection.name) in \(collection.repository)")
      _ = try await api.createCollection(collection.repository, body: collection.request)
      known[collection.repository, default: []].insert(collection.name)
      created += 1
    }
    log("rag: \(outcome.created.count) repositories created, \(outcome.updated.count) updated, \(created) collections created")
    return SectionOutcome(
      counts: ["repositories": outcome.created.count, "updated": outcome.updated.count, "collections": created])
  }
}
