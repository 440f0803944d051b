import Foundation
import GRDB

extension StateStore {
  /// Remembers a backup file that was written.
  @discardableResult
  public func recordBackup(_ entry: BackupIndexEntry) throws -> Int64 {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO backup (path, kind, source, createdAt, recordCount, checksum, encryption, runId)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          entry.path, entry.kind, entry.source, entry.createdAt.timeIntervalSince1970, entry.recordCount, entry.checksum,
          entry.encryption, entry.runId,
        ])
      return db.lastInsertedRowID
    }
  }

  /// Newest first, optionally of one kind.
  public func backups(kind: String? = nil, limit: Int = 100) throws -> [BackupIndexEntry] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM backup WHERE (? IS NULL OR kind = ?) ORDER BY createdAt DESC, id DESC LIMIT ?",
        arguments: [kind, kind, limit]
      ).map { row in
        BackupIndexEntry(
          id: row["id"], path: row["path"], kind: row["kind"], source: row["source"],
          createdAt: Date(timeIntervalSince1970: row["createdAt"]), recordCount: row["recordCount"], checksum: row["checksum"],
          encryption: row["encryption"], runId: row["runId"])
      }
    }
  }
}
