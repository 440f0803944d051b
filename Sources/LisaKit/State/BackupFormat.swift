import Foundation

/// The on-disk layout of a `*.lisabak` file: a SQLite database with a `metadata` table of
/// name/value text pairs (readable without any key) and a `records` table.
public enum BackupFormat {
  public static let version = 1
  public static let fileExtension = "lisabak"
  /// SQLite `application_id` ("LISA"), so other tools (`file`, sqlite3) can tell what the file is.
  static let applicationID: Int32 = 0x4C49_5341
  static let sqliteMagic = Data("SQLite format 3\u{0}".utf8)

  static let schema = """
    CREATE TABLE metadata (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE records (
      seq INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      key TEXT NOT NULL,
      format TEXT,
      public TEXT NOT NULL,
      secret BLOB,
      UNIQUE (kind, key)
    );
    """

  static let insertRecord = "INSERT INTO records (kind, key, format, public, secret) VALUES (?, ?, ?, ?, ?)"

  /// Names in the metadata table.
  enum Field: String, CaseIterable {
    case format, formatVersion, state, kind, source, lisaVersion, createdAt, completedAt, counts, checksum
    case encryption, keyCheck, manifestTag
    /// SHA-256 per record kind (a deployment backup's sections), each computed as `checksum` is.
    case kindChecksums
  }

  static let formatName = "lisa-backup"
  static let stateWriting = "writing"
  static let stateComplete = "complete"

  static let jsonEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dataEncodingStrategy = .base64
    return encoder
  }()

  /// Metadata dates are ISO 8601 text with milliseconds so `sqlite3` users can read them.
  static func text(_ date: Date) -> String {
    Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
  }

  static func date(_ text: String) -> Date? {
    try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
  }

  /// What the manifest tag authenticates: the counts and checksum exactly as stored.
  static func manifest(countsJSON: String, checksum: String) -> Data {
    var data = Data("lisa-backup-manifest".utf8)
    for field in [Data(countsJSON.utf8), Data(checksum.utf8)] {
      data.appendLength(field.count)
      data.append(field)
    }
    return data
  }

  static func damaged(_ file: String, _ detail: String) -> LisaError {
    LisaError(
      .dataError, "\(file): backup is damaged or truncated (\(detail))",
      hint: "restore the file from another copy or export again")
  }
}
