import Foundation

/// What `backup show`, `list` and `verify` report about a file, all readable without its key.
public struct BackupSummary: Sendable {
  public struct Part: Sendable, Equatable {
    /// The section, or the raw kind for records this lisa does not know.
    public var name: String
    public var kind: String
    public var count: KindCount
    public var checksum: String?
  }

  public var path: String
  public var metadata: BackupMetadata
  public var parts: [Part]

  public init(path: String, metadata: BackupMetadata) {
    self.path = path
    self.metadata = metadata
    parts = metadata.counts.kinds.sorted { lhs, rhs in
      let order = { (kind: String) in BackupSection.of(kind: kind).flatMap { BackupSection.allCases.firstIndex(of: $0) } ?? 99 }
      return (order(lhs.key), lhs.key) < (order(rhs.key), rhs.key)
    }.map { kind, count in
      Part(
        name: BackupSection.of(kind: kind)?.rawValue ?? kind, kind: kind, count: count, checksum: metadata.kindChecksums[kind])
    }
  }

  public var lines: [String] {
    let source = metadata.source
    var lines = [
      "file:        \(path)",
      "kind:        \(metadata.kind) (format \(metadata.formatVersion))",
      "deployment:  \(DeploymentBackupCreator.label(source))",
      "lisa:        \(metadata.lisaVersion ?? "unknown")",
      "created:     \(BackupFormat.text(metadata.createdAt)) (completed \(BackupFormat.text(metadata.completedAt)))",
      "encryption:  \(metadata.encryption.scheme)",
      "checksum:    \(metadata.checksum)",
    ]
    if let resource = source.resource { lines.insert("source:      \(resource)", at: 3) }
    for part in parts {
      let formats = part.count.formats.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
      lines.append(
        "  \(part.name) \(part.kind): \(part.count.total)\(formats.isEmpty ? "" : " (\(formats))")"
          + (part.checksum.map { "  \($0)" } ?? ""))
    }
    return lines
  }

  public var json: JSONValue {
    let source = metadata.source
    var sourcePairs: [(String, JSONValue)] = [
      ("deployment", .optional(source.deployment)), ("region", .optional(source.region)),
      ("resource", .optional(source.resource)),
    ]
    for (key, value) in source.details.sorted(by: { $0.key < $1.key }) { sourcePairs.append((key, .string(value))) }
    return .object([
      ("file", .string(path)), ("kind", .string(metadata.kind)), ("formatVersion", .int(metadata.formatVersion)),
      ("source", .object(sourcePairs)),
      ("lisaVersion", .optional(metadata.lisaVersion)), ("createdAt", .string(BackupFormat.text(metadata.createdAt))),
      ("completedAt", .string(BackupFormat.text(metadata.completedAt))), ("encryption", .string(metadata.encryption.scheme)),
      ("checksum", .string(metadata.checksum)), ("records", .int(metadata.counts.total)),
      (
        "sections",
        .array(
          parts.map { part in
            .object([
              ("section", .string(part.name)), ("kind", .string(part.kind)), ("count", .int(part.count.total)),
              ("formats", .object(part.count.formats.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
              ("checksum", .optional(part.checksum)),
            ])
          })
      ),
    ])
  }
}

/// A backup the local index remembers, and how the file is now.
public struct BackupListing: Sendable {
  public enum Status: Sendable, Equatable {
    case ok, missing, changed
    case damaged(String)

    public var text: String {
      switch self {
      case .ok: "ok"
      case .missing: "missing"
      case .changed: "changed (checksum differs from the one recorded)"
      case .damaged(let why): "damaged (\(why))"
      }
    }
  }

  public var entry: BackupIndexEntry
  public var status: Status

  /// Every deployment backup in the index, newest first, each file opened and checked.
  public static func all(in state: StateStore, limit: Int = 100) throws -> [BackupListing] {
    try state.backups(kind: DeploymentBackup.backupKind, limit: limit).map { entry in
      guard FileIO.exists(entry.path) else { return BackupListing(entry: entry, status: .missing) }
      do {
        let reader = try BackupReader(path: entry.path)
        return BackupListing(entry: entry, status: reader.metadata.checksum == entry.checksum ? .ok : .changed)
      } catch let error as LisaError {
        return BackupListing(entry: entry, status: .damaged(error.message))
      }
    }
  }

  public var json: JSONValue {
    .object([
      ("file", .string(entry.path)), ("deployment", .string(entry.source)),
      ("createdAt", .string(BackupFormat.text(entry.createdAt))), ("records", .int(entry.recordCount)),
      ("checksum", .string(entry.checksum)), ("encryption", .string(entry.encryption)),
      ("exists", .bool(status != .missing)), ("status", .string(status.text)),
    ])
  }
}

public enum BackupVerification {
  /// Opens every sealed secret; returns how many records were read. The checksums were checked when
  /// `reader` was made.
  public static func decryptAll(_ reader: BackupReader, protection: any BackupProtection) async throws -> Int {
    var count = 0
    for try await _ in try await reader.unlock(with: protection).records() { count += 1 }
    return count
  }
}
