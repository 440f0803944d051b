import Foundation

/// Turns the metadata table's name/value pairs back into `BackupMetadata`, naming the field at fault.
struct BackupMetadataParser {
  private(set) var metadata: BackupMetadata
  let keyCheck: Data?
  let manifestTag: Data?
  /// The counts exactly as stored, which the manifest tag covers.
  let countsText: String

  init(fields: [String: String], displayName: String) throws {
    func text(_ field: BackupFormat.Field) throws -> String {
      guard let value = fields[field.rawValue] else {
        throw BackupFormat.damaged(displayName, "metadata has no \(field.rawValue)")
      }
      return value
    }
    func decoded<Value: Decodable>(_ field: BackupFormat.Field, as type: Value.Type) throws -> Value {
      do {
        return try JSONDecoder().decode(type, from: Data(try text(field).utf8))
      } catch let error as LisaError {
        throw error
      } catch {
        throw BackupFormat.damaged(displayName, "metadata \(field.rawValue) is unreadable")
      }
    }
    func date(_ field: BackupFormat.Field) throws -> Date {
      guard let date = BackupFormat.date(try text(field)) else {
        throw BackupFormat.damaged(displayName, "metadata \(field.rawValue) is not an ISO 8601 time")
      }
      return date
    }
    func base64(_ field: BackupFormat.Field) throws -> Data? {
      guard let value = fields[field.rawValue] else { return nil }
      guard let data = Data(base64Encoded: value) else {
        throw BackupFormat.damaged(displayName, "metadata \(field.rawValue) is not base64")
      }
      return data
    }

    guard fields[BackupFormat.Field.format.rawValue] == BackupFormat.formatName else {
      throw LisaError(.dataError, "\(displayName): not a lisa backup file (no lisa-backup metadata)")
    }
    guard let version = Int(try text(.formatVersion)) else {
      throw BackupFormat.damaged(displayName, "metadata formatVersion is not a number")
    }
    guard version <= BackupFormat.version else {
      throw LisaError(
        .dataError, "\(displayName): backup format \(version) is newer than this lisa understands (\(BackupFormat.version))",
        hint: "upgrade lisa")
    }
    guard try text(.state) == BackupFormat.stateComplete else {
      throw BackupFormat.damaged(displayName, "the writer did not finish")
    }
    countsText = try text(.counts)
    metadata = BackupMetadata(
      formatVersion: version, kind: try text(.kind), source: try decoded(.source, as: BackupSource.self),
      lisaVersion: fields[BackupFormat.Field.lisaVersion.rawValue], createdAt: try date(.createdAt),
      completedAt: try date(.completedAt), counts: try decoded(.counts, as: BackupCounts.self), checksum: try text(.checksum),
      encryption: try decoded(.encryption, as: EncryptionHeader.self))
    if fields[BackupFormat.Field.kindChecksums.rawValue] != nil {
      metadata.kindChecksums = try decoded(.kindChecksums, as: [String: String].self)
    }
    keyCheck = try base64(.keyCheck)
    manifestTag = try base64(.manifestTag)
  }
}
