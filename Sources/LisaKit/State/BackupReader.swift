import Foundation
import GRDB

/// Opens a `*.lisabak` file. The metadata is readable without a key; `verify()` checks structure,
/// counts and checksum (also without a key); `unlock(with:)` checks the key and gives the records.
public final class BackupReader: Sendable {
  public let path: String
  public let displayName: String
  public let metadata: BackupMetadata
  private let database: DatabaseQueue
  private let keyCheck: Data?
  private let manifestTag: Data?
  private let countsText: String

  /// With `verify` (the default) the whole file is checked before the reader is returned.
  public init(path: String, displayName: String? = nil, verify: Bool = true) throws {
    let name = displayName ?? path
    self.path = path
    self.displayName = name
    _ = try BackupFileHeader(path: path, displayName: name)
    var configuration = Configuration.smallPageCache()
    configuration.readonly = true
    do {
      database = try DatabaseQueue(path: path, configuration: configuration)
      let fields = try database.read { db in
        try Row.fetchAll(db, sql: "SELECT name, value FROM metadata").reduce(into: [String: String]()) { fields, row in
          fields[row["name"]] = row["value"]
        }
      }
      let parsed = try BackupMetadataParser(fields: fields, displayName: name)
      metadata = parsed.metadata
      keyCheck = parsed.keyCheck
      manifestTag = parsed.manifestTag
      countsText = parsed.countsText
    } catch {
      throw Self.translate(error, displayName: name)
    }
    if verify { try self.verify() }
  }

  /// Checks the database structure, the record counts per kind and format, and the checksum, reading
  /// the records once without keeping them.
  public func verify() throws {
    do {
      let (integrity, counts, checksum) = try database.read { db in
        let integrity = try String.fetchAll(db, sql: "PRAGMA quick_check")
        var counts = BackupCounts()
        for row in try Row.fetchAll(db, sql: "SELECT kind, format, COUNT(*) AS n FROM records GROUP BY kind, format") {
          counts.add(kind: row["kind"], format: row["format"], count: row["n"])
        }
        var checksum = BackupChecksum()
        var kindChecksums: [String: BackupChecksum] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT kind, key, format, public, secret FROM records ORDER BY seq")
        while let row = try rows.next() {
          let publicText: String = row["public"]
          let (kind, key, format, secret): (String, String, String?, Data?) = (
            row["kind"], row["key"], row["format"], row["secret"]
          )
          checksum.add(kind: kind, key: key, format: format, publicJSON: Data(publicText.utf8), storedSecret: secret)
          kindChecksums[kind, default: BackupChecksum()].add(
            kind: kind, key: key, format: format, publicJSON: Data(publicText.utf8), storedSecret: secret)
        }
        return (integrity, counts, (checksum.finalize(), kindChecksums.mapValues { $0.finalize() }))
      }
      guard integrity == ["ok"] else { throw BackupFormat.damaged(displayName, integrity.first ?? "integrity check failed") }
      guard counts == metadata.counts else {
        throw BackupFormat.damaged(displayName, "holds \(counts.total) records, the metadata says \(metadata.counts.total)")
      }
      guard checksum.0 == metadata.checksum else { throw BackupFormat.damaged(displayName, "checksum mismatch") }
      if !metadata.kindChecksums.isEmpty,
        let kind = checksum.1.keys.sorted().first(where: { checksum.1[$0] != metadata.kindChecksums[$0] })
      {
        throw BackupFormat.damaged(displayName, "checksum mismatch in the \(kind) records")
      }
    } catch {
      throw Self.translate(error, displayName: displayName)
    }
  }

  /// Recovers the key and proves it right against the key-check value before any record is read.
  public func unlock(with protection: any BackupProtection) async throws -> UnlockedBackup {
    let cipher = try await protection.cipher(for: metadata.encryption, file: displayName)
    guard cipher.header == metadata.encryption else {
      throw LisaError(.failure, "\(displayName): the key does not belong to this backup's \(metadata.encryption.scheme) header")
    }
    guard cipher.accepts(keyCheck: keyCheck) else {
      let what = if case .kms = metadata.encryption { "the KMS data key" } else { "the passphrase" }
      throw LisaError(
        .auth, "\(displayName): \(what) does not open this backup", hint: "check the passphrase or key and try again")
    }
    guard cipher.acceptsManifest(BackupFormat.manifest(countsJSON: countsText, checksum: metadata.checksum), tag: manifestTag)
    else {
      throw BackupFormat.damaged(displayName, "the counts and checksum were changed after the backup was written")
    }
    return UnlockedBackup(database: database, cipher: cipher, displayName: displayName)
  }

  static func translate(_ error: any Error, displayName: String) -> any Error {
    if error is LisaError { return error }
    if let error = error as? DatabaseError {
      switch error.resultCode {
      case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR:
        return LisaError(.ioError, "\(displayName): cannot read the backup (\(error.message ?? "\(error.resultCode)"))")
      default:
        return BackupFormat.damaged(displayName, error.message ?? "\(error.resultCode)")
      }
    }
    return BackupFormat.damaged(displayName, "\(error)")
  }
}
