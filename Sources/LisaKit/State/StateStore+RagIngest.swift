import Foundation
import GRDB

/// What `rag ingest` has done per file and target: uploaded (the S3 object is there) or ingested (LISA has a
/// job for it). Each record is its own transaction, so a run killed at any point keeps what it finished.
public struct RagIngestRecord: Sendable, Equatable {
  public enum State: String, Sendable { case uploaded, ingested }
  public var path: String
  public var size: Int64
  public var sha256: String
  public var s3Key: String
  public var state: State

  public init(path: String, size: Int64, sha256: String, s3Key: String, state: State) {
    self.path = path
    self.size = size
    self.sha256 = sha256
    self.s3Key = s3Key
    self.state = state
  }
}

extension StateStore {
  /// Every record of `target`, by path.
  public func ragIngestRecords(target: String) throws -> [String: RagIngestRecord] {
    try read { db in
      var records: [String: RagIngestRecord] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT path, size, sha256, s3Key, state FROM ragIngest WHERE target = ?", arguments: [target])
      while let row = try rows.next() {
        let path: String = row["path"]
        let state = RagIngestRecord.State(rawValue: row["state"]) ?? .uploaded
        records[path] = RagIngestRecord(path: path, size: row["size"], sha256: row["sha256"], s3Key: row["s3Key"], state: state)
      }
      return records
    }
  }

  public func recordRagIngest(_ records: [RagIngestRecord], target: String) throws {
    let time = timestamp
    try write { db in
      let statement = try db.cachedStatement(
        sql: """
          INSERT INTO ragIngest (target, path, size, sha256, s3Key, state, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (target, path) DO UPDATE SET size = excluded.size, sha256 = excluded.sha256,
            s3Key = excluded.s3Key, state = excluded.state, updatedAt = excluded.updatedAt
          """)
      for record in records {
        try statement.execute(
          arguments: [target, record.path, record.size, record.sha256, record.s3Key, record.state.rawValue, time])
      }
    }
  }
}
