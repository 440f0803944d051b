import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// Every DynamoDB call against a real moto_server over HTTP.
@Suite struct DynamoDBMotoTests {
  static let tokenTable = DynamoDBTableDefinition(
    tableName: "test-LISAApiBaseTokenTable", partitionKey: DynamoDBAttributeDefinition("token", "S"),
    indexes: [.init(name: "username-index", partitionKey: DynamoDBAttributeDefinition("username", "S"))])

  static func token(_ n: Int, user: String) -> DynamoDBItem {
    [
      "token": .s(String(format: "%064x", n)), "tokenUUID": .s("uuid-\(n)"), "username": .s(user),
      "tokenExpiration": .number(2_000_000_000 + n),
      "groups": .l([.s("lisa-users")]), "isSystemToken": .bool(n % 2 == 0),
    ]
  }

  @Test func tableLifecycleItemsAndErrors() async throws {
    try await MotoServer.with { server in
      let db = try motoClients(server).dynamoDB()
      let created = try await db.createTable(Self.tokenTable)
      #expect(created.tableName == Self.tokenTable.tableName)
      let description = try await db.waitUntilActive(Self.tokenTable.tableName, timeout: 10, interval: 0.1)
      #expect(description.partitionKey == "token")
      #expect(description.index(named: "username-index")?.partitionKey == "username")
      #expect(description.index(named: "username-index")?.projectionType == "ALL")

      let table = Self.tokenTable.tableName
      let first = Self.token(1, user: "alice")
      try await db.putItem(table: table, item: first)
      #expect(try await db.getItem(table: table, key: ["token": first["token"]!], consistentRead: true) == first)
      #expect(try await db.getItem(table: table, key: ["token": "missing"]) == nil)

      let onlyNew = DynamoDBExpression("attribute_not_exists(#t)", names: ["#t": "token"])
      await #expect(throws: DynamoDBConditionalCheckFailed.self) {
        try await db.putItem(table: table, item: first, condition: onlyNew, retrySafe: true)
      }
      let second = Self.token(2, user: "bob")
      try await db.putItem(table: table, item: second, condition: onlyNew, retrySafe: true)
      let newer = DynamoDBExpression("#e < :e", names: ["#e": "tokenExpiration"], values: [":e": .number(1)])
      await #expect(throws: DynamoDBConditionalCheckFailed.self) {
        try await db.putItem(table: table, item: second, condition: newer)
      }

      try await db.deleteItem(table: table, key: ["token": second["token"]!])
      #expect(try await db.getItem(table: table, key: ["token": second["token"]!]) == nil)
      try await db.deleteItem(table: table, key: ["token": "never-existed"])

      await #expect {
        try await db.getItem(table: "no-such-table", key: ["token": "x"])
      } throws: {
        ($0 as? LisaError)?.status == .notFound && ($0 as? LisaError)?.message.hasPrefix("table no-such-table not found") == true
      }

      await #expect {
        try await db.createTable(Self.tokenTable)
      } throws: { ($0 as? LisaError)?.status == .conflict }

      try await db.deleteTable(table)
      await #expect {
        try await db.describeTable(table)
      } throws: { ($0 as? LisaError)?.status == .notFound }
    }
  }

  @Test func batchWriteScanPagedParallelResumedAndQuery() async throws {
    try await MotoServer.with { server in
      let db = try motoClients(server).dynamoDB()
      let table = Self.tokenTable.tableName
      try await db.createTable(Self.tokenTable)
      let users = ["alice", "bob", "carol"]
      let items = (0..<130).map { Self.token($0, user: users[$0 % 3]) }
      let summary = try await db.batchWrite(table: table, items.map { .put($0) })
      #expect(summary.written == 130)
      let allKeys = Set(items.compactMap { $0["token"]?.stringValue })
      #expect(try await db.describeTable(table).itemCount == 130)

      var pages = 0
      var seen: [String] = []
      for try await page in db.scanPages(DynamoDBScanRequest(table: table, pageSize: 17)) {
        pages += 1
        #expect(page.items.count <= 17)
        seen += page.items.compactMap { $0["token"]?.stringValue }
      }
      #expect(pages >= 8)
      #expect(seen.count == 130 && Set(seen) == allKeys)

      let collected = ScanPageCollector()
      let total = try await db.scan(DynamoDBScanRequest(table: table, pageSize: 10, segments: 4)) { page in
        collected.add(page)
      }
      #expect(total == 130)
      #expect(collected.keys.count == 130 && Set(collected.keys) == allKeys)
      #expect(Set(collected.segments) == [0, 1, 2, 3])

      var streamed: [String] = []
      for try await page in db.scanPages(DynamoDBScanRequest(table: table, pageSize: 9, segments: 3)) {
        streamed += page.items.compactMap { $0["token"]?.stringValue }
      }
      #expect(streamed.count == 130 && Set(streamed) == allKeys)

      // Stop after one page per segment, then resume from the saved keys: nothing lost, nothing twice.
      var firstPass: [String] = []
      var resumeFrom: [Int: DynamoDBItem] = [:]
      var done: Set<Int> = []
      let request = DynamoDBScanRequest(table: table, pageSize: 12, segments: 3)
      for segment in 0..<3 {
        let page = try await db.scanPage(request, segment: segment)
        firstPass += page.items.compactMap { $0["token"]?.stringValue }
        if let key = page.lastEvaluatedKey { resumeFrom[segment] = key } else { done.insert(segment) }
      }
      let resumed = ScanPageCollector()
      var rest = request
      rest.startKeys = resumeFrom
      rest.completedSegments = done
      try await db.scan(rest) { resumed.add($0) }
      #expect(firstPass.count + resumed.keys.count == 130)
      #expect(Set(firstPass + resumed.keys) == allKeys)

      let bobQuery = DynamoDBQueryRequest(
        table: table, indexName: "username-index",
        keyCondition: DynamoDBExpression("#u = :u", names: ["#u": "username"], values: [":u": "bob"]), pageSize: 5)
      var bobs: [DynamoDBItem] = []
      var queryPages = 0
      for try await page in db.queryPages(bobQuery) {
        queryPages += 1
        bobs += page.items
      }
      #expect(bobs.count == 43)
      #expect(queryPages >= 9)
      #expect(bobs.allSatisfy { $0["username"] == .s("bob") })

      var filtered = bobQuery
      filtered.filter = DynamoDBExpression("#s = :s", names: ["#s": "isSystemToken"], values: [":s": .bool(true)])
      filtered.pageSize = nil
      let systemBobs = try await db.queryPage(filtered).items
      #expect(systemBobs.count == items.filter { $0["username"] == .s("bob") && $0["isSystemToken"] == .bool(true) }.count)

      try await db.batchWrite(table: table, items.prefix(30).map { .delete(key: ["token": $0["token"]!]) })
      #expect(try await db.scan(DynamoDBScanRequest(table: table)) { _ in } == 100)
    }
  }

  @Test func batchGetReturnsWholeItemsOrOnlyTheProjectedAttributes() async throws {
    try await MotoServer.with { server in
      let db = try motoClients(server).dynamoDB()
      let table = Self.tokenTable.tableName
      try await db.createTable(Self.tokenTable)
      // `name` is one of DynamoDB's reserved words: projected by placeholder or the request is refused.
      let items = (0..<150).map { Self.token($0, user: "alice").merging(["name": .s("key \($0)")]) { $1 } }
      try await db.batchWrite(table: table, items.map { .put($0) })
      let keys = items.compactMap { $0["token"]?.stringValue } + ["not-stored"]

      let whole = try await db.batchGet(table: table, attribute: "token", values: keys)
      #expect(whole.count == 150 && whole.values.allSatisfy { $0.count == items[0].count })
      #expect(whole[keys[7]] == items[7])

      let projected = try await db.batchGet(table: table, attribute: "token", values: keys, projecting: ["tokenUUID", "name"])
      #expect(projected.count == 150)
      #expect(projected[keys[7]] == ["token": items[7]["token"]!, "tokenUUID": .s("uuid-7"), "name": .s("key 7")])
      #expect(projected["not-stored"] == nil)
    }
  }

  @Test func everyAttributeTypeRoundTripsThroughDynamoDB() async throws {
    try await MotoServer.with { server in
      let db = try motoClients(server).dynamoDB()
      try await db.createTable(DynamoDBTableDefinition(tableName: "types", partitionKey: DynamoDBAttributeDefinition("id", "S")))
      let item: DynamoDBItem = [
        "id": "all", "s": .s("héllo ✓"), "n": .n("12345678901234567890.5"), "b": .b(Data([0, 1, 2, 255])), "bool": .bool(false),
        "null": .null, "l": .l([.s("a"), .n("1"), .l([.bool(true)])]), "m": .m(["inner": .m(["x": .n("-3")])]),
        "ss": .ss(["a", "b"]), "ns": .ns(["1", "2.5"]), "bs": .bs([Data([1]), Data([2, 3])]),
      ]
      try await db.putItem(table: "types", item: item)
      let back = try #require(try await db.getItem(table: "types", key: ["id": "all"]))
      #expect(back["s"] == item["s"] && back["n"] == item["n"] && back["b"] == item["b"] && back["bool"] == item["bool"])
      #expect(back["null"] == .null && back["l"] == item["l"] && back["m"] == item["m"])
      #expect(Set(back["ss"]?.setMembers ?? []) == ["a", "b"])
      #expect(Set(back["ns"]?.setMembers ?? []) == ["1", "2.5"])
      if case .bs(let blobs) = back["bs"] {
        #expect(Set(blobs) == [Data([1]), Data([2, 3])])
      } else {
        Issue.record("bs came back as \(String(describing: back["bs"]))")
      }
    }
  }
}

extension DynamoDBValue {
  /// SS/NS members, whose order DynamoDB does not keep.
  var setMembers: [String]? {
    switch self {
    case .ss(let values), .ns(let values): values
    default: nil
    }
  }
}

/// Gathers pages handed over concurrently by a parallel scan.
final class ScanPageCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var tokens: [String] = []
  private var segmentsSeen: [Int] = []
  func add(_ page: DynamoDBPage) {
    lock.withLock {
      tokens += page.items.compactMap { $0["token"]?.stringValue }
      segmentsSeen.append(page.segment)
    }
  }
  var keys: [String] { lock.withLock { tokens } }
  var segments: [Int] { lock.withLock { segmentsSeen } }
}
