import Foundation

/// How a finished run ended.
public enum RunOutcome: String, Sendable, CaseIterable, Codable {
  case succeeded, partial, failed, cancelled
}

/// One mutating run in the journal (an export, import, migrate, restore ...).
public struct Run: Sendable, Equatable, Identifiable {
  public var id: Int64
  public var kind: String
  public var source: String
  public var target: String
  public var parameters: [String: String]
  /// Fixed when the run starts and never changed by a resume: imports derive `createdDate` and
  /// default expirations from it, so a resumed run writes the same items as an uninterrupted one.
  public var startedAt: Date
  public var updatedAt: Date
  public var endedAt: Date?
  public var phase: String
  public var counts: [String: Int]
  public var outcome: RunOutcome?
  public var backupPath: String?

  public var isFinished: Bool { endedAt != nil }
}

/// The answer to "start or resume": the run, and whether it was already there.
public struct RunStart: Sendable, Equatable {
  public var run: Run
  public var resumed: Bool
}

/// What happened to one item of a run.
public enum CheckpointStatus: String, Sendable, CaseIterable, Codable {
  /// `pending`: a write was about to be sent; after a crash the item may or may not be in the target.
  case pending, written, skipped, failed

  /// Written and skipped items are not touched again on resume; pending and failed ones are retried.
  public var isDone: Bool { self == .written || self == .skipped }
}

public struct Checkpoint: Sendable, Equatable {
  public var itemKey: String
  public var status: CheckpointStatus
  /// Why an item was skipped or failed; never contains a secret.
  public var reason: String?

  public init(itemKey: String, status: CheckpointStatus, reason: String? = nil) {
    self.itemKey = itemKey
    self.status = status
    self.reason = reason
  }
}

/// A backup file written by lisa, as remembered in local state.
public struct BackupIndexEntry: Sendable, Equatable {
  public var id: Int64?
  public var path: String
  public var kind: String
  public var source: String
  public var createdAt: Date
  public var recordCount: Int
  public var checksum: String
  public var encryption: String
  public var runId: Int64?

  public init(
    id: Int64? = nil, path: String, kind: String, source: String, createdAt: Date, recordCount: Int, checksum: String,
    encryption: String, runId: Int64? = nil
  ) {
    self.id = id
    self.path = path
    self.kind = kind
    self.source = source
    self.createdAt = createdAt
    self.recordCount = recordCount
    self.checksum = checksum
    self.encryption = encryption
    self.runId = runId
  }

  public init(path: String, metadata: BackupMetadata, runId: Int64? = nil) {
    let source = [metadata.source.deployment, metadata.source.resource, metadata.source.region].compactMap { $0 }
    self.init(
      path: path, kind: metadata.kind, source: source.joined(separator: "/"), createdAt: metadata.createdAt,
      recordCount: metadata.counts.total, checksum: metadata.checksum, encryption: metadata.encryption.scheme, runId: runId)
  }
}
