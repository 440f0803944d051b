import Foundation

/// Restores the config files into the config directory: a missing file is written (mode 0600), an
/// identical one left alone, a different one replaced only with `--overwrite`. The merged config is kept
/// for reading and comparing; it is never written back.
public struct ConfigRestorer: SectionRestorer {
  public var directory: String
  public var context: LisaContext
  public var section: BackupSection { .config }

  public init(directory: String, context: LisaContext) {
    self.directory = directory
    self.context = context
  }

  enum State { case missing, same, differs }

  func files(_ backup: UnlockedBackup) async throws -> [(file: String, text: Data, state: State)] {
    var files: [(file: String, text: Data, state: State)] = []
    for try await record in backup.records(kind: ConfigBackup.recordKind) where record.key != ConfigBackup.mergedKey {
      let fields = try record.publicFields(as: ConfigBackup.PublicFields.self)
      guard let text = record.secret, !fields.file.contains("/"), fields.file == record.key else {
        throw LisaError(.dataError, "\(backup.displayName): config record \(record.shortKey) is not a config file")
      }
      let path = (directory as NSString).appendingPathComponent(fields.file)
      var state = State.missing
      if FileIO.exists(path) { state = try FileIO.read(path) == text ? .same : .differs }
      files.append((fields.file, text, state))
    }
    return files
  }

  public func plan(_ backup: UnlockedBackup, overwrite: Bool) async throws -> SectionPlan {
    var plan = SectionPlan(section: .config)
    let shown = context.display(directory)
    for file in try await files(backup) {
      switch file.state {
      case .missing:
        plan.missing += 1
        plan.lines.append("+ \(file.file): not in \(shown), written")
      case .same:
        plan.same += 1
        plan.lines.append("= \(file.file): the same in \(shown)")
      case .differs:
        plan.differs += 1
        plan.lines.append("~ \(file.file): differs in \(shown); " + (overwrite ? "replaced" : "kept, --overwrite replaces it"))
      }
    }
    return plan
  }

  public func restore(_ backup: UnlockedBackup, overwrite: Bool, log: @escaping @Sendable (String) -> Void) async throws
    -> SectionOutcome
  {
    guard FileIO.isDirectory(directory) else {
      throw LisaError(.notFound, "\(context.display(directory)): config directory does not exist")
    }
    var written = 0
    for file in try await files(backup) where file.state == .missing || (overwrite && file.state == .differs) {
      let path = (directory as NSString).appendingPathComponent(file.file)
      try FileIO.writeAtomically(file.text, to: path, displayName: context.display(path))
      written += 1
    }
    log("config: \(written) file\(written == 1 ? "" : "s") written to \(context.display(directory))")
    return SectionOutcome(counts: ["written": written])
  }
}
