import Foundation
import GRDB

/// Writes a `*.lisabak` file from a stream of records. The file is built under a hidden temporary
/// name (mode 0600 from its first byte) and only appears under its final name once complete, so an
/// interrupted export never leaves a partial backup that looks real. Memory stays flat: at most one
/// batch of records is held before it is committed.
///
/// One writer belongs to one task; it is deliberately not `Sendable`.
public final class BackupWriter {
  public let path: String
  private let displayName: String
  private let cipher: BackupCipher
  private let replacing: Bool
  private let batchSize: Int
  private var metadata: BackupMetadata
  private var temporary: LockedTemporaryFile?
  private var database: DatabaseQueue?
  private var pending: [PendingRecord] = []
  private var checksum = BackupChecksum()
  private var kindChecksums: [String: BackupChecksum] = [:]

  private struct PendingRecord {
    var kind: String
    var key: String
    var format: String?
    var publicText: String
    var storedSecret: Data?
  }

  /// `replacing` allows overwriting an existing file at `path` (for `--force`).
  public init(
    path: String, displayName: String? = nil, kind: String, source: BackupSource, lisaVersion: String? = nil,
    createdAt: Date, cipher: BackupCipher, replacing: Bool = false, batchSize: Int = 2000
  ) throws {
    self.path = path
    self.displayName = displayName ?? path
    self.cipher = cipher
    self.replacing = replacing
    self.batchSize = max(1, batchSize)
    metadata = BackupMetadata(
      kind: kind, source: source, lisaVersion: lisaVersion, createdAt: createdAt, completedAt: createdAt,
      counts: BackupCounts(), checksum: "", encryption: cipher.header)
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty, !FileIO.isDirectory(directory) {
      throw LisaError(.notFound, "\(self.displayName): directory \(directory) does not exist")
    }
    if FileIO.isDirectory(path) { throw LisaError(.ioError, "\(self.displayName): is a directory, expected a file") }
    if !replacing, FileIO.exists(path) {
      throw LisaError(.conflict, "\(self.displayName): already exists", hint: "choose another name or pass --force to replace it")
    }
    LockedTemporaryFile.removeDebris(besides: path)
    let temporary = try LockedTemporaryFile(besides: path, displayName: self.displayName)
    self.temporary = temporary
    do {
      database = try createDatabase(at: temporary.path)
    } catch {
      discard()
      throw translate(error)
    }
  }

  /// The hidden file being written; nil once finished or abandoned.
  var temporaryPath: String? { temporary?.path }

  private func createDatabase(at temporaryPath: String) throws -> DatabaseQueue {
    let database = try DatabaseQueue(path: temporaryPath, configuration: .smallPageCache())
    // The file is invisible until published and fsynced once at the end; syncing every batch would
    // only slow the export down.
    try database.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF")
    }
    let fields = try initialMetadataFields()
    try database.write { db in
      try db.execute(sql: "PRAGMA application_id = \(BackupFormat.applicationID); PRAGMA user_version = \(BackupFormat.version)")
      try db.execute(sql: BackupFormat.schema)
      for (field, value) in fields {
        try db.execute(sql: "INSERT INTO metadata (name, value) VALUES (?, ?)", arguments: [field.rawValue, value])
      }
    }
    return database
  }

  private func initialMetadataFields() throws -> [(BackupFormat.Field, String)] {
    var fields: [(BackupFormat.Field, String)] = [
      (.format, BackupFormat.formatName), (.formatVersion, String(BackupFormat.version)),
      (.state, BackupFormat.stateWriting), (.kind, metadata.kind),
      (.source, try jsonText(metadata.source)), (.createdAt, BackupFormat.text(metadata.createdAt)),
      (.encryption, try jsonText(metadata.encryption)),
    ]
    if let lisaVersion = metadata.lisaVersion { fields.append((.lisaVersion, lisaVersion)) }
    if let keyCheck = try cipher.makeKeyCheck() { fields.append((.keyCheck, keyCheck.base64EncodedString())) }
    return fields
  }

  /// Adds one record; records are read back in the order they were appended.
  public func append(_ record: BackupRecord) throws {
    guard database != nil else { throw LisaError(.failure, "\(displayName): backup writer is already closed") }
    guard !record.kind.isEmpty, !record.key.isEmpty else {
      throw LisaError(.invalid, "\(displayName): a backup record needs a kind and a key")
    }
    guard let publicText = String(data: record.publicJSON, encoding: .utf8) else {
      throw LisaError(.invalid, "\(displayName): public fields of \(record.kind)/\(record.shortKey) are not UTF-8 JSON")
    }
    let storedSecret = try record.secret.map { try cipher.seal($0, boundTo: record.sealingContext) }
    checksum.add(
      kind: record.kind, key: record.key, format: record.format, publicJSON: record.publicJSON, storedSecret: storedSecret)
    kindChecksums[record.kind, default: BackupChecksum()].add(
      kind: record.kind, key: record.key, format: record.format, publicJSON: record.publicJSON, storedSecret: storedSecret)
    metadata.counts.add(kind: record.kind, format: record.format)
    pending.append(
      PendingRecord(kind: record.kind, key: record.key, format: record.format, publicText: publicText, storedSecret: storedSecret)
    )
    if pending.count >= batchSize { try flush() }
  }

  /// Which of `keys` this backup already holds for `kind`: a deployment backup reads one kind from several
  /// sources (both token tables) and keeps each item once, without holding every key in memory.
  public func existingKeys(kind: String, among keys: [String]) throws -> Set<String> {
    try flush()
    guard let database, !keys.isEmpty else { return [] }
    do {
      return try database.read { db in
        let marks = Array(repeating: "?", count: keys.count).joined(separator: ",")
        return Set(
          try String.fetchAll(
            db, sql: "SELECT key FROM records WHERE kind = ? AND key IN (\(marks))",
            arguments: StatementArguments([kind] + keys)))
      }
    } catch {
      discard()
      throw translate(error)
    }
  }

  private func flush() throws {
    guard !pending.isEmpty, let database else { return }
    do {
      try database.write { db in
        let statement = try db.cachedStatement(sql: BackupFormat.insertRecord)
        for record in pending {
          do {
            try statement.execute(arguments: [record.kind, record.key, record.format, record.publicText, record.storedSecret])
          } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw LisaError(
              .dataError, "\(displayName): record \(record.kind)/\(record.key.prefix(12)) appears twice in the source")
          }
        }
      }
      pending.removeAll(keepingCapacity: true)
    } catch {
      discard()
      throw translate(error)
    }
  }

  /// Writes counts and checksum, makes the file durable and moves it to its final name.
  @discardableResult
  public func finish(completedAt: Date) throws -> BackupMetadata {
    try flush()
    guard let database, let temporary else { throw LisaError(.failure, "\(displayName): backup writer is already closed") }
    metadata.completedAt = completedAt
    metadata.checksum = checksum.finalize()
    metadata.kindChecksums = kindChecksums.mapValues { $0.finalize() }
    do {
      let countsText = try jsonText(metadata.counts)
      var fields: [(BackupFormat.Field, String)] = [
        (.counts, countsText), (.checksum, metadata.checksum), (.completedAt, BackupFormat.text(completedAt)),
        (.kindChecksums, try jsonText(metadata.kindChecksums)), (.state, BackupFormat.stateComplete),
      ]
      if let tag = cipher.manifestTag(BackupFormat.manifest(countsJSON: countsText, checksum: metadata.checksum)) {
        fields.append((.manifestTag, tag.base64EncodedString()))
      }
      try database.write { db in
        for (field, value) in fields {
          try db.execute(sql: "INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)", arguments: [field.rawValue, value])
        }
      }
      try database.close()
      self.database = nil
      try temporary.sync(displayName: displayName)
      try temporary.publish(as: path, replacing: replacing, displayName: displayName)
      self.temporary = nil
      return metadata
    } catch {
      discard()
      throw translate(error)
    }
  }

  /// Gives up: the temporary file is deleted and nothing appears under the final name.
  public func abandon() {
    discard()
  }

  private func discard() {
    pending.removeAll()
    try? database?.close()
    database = nil
    temporary?.discard()
    temporary = nil
  }

  deinit { discard() }

  private func jsonText(_ value: some Encodable) throws -> String {
    String(decoding: try BackupFormat.jsonEncoder.encode(value), as: UTF8.self)
  }

  private func translate(_ error: any Error) -> any Error {
    if error is LisaError { return error }
    if let error = error as? DatabaseError {
      return LisaError(.ioError, "\(displayName): cannot write the backup (\(error.message ?? "\(error.resultCode)"))")
    }
    return LisaError(.ioError, "\(displayName): cannot write the backup (\(error))")
  }
}
