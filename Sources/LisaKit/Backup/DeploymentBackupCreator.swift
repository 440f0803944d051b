import Foundation

/// `lisa backup create`: one `*.lisabak` with every section asked for, written through `BackupWriter`
/// (hidden until complete, mode 0600, never replacing a file), then remembered in the state's backup index.
public struct DeploymentBackupCreator {
  public var path: String
  public var source: BackupSource
  public var lisaVersion: String?
  public var writers: [any BackupSectionWriter]
  public var context: LisaContext
  public var quiet: Bool

  public init(
    path: String, source: BackupSource, lisaVersion: String?, writers: [any BackupSectionWriter], context: LisaContext,
    quiet: Bool
  ) {
    self.path = path
    self.source = source
    self.lisaVersion = lisaVersion
    self.writers = writers.sorted { $0.section < $1.section }
    self.context = context
    self.quiet = quiet
  }

  public struct Outcome: Sendable {
    public var metadata: BackupMetadata
    public var notes: [String]
    /// Records per section, in section order.
    public var counts: [(section: BackupSection, records: Int)]
  }

  /// `warn` gets what a section could not read as it happens; `info` one line per finished section.
  public func create(
    cipher: BackupCipher, state: StateStore?, info: @escaping @Sendable (String) -> Void,
    warn: @escaping @Sendable (String) -> Void
  ) async throws -> Outcome {
    var source = source
    source.details[DeploymentBackup.sectionsDetail] = writers.map(\.section.rawValue).joined(separator: ",")
    let writer = try BackupWriter(
      path: path, displayName: context.display(path), kind: DeploymentBackup.backupKind, source: source,
      lisaVersion: lisaVersion, createdAt: context.now(), cipher: cipher)
    var notes: [String] = []
    var counts: [(section: BackupSection, records: Int)] = []
    do {
      for sectionWriter in writers {
        let meter = ProgressMeter(label: "backup \(sectionWriter.section.rawValue)", total: nil, context: context, quiet: quiet)
        let tally = Tally()
        let sectionNotes = try await sectionWriter.write(into: writer) { count in
          tally.add(count)
          meter.add(count)
        }
        let elapsed = meter.finish()
        sectionNotes.forEach(warn)
        notes += sectionNotes
        counts.append((sectionWriter.section, tally.value))
        if !quiet { info("\(sectionWriter.section.rawValue): \(tally.value) records in \(ProgressMeter.duration(elapsed))") }
      }
    } catch {
      writer.abandon()
      throw error
    }
    let metadata = try writer.finish(completedAt: context.now())
    try state?.recordBackup(
      BackupIndexEntry(
        path: path, kind: DeploymentBackup.backupKind, source: Self.label(metadata.source), createdAt: metadata.createdAt,
        recordCount: metadata.counts.total, checksum: metadata.checksum, encryption: metadata.encryption.scheme, runId: nil))
    return Outcome(metadata: metadata, notes: notes, counts: counts)
  }

  /// How the index and the journal name a deployment: `prod/prod in us-east-1 (account 123…)`.
  public static func label(_ source: BackupSource) -> String {
    var text = source.deployment ?? "unknown deployment"
    if let stage = source.details["stage"] { text += "/\(stage)" }
    if let region = source.region { text += " in \(region)" }
    if let account = source.details["account"] { text += " (account \(account))" }
    return text
  }
}

/// A counter the progress closure can bump from any task.
final class Tally: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func add(_ value: Int) {
    lock.lock()
    count += value
    lock.unlock()
  }

  var value: Int {
    lock.lock()
    defer { lock.unlock() }
    return count
  }
}
