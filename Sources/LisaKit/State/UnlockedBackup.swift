import Foundation
import GRDB

/// A backup whose key has been checked: its records, decrypted, in the order they were written.
public struct UnlockedBackup: Sendable {
  let database: DatabaseQueue
  let cipher: BackupCipher
  public let displayName: String

  /// Streams records page by page; only `pageSize` records are in memory at a time.
  public func records(kind: String? = nil, pageSize: Int = 1000) -> BackupRecordSequence {
    BackupRecordSequence(backup: self, kind: kind, pageSize: max(1, pageSize))
  }

  /// One page of records after the given position (`seq`), decrypted.
  func page(after position: Int64, kind: String?, limit: Int) throws -> [(position: Int64, record: BackupRecord)] {
    let rows = try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT seq, kind, key, format, public, secret FROM records
          WHERE seq > ? AND (? IS NULL OR kind = ?) ORDER BY seq LIMIT ?
          """,
        arguments: [position, kind, kind, limit])
    }
    return try rows.map { row in
      let publicText: String = row["public"]
      var record = BackupRecord(kind: row["kind"], key: row["key"], format: row["format"], publicJSON: Data(publicText.utf8))
      if let stored: Data = row["secret"] {
        do {
          record.secret = try cipher.open(stored, boundTo: record.sealingContext)
        } catch {
          throw BackupFormat.damaged(displayName, "record \(record.kind)/\(record.shortKey) does not decrypt: altered or moved")
        }
      }
      return (row["seq"], record)
    }
  }
}

/// `for try await record in backup.records(kind: "token")`.
public struct BackupRecordSequence: AsyncSequence, Sendable {
  public typealias Element = BackupRecord
  let backup: UnlockedBackup
  let kind: String?
  let pageSize: Int

  public struct AsyncIterator: AsyncIteratorProtocol {
    let sequence: BackupRecordSequence
    var position: Int64 = 0
    var buffer: [BackupRecord] = []
    var index = 0
    var exhausted = false

    public mutating func next() async throws -> BackupRecord? {
      if index == buffer.count {
        if exhausted { return nil }
        let page: [(position: Int64, record: BackupRecord)]
        do {
          page = try sequence.backup.page(after: position, kind: sequence.kind, limit: sequence.pageSize)
        } catch {
          throw BackupReader.translate(error, displayName: sequence.backup.displayName)
        }
        buffer = page.map(\.record)
        index = 0
        position = page.last?.position ?? position
        exhausted = page.count < sequence.pageSize
        if buffer.isEmpty { return nil }
      }
      defer { index += 1 }
      return buffer[index]
    }
  }

  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(sequence: self) }
}
