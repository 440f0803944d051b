import Foundation
import GRDB

extension StateStore {
  /// Records a batch of item results in one transaction, with the run's counts if given, so the
  /// counts never disagree with the checkpoints after a crash. A later result for the same item
  /// replaces the earlier one (a failed item that succeeds on retry becomes written).
  public func record(_ checkpoints: [Checkpoint], for runId: Int64, counts: [String: Int]? = nil) throws {
    let countsText = try counts.map(Self.json)
    let time = timestamp
    try write { db in
      try Self.requireUnfinished(db, runId)
      let statement = try db.cachedStatement(
        sql: """
          INSERT INTO checkpoint (runId, itemKey, status, reason, updatedAt) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (runId, itemKey)
          DO UPDATE SET status = excluded.status, reason = excluded.reason, updatedAt = excluded.updatedAt
          """)
      for checkpoint in checkpoints {
        try statement.execute(arguments: [runId, checkpoint.itemKey, checkpoint.status.rawValue, checkpoint.reason, time])
      }
      try db.execute(
        sql: "UPDATE run SET updatedAt = ?, counts = coalesce(?, counts) WHERE id = ?", arguments: [time, countsText, runId])
    }
  }

  /// Which of `keys` are already written or skipped in this run: the resume filter for one batch.
  public func doneKeys(for runId: Int64, among keys: some Collection<String>) throws -> Set<String> {
    var done = Set<String>()
    let chunkSize = 500  // well under SQLite's bound-parameter limit
    let all = Array(keys)
    try read { db in
      for start in stride(from: 0, to: all.count, by: chunkSize) {
        let chunk = all[start..<min(start + chunkSize, all.count)]
        let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
        let found = try String.fetchCursor(
          db,
          sql: """
            SELECT itemKey FROM checkpoint
            WHERE runId = ? AND status IN ('written', 'skipped') AND itemKey IN (\(placeholders))
            """,
          arguments: StatementArguments([runId] + chunk.map { $0 as any DatabaseValueConvertible }))
        while let key = try found.next() { done.insert(key) }
      }
    }
    return done
  }

  /// Every written or skipped key of the run.
  public func doneKeys(for runId: Int64) throws -> Set<String> {
    try read { db in
      var done = Set<String>()
      let found = try String.fetchCursor(
        db, sql: "SELECT itemKey FROM checkpoint WHERE runId = ? AND status IN ('written', 'skipped')", arguments: [runId])
      while let key = try found.next() { done.insert(key) }
      return done
    }
  }

  public func checkpointCounts(for runId: Int64) throws -> [CheckpointStatus: Int] {
    try read { db in
      var counts: [CheckpointStatus: Int] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT status, COUNT(*) AS n FROM checkpoint WHERE runId = ? GROUP BY status", arguments: [runId])
      {
        if let status = CheckpointStatus(rawValue: row["status"]) { counts[status] = row["n"] }
      }
      return counts
    }
  }

  /// Checkpoints in key order, optionally of one status (for listing failures).
  public func checkpoints(for runId: Int64, status: CheckpointStatus? = nil, limit: Int = 1000) throws -> [Checkpoint] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT itemKey, status, reason FROM checkpoint WHERE runId = ? AND (? IS NULL OR status = ?)
          ORDER BY itemKey LIMIT ?
          """,
        arguments: [runId, status?.rawValue, status?.rawValue, limit]
      ).compactMap { row in
        CheckpointStatus(rawValue: row["status"]).map { Checkpoint(itemKey: row["itemKey"], status: $0, reason: row["reason"]) }
      }
    }
  }

  /// The recorded status of each of `keys` that has one.
  public func statuses(for runId: Int64, among keys: some Collection<String>) throws -> [String: CheckpointStatus] {
    var statuses: [String: CheckpointStatus] = [:]
    let all = Array(keys)
    try read { db in
      for start in stride(from: 0, to: all.count, by: 500) {
        let chunk = all[start..<min(start + 500, all.count)]
        let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
        let rows = try Row.fetchCursor(
          db, sql: "SELECT itemKey, status FROM checkpoint WHERE runId = ? AND itemKey IN (\(placeholders))",
          arguments: StatementArguments([runId] + chunk.map { $0 as any DatabaseValueConvertible }))
        while let row = try rows.next() {
          if let status = CheckpointStatus(rawValue: row["status"]) { statuses[row["itemKey"]] = status }
        }
      }
    }
    return statuses
  }

  /// How many items of one status share each reason, most frequent first.
  public func reasonCounts(for runId: Int64, status: CheckpointStatus) throws -> [(reason: String, count: Int)] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT coalesce(reason, '') AS reason, COUNT(*) AS n FROM checkpoint WHERE runId = ? AND status = ?
          GROUP BY reason ORDER BY n DESC, reason
          """,
        arguments: [runId, status.rawValue]
      ).map { (reason: $0["reason"], count: $0["n"]) }
    }
  }
}
