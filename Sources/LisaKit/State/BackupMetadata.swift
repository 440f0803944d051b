import Foundation

/// Where a backup's records came from.
public struct BackupSource: Sendable, Equatable, Codable {
  public var deployment: String?
  /// The table, API or file the records were read from.
  public var resource: String?
  public var region: String?
  /// Anything else worth keeping (stage, account, endpoint), sorted by key in the file.
  public var details: [String: String]

  public init(deployment: String? = nil, resource: String? = nil, region: String? = nil, details: [String: String] = [:]) {
    self.deployment = deployment
    self.resource = resource
    self.region = region
    self.details = details
  }
}

/// How many records of one kind a backup holds, in total and per format.
public struct KindCount: Sendable, Equatable, Codable {
  public var total: Int
  public var formats: [String: Int]

  public init(total: Int = 0, formats: [String: Int] = [:]) {
    self.total = total
    self.formats = formats
  }
}

/// Record counts by kind.
public struct BackupCounts: Sendable, Equatable, Codable {
  public var kinds: [String: KindCount]

  public init(kinds: [String: KindCount] = [:]) {
    self.kinds = kinds
  }

  public var total: Int { kinds.values.reduce(0) { $0 + $1.total } }

  mutating func add(kind: String, format: String?, count: Int = 1) {
    kinds[kind, default: KindCount()].total += count
    if let format { kinds[kind, default: KindCount()].formats[format, default: 0] += count }
  }

  public init(from decoder: any Decoder) throws {
    kinds = try decoder.singleValueContainer().decode([String: KindCount].self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(kinds)
  }
}

/// Everything in a backup that is readable without a key (`lisa backup show`).
public struct BackupMetadata: Sendable, Equatable, Codable {
  public var formatVersion: Int
  /// What the backup holds as a whole: "keys", "models", "repositories", ...
  public var kind: String
  public var source: BackupSource
  public var lisaVersion: String?
  public var createdAt: Date
  public var completedAt: Date
  public var counts: BackupCounts
  /// "sha256:" and the hex digest over all records in file order.
  public var checksum: String
  public var encryption: EncryptionHeader
  /// The checksum of each kind's records alone, so one section can be checked and compared on its own;
  /// empty in files written before it existed.
  public var kindChecksums: [String: String] = [:]

  public init(
    formatVersion: Int = BackupFormat.version, kind: String, source: BackupSource, lisaVersion: String?,
    createdAt: Date, completedAt: Date, counts: BackupCounts, checksum: String, encryption: EncryptionHeader
  ) {
    self.formatVersion = formatVersion
    self.kind = kind
    self.source = source
    self.lisaVersion = lisaVersion
    self.createdAt = createdAt
    self.completedAt = completedAt
    self.counts = counts
    self.checksum = checksum
    self.encryption = encryption
  }
}
