import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// Measures (does not assert) how long moto takes to load and scan 10,000 token items.
@Suite struct ScanMeasurementTests {
  static let itemCount = 10_000

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  @Test func scanTenThousandItemsWithFourSegments() async throws {
    try await MotoServer.with { server in
      let httpTime = HTTPTime()
      var clients = try motoClients(server)
      clients.trace = { event in if event.action == "dynamodb:Scan" { httpTime.add(event.milliseconds) } }
      let db = try clients.dynamoDB()
      let table = "measure-LISAApiTokenTable"
      try await db.createTable(DynamoDBTableDefinition(tableName: table, partitionKey: DynamoDBAttributeDefinition("token", "S")))
      let items: [DynamoDBItem] = (0..<Self.itemCount).map { n in
        [
          "token": .s(String(format: "%0128x", n)), "tokenExpiration": .number(1_900_000_000 + n),
          "username": .s("user\(n % 97)"),
        ]
      }
      let clock = ContinuousClock()
      let loadTime = try await clock.measure {
        try await withThrowingTaskGroup(of: Void.self) { group in
          let slices = stride(from: 0, to: items.count, by: items.count / 4).map {
            Array(items[$0..<min($0 + items.count / 4, items.count)])
          }
          for slice in slices { group.addTask { try await db.batchWrite(table: table, slice.map { .put($0) }) } }
          try await group.waitForAll()
        }
      }
      let pages = ScanPageCollector()
      httpTime.reset()
      let parallelTime = try await clock.measure {
        let total = try await db.scan(DynamoDBScanRequest(table: table, segments: 4)) { pages.add($0) }
        #expect(total == Self.itemCount)
      }
      #expect(Set(pages.keys).count == Self.itemCount)
      let parallelHTTP = httpTime.total
      httpTime.reset()
      var sequentialCount = 0
      let sequentialTime = try await clock.measure {
        for try await page in db.scanPages(DynamoDBScanRequest(table: table)) { sequentialCount += page.items.count }
      }
      #expect(sequentialCount == Self.itemCount)
      let sequentialHTTP = httpTime.total
      // moto ignores the 1 MB page limit, so also scan with Limit 1000 to see real paging.
      let pagedPages = ScanPageCollector()
      let pagedTime = try await clock.measure {
        try await db.scan(DynamoDBScanRequest(table: table, pageSize: 1000, segments: 4)) { pagedPages.add($0) }
      }
      #expect(Set(pagedPages.keys).count == Self.itemCount)
      print(
        String(
          format:
            "MEASURE moto: batch write %d items (4 writers): %.2f s; scan 4 segments: %.2f s (%d pages, HTTP %.2f s summed); "
            + "scan 4 segments, Limit 1000: %.2f s (%d pages); scan 1 segment: %.2f s (HTTP %.2f s)",
          Self.itemCount, Self.seconds(loadTime), Self.seconds(parallelTime), pages.segments.count, parallelHTTP,
          Self.seconds(pagedTime),
          pagedPages.segments.count, Self.seconds(sequentialTime), sequentialHTTP))
    }
  }
}

/// Sums the per-attempt times the sender reports.
private final class HTTPTime: @unchecked Sendable {
  private let lock = NSLock()
  private var milliseconds = 0
  func add(_ ms: Int) { lock.withLock { milliseconds += ms } }
  func reset() { lock.withLock { milliseconds = 0 } }
  var total: Double { lock.withLock { Double(milliseconds) / 1000 } }
}
