import Foundation

/// What an import did, from its checkpoints; the same numbers whether or not the run was resumed.
public struct TokenImportCounts: Sendable, Equatable {
  public var read = 0
  public var written = 0
  /// Skipped items by reason ("already in the target", "expired at …", …).
  public var skipped: [(reason: String, count: Int)] = []
  public var failed = 0

  public var skippedTotal: Int { skipped.reduce(0) { $0 + $1.count } }

  public init() {}

  public static func == (lhs: TokenImportCounts, rhs: TokenImportCounts) -> Bool {
    lhs.read == rhs.read && lhs.written == rhs.written && lhs.failed == rhs.failed
      && lhs.skipped.map(\.reason) == rhs.skipped.map(\.reason) && lhs.skipped.map(\.count) == rhs.skipped.map(\.count)
  }

  /// Reads the counts back from the run's checkpoints.
  public static func from(state: StateStore, runId: Int64) throws -> TokenImportCounts {
    let byStatus = try state.checkpointCounts(for: runId)
    var counts = TokenImportCounts()
    counts.written = byStatus[.written] ?? 0
    counts.failed = (byStatus[.failed] ?? 0) + (byStatus[.pending] ?? 0)
    counts.skipped = try state.reasonCounts(for: runId, status: .skipped)
    counts.read = counts.written + counts.failed + counts.skippedTotal
    return counts
  }

  public var journal: [String: Int] { ["read": read, "written": written, "skipped": skippedTotal, "failed": failed] }

  public var json: JSONValue {
    .object([
      ("read", .int(read)), ("written", .int(written)), ("skipped", .int(skippedTotal)), ("failed", .int(failed)),
      ("skippedBecause", .object(skipped.map { ($0.reason, .int($0.count)) })),
    ])
  }
}
