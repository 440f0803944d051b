import Foundation

/// Scans a token table into a backup, page by page: memory holds at most one page per segment.
public struct TokenExporter: Sendable {
  public var dynamo: DynamoDBClient
  public var table: String
  public var segments = 4
  public var pageSize = 500

  public init(dynamo: DynamoDBClient, table: String) {
    self.dynamo = dynamo
    self.table = table
  }

  /// Appends every item as a record; returns how many were read. `progress` gets each page's size.
  public func export(into writer: BackupWriter, progress: @Sendable (Int) -> Void) async throws -> Int {
    var count = 0
    let request = DynamoDBScanRequest(table: table, pageSize: pageSize, segments: segments)
    for try await page in dynamo.scanPages(request) {
      for item in page.items { try writer.append(try TokenBackup.record(from: item)) }
      count += page.items.count
      progress(page.items.count)
    }
    return count
  }
}
