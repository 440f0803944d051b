import Foundation

/// A Scan, possibly split into parallel segments, possibly resuming from saved positions.
public struct DynamoDBScanRequest: Sendable {
  public var table: String
  public var indexName: String?
  public var filter: DynamoDBExpression?
  /// Attributes to return, comma-separated; names may be `#placeholders` from `filter.names`.
  public var projection: String?
  /// Items per page (DynamoDB also stops a page at 1 MB).
  public var pageSize: Int?
  /// Parallel segments (`TotalSegments`); 1 means an ordinary scan.
  public var segments: Int
  /// Where each segment resumes, from the `lastEvaluatedKey` of the last page it handled.
  public var startKeys: [Int: DynamoDBItem]
  /// Segments already finished in an earlier run.
  public var completedSegments: Set<Int>
  public var consistentRead: Bool

  public init(
    table: String, indexName: String? = nil, filter: DynamoDBExpression? = nil, projection: String? = nil, pageSize: Int? = nil,
    segments: Int = 1, startKeys: [Int: DynamoDBItem] = [:], completedSegments: Set<Int> = [], consistentRead: Bool = false
  ) {
    self.table = table
    self.indexName = indexName
    self.filter = filter
    self.projection = projection
    self.pageSize = pageSize
    self.segments = max(1, segments)
    self.startKeys = startKeys
    self.completedSegments = completedSegments
    self.consistentRead = consistentRead
  }
}

/// A Query on a table or one of its indexes.
public struct DynamoDBQueryRequest: Sendable {
  public var table: String
  public var indexName: String?
  /// `keyCondition.names`/`values` also serve `filter`, which may add its own.
  public var keyCondition: DynamoDBExpression
  public var filter: DynamoDBExpression?
  public var projection: String?
  public var pageSize: Int?
  public var startKey: DynamoDBItem?
  public var ascending: Bool
  public var consistentRead: Bool

  public init(
    table: String, indexName: String? = nil, keyCondition: DynamoDBExpression, filter: DynamoDBExpression? = nil,
    projection: String? = nil, pageSize: Int? = nil, startKey: DynamoDBItem? = nil, ascending: Bool = true,
    consistentRead: Bool = false
  ) {
    self.table = table
    self.indexName = indexName
    self.keyCondition = keyCondition
    self.filter = filter
    self.projection = projection
    self.pageSize = pageSize
    self.startKey = startKey
    self.ascending = ascending
    self.consistentRead = consistentRead
  }
}

extension DynamoDBClient {
  private struct PageOutput: Decodable {
    var Items: [DynamoDBItem]?
    var LastEvaluatedKey: DynamoDBItem?
    var ScannedCount: Int?
  }

  /// One Scan page of one segment.
  public func scanPage(
    _ request: DynamoDBScanRequest, segment: Int = 0, startKey: DynamoDBItem? = nil
  ) async throws -> DynamoDBPage {
    struct Input: Encodable {
      var TableName: String
      var IndexName: String?
      var FilterExpression: String?
      var ProjectionExpression: String?
      var ExpressionAttributeNames: [String: String]?
      var ExpressionAttributeValues: DynamoDBItem?
      var Limit: Int?
      var Segment: Int?
      var TotalSegments: Int?
      var ExclusiveStartKey: DynamoDBItem?
      var ConsistentRead: Bool?
    }
    let parallel = request.segments > 1
    let input = Input(
      TableName: request.table, IndexName: request.indexName, FilterExpression: request.filter?.expression,
      ProjectionExpression: request.projection, ExpressionAttributeNames: Self.nonEmpty(request.filter?.names),
      ExpressionAttributeValues: Self.nonEmpty(request.filter?.values), Limit: request.pageSize,
      Segment: parallel ? segment : nil, TotalSegments: parallel ? request.segments : nil, ExclusiveStartKey: startKey,
      ConsistentRead: request.consistentRead ? true : nil)
    let output = try await client.call("Scan", input, as: PageOutput.self, resource: "table \(request.table)", retrySafe: true)
    return DynamoDBPage(
      segment: segment, items: output.Items ?? [], lastEvaluatedKey: output.LastEvaluatedKey,
      scannedCount: output.ScannedCount ?? output.Items?.count ?? 0)
  }

  /// Scans every segment in parallel and hands each page to `onPage` as it arrives. A segment asks
  /// for its next page only after `onPage` returns, so at most `segments` pages are in memory.
  /// `onPage` runs concurrently for different segments; if it throws, the scan stops and rethrows.
  /// Returns the number of items handed over.
  @discardableResult
  public func scan(
    _ request: DynamoDBScanRequest, onPage: @escaping @Sendable (DynamoDBPage) async throws -> Void
  ) async throws -> Int {
    try await withThrowingTaskGroup(of: Int.self) { group in
      for segment in 0..<request.segments where !request.completedSegments.contains(segment) {
        group.addTask {
          var startKey = request.startKeys[segment]
          var count = 0
          repeat {
            let page = try await scanPage(request, segment: segment, startKey: startKey)
            try await onPage(page)
            count += page.items.count
            startKey = page.lastEvaluatedKey
          } while startKey != nil
          return count
        }
      }
      var total = 0
      for try await count in group { total += count }
      return total
    }
  }

  /// The same scan as a sequence of pages, fetched only as the consumer asks for them. With several
  /// segments, each round fetches the next page of every unfinished segment in parallel.
  public func scanPages(_ request: DynamoDBScanRequest) -> AsyncThrowingStream<DynamoDBPage, Error> {
    let cursor = ScanCursor(client: self, request: request)
    return AsyncThrowingStream(unfolding: { try await cursor.next() })
  }

  /// One Query page.
  public func queryPage(_ request: DynamoDBQueryRequest) async throws -> DynamoDBPage {
    struct Input: Encodable {
      var TableName: String
      var IndexName: String?
      var KeyConditionExpression: String
      var FilterExpression: String?
      var ProjectionExpression: String?
      var ExpressionAttributeNames: [String: String]?
      var ExpressionAttributeValues: DynamoDBItem?
      var Limit: Int?
      var ExclusiveStartKey: DynamoDBItem?
      var ScanIndexForward: Bool?
      var ConsistentRead: Bool?
    }
    let names = request.keyCondition.names.merging(request.filter?.names ?? [:]) { first, _ in first }
    let values = request.keyCondition.values.merging(request.filter?.values ?? [:]) { first, _ in first }
    let input = Input(
      TableName: request.table, IndexName: request.indexName, KeyConditionExpression: request.keyCondition.expression,
      FilterExpression: request.filter?.expression, ProjectionExpression: request.projection,
      ExpressionAttributeNames: Self.nonEmpty(names), ExpressionAttributeValues: Self.nonEmpty(values), Limit: request.pageSize,
      ExclusiveStartKey: request.startKey, ScanIndexForward: request.ascending ? nil : false,
      ConsistentRead: request.consistentRead ? true : nil)
    let target = request.indexName.map { "index \($0) of table \(request.table)" } ?? "table \(request.table)"
    let output = try await client.call("Query", input, as: PageOutput.self, resource: target, retrySafe: true)
    return DynamoDBPage(
      segment: 0, items: output.Items ?? [], lastEvaluatedKey: output.LastEvaluatedKey,
      scannedCount: output.ScannedCount ?? output.Items?.count ?? 0)
  }

  /// Every page of a Query, following `LastEvaluatedKey`, fetched as the consumer asks.
  public func queryPages(_ request: DynamoDBQueryRequest) -> AsyncThrowingStream<DynamoDBPage, Error> {
    let state = QueryCursor(request: request)
    return AsyncThrowingStream(unfolding: {
      guard let next = await state.take() else { return nil }
      let page = try await queryPage(next)
      await state.advance(page.lastEvaluatedKey)
      return page
    })
  }
}

/// Pull-based paging state for `scanPages`.
private actor ScanCursor {
  let client: DynamoDBClient
  let request: DynamoDBScanRequest
  /// Segments still to read, with where each resumes (nil: from the start).
  var pending: [(segment: Int, startKey: DynamoDBItem?)]
  var buffer: [DynamoDBPage] = []

  init(client: DynamoDBClient, request: DynamoDBScanRequest) {
    self.client = client
    self.request = request
    pending = (0..<request.segments).filter { !request.completedSegments.contains($0) }.map { ($0, request.startKeys[$0]) }
  }

  func next() async throws -> DynamoDBPage? {
    if buffer.isEmpty && !pending.isEmpty { try await fetchRound() }
    return buffer.isEmpty ? nil : buffer.removeFirst()
  }

  private func fetchRound() async throws {
    let round = pending
    let client = client
    let request = request
    let pages = try await withThrowingTaskGroup(of: DynamoDBPage.self) { group in
      for (segment, startKey) in round {
        group.addTask { try await client.scanPage(request, segment: segment, startKey: startKey) }
      }
      var pages: [DynamoDBPage] = []
      for try await page in group { pages.append(page) }
      return pages.sorted { $0.segment < $1.segment }
    }
    pending = pages.compactMap { page in page.lastEvaluatedKey.map { (page.segment, $0) } }
    buffer.append(contentsOf: pages)
  }
}

/// Pull-based paging state for `queryPages`.
private actor QueryCursor {
  var request: DynamoDBQueryRequest
  var done = false

  init(request: DynamoDBQueryRequest) { self.request = request }

  func take() -> DynamoDBQueryRequest? { done ? nil : request }

  func advance(_ lastKey: DynamoDBItem?) {
    if let lastKey { request.startKey = lastKey } else { done = true }
  }
}
