import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// A table of thousands of token items written by parallel batch writers and read back by parallel,
/// paged and single-segment scans: each way sees every item exactly once. (Timings belong to
/// scripts/bench-keys-migrate.sh, not here.)
@Suite struct LargeScanTests {
  static let itemCount = 5_000

  @Test func parallelPagedAndSequentialScansSeeEveryItemOnce() async throws {
    try await MotoServer.with { server in
      let db = try motoClients(server).dynamoDB()
      let table = "large-LISAApiTokenTable"
      try await db.createTable(DynamoDBTableDefinition(tableName: table, partitionKey: DynamoDBAttributeDefinition("token", "S")))
      let items: [DynamoDBItem] = (0..<Self.itemCount).map { n in
        [
          "token": .s(String(format: "%0128x", n)), "tokenExpiration": .number(1_900_000_000 + n),
          "username": .s("user\(n % 97)"),
        ]
      }
      let expected = Set(items.compactMap { $0["token"]?.stringValue })
      try await withThrowingTaskGroup(of: Void.self) { group in
        let quarter = items.count / 4
        for start in stride(from: 0, to: items.count, by: quarter) {
          let slice = Array(items[start..<min(start + quarter, items.count)])
          group.addTask { try await db.batchWrite(table: table, slice.map { .put($0) }) }
        }
        try await group.waitForAll()
      }

      let parallel = ScanPageCollector()
      let total = try await db.scan(DynamoDBScanRequest(table: table, segments: 4)) { parallel.add($0) }
      #expect(total == Self.itemCount)
      #expect(parallel.keys.count == Self.itemCount && Set(parallel.keys) == expected)
      #expect(Set(parallel.segments) == [0, 1, 2, 3])

      // moto ignores the 1 MB page limit, so Limit makes the scan really page.
      let paged = ScanPageCollector()
      try await db.scan(DynamoDBScanRequest(table: table, pageSize: 700, segments: 4)) { paged.add($0) }
      #expect(paged.keys.count == Self.itemCount && Set(paged.keys) == expected)
      #expect(paged.segments.count > 4, "several pages per segment")

      var sequential: [String] = []
      for try await page in db.scanPages(DynamoDBScanRequest(table: table, pageSize: 1_000)) {
        sequential += page.items.compactMap { $0["token"]?.stringValue }
      }
      #expect(sequential.count == Self.itemCount && Set(sequential) == expected)
    }
  }
}
