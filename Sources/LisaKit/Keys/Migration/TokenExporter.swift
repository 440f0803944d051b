import Foundation

/// Scans a token table into a backup, page by page: memory holds at most one page per segment.
public struct TokenExporter: Sendable {
  public var dynamo: DynamoDBClient
  public var table: String
  /// Parallel Scan segments; nil: from the table's size (`segments(forTableBytes:)`).
  public var segments: Int? = nil
  /// Items per Scan page, below which DynamoDB's 1 MB limit ends a page. A 1 MB page of legacy tokens (about
  /// 75 bytes each) holds 14,000 of them, and decoding one raised `backup create`'s peak memory from 50 to 72 MB
  /// between 10,000 and 100,000 tokens; v6.1 items (about 400 bytes) still fill 1 MB pages.
  public var pageSize: Int? = 5000

  public init(dynamo: DynamoDBClient, table: String) {
    self.dynamo = dynamo
    self.table = table
  }

  /// The Scan `keys export` makes; `keys migrate`, its `--dry-run` and `backup create` scan token tables the same way.
  public func scanRequest() async throws -> DynamoDBScanRequest {
    var count = segments
    if count == nil { count = Self.segments(forTableBytes: try await dynamo.describeTable(table).sizeBytes) }
    return DynamoDBScanRequest(table: table, pageSize: pageSize, segments: count ?? 1)
  }

  /// One segment per 256 MB of table, at most four. Token tables hold a few to tens of MB, which one segment
  /// reads in a few 1 MB pages while the writes take far longer; parallel segments of such a table held four
  /// pages in memory at once and, against moto at 100,000 tokens, took every page past the 30 s request deadline.
  public static func segments(forTableBytes bytes: Int?) -> Int {
    min(4, max(0, bytes ?? 0) / (256 << 20) + 1)
  }

  /// Appends every item as a record; returns how many were read. `progress` gets each page's size.
  /// `alongside` gets each page's records once they are in the backup (the one-pass `keys migrate` imports them).
  public func export(
    into writer: BackupWriter, progress: @Sendable (Int) -> Void,
    alongside: (@Sendable ([BackupRecord]) async throws -> Void)? = nil
  ) async throws -> Int {
    var count = 0
    for try await page in dynamo.scanPages(try await scanRequest()) {
      let records = try page.items.map(TokenBackup.record(from:))
      for record in records { try writer.append(record) }
      count += records.count
      progress(records.count)
      try await alongside?(records)
    }
    return count
  }
}

extension TokenExporter {
  /// What a finished export wrote.
  public struct Written: Sendable {
    public var path: String
    public var count: Int
    public var metadata: BackupMetadata
  }

  /// Exports the table into a new backup file at `path` and records the file in the state database's
  /// backup index (`runId`: the migration it belongs to, nil for `keys export`). `keys export` and the
  /// export inside `keys migrate` both come here, so both backups are indexed alike. An interrupted
  /// export leaves no file.
  public func exportBackup(
    to path: String, region: String, protection: any BackupProtection, state: StateStore?, runId: Int64?,
    context: LisaContext, progress: @Sendable (Int) -> Void, alongside: (@Sendable ([BackupRecord]) async throws -> Void)? = nil
  ) async throws -> Written {
    let writer = try BackupWriter(
      path: path, displayName: context.display(path), kind: TokenBackup.backupKind,
      source: BackupSource(resource: table, region: region, details: ["table": table]), createdAt: context.now(),
      cipher: try await protection.newCipher())
    let count: Int
    do {
      count = try await export(into: writer, progress: progress, alongside: alongside)
    } catch {
      writer.abandon()
      throw error
    }
    let metadata = try writer.finish(completedAt: context.now())
    try state?.recordBackup(
      BackupIndexEntry(
        path: path, kind: TokenBackup.backupKind, source: "dynamodb:\(region)/\(table)", createdAt: metadata.createdAt,
        recordCount: count, checksum: metadata.checksum, encryption: metadata.encryption.scheme, runId: runId))
    return Written(path: path, count: count, metadata: metadata)
  }
}
