import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// `lisa rag collections list` without REPO against the fake's `GET /repository/collections`, which pages as
/// LISA v6.6.0 does (docs/lisa/rag-api.md#all-collections).
@Suite(.serialized) struct RagAllCollectionsEndToEndTests {
  func seed(_ server: FakeLisaServer, _ counts: [(String, Int)]) async throws {
    for (id, count) in counts {
      try await server.seedRepository(
        #"{"repositoryId": "\#(id)", "repositoryName": "\#(id.uppercased())", "type": "pgvector", "rdsConfig": {}, "embeddingModelId": "e5"}"#
      )
      try await server.seedCollections(repository: id, count: count, prefix: id)
    }
  }

  /// `["a × 2", "b × 1"]` for `["a", "a", "b"]`: the order of the groups and their sizes.
  func runs(_ words: [String]) -> [String] {
    var counted: [(String, Int)] = []
    for word in words {
      if counted.last?.0 == word { counted[counted.count - 1].1 += 1 } else { counted.append((word, 1)) }
    }
    return counted.map { "\($0.0) × \($0.1)" }
  }

  func listCalls(_ server: FakeLisaServer) async throws -> [JSONValue] {
    try await server.requests().filter { $0["method"] == .string("GET") && $0["path"] != .string("/_control/requests") }
  }

  @Test func everyPageOfTheCrossRepositoryRouteIsFollowed() async throws {
    try await FakeLisaServer.withRag { server, _ in
      // 207 collections seen by LISA's in-memory pages of 100; alpha's 121 are more than the 100 it reads of one.
      try await seed(server, [("gamma", 45), ("alpha", 120), ("beta", 60)])
      let dir = TestPaths.temporaryDirectory("e2e-rag-all-collections")
      let json = try await Subprocess.lisa(
        ["rag", "collections", "list", "-o", "json"], cwd: dir, environment: server.environment)
      #expect(json.status == 0, "\(json.stderr)")
      let items = try JSONValue.parse(Data(json.stdout.utf8), source: "list").arrayItems ?? []
      #expect(items.count == 228, "\(items.count)")
      #expect(Set(items.compactMap { $0["collectionId"]?.stringValue }).count == 228)
      let repositories = items.compactMap { $0["repositoryId"]?.stringValue }
      #expect(runs(repositories) == ["alpha × 121", "beta × 61", "gamma × 46"], "\(runs(repositories))")
      #expect(items.allSatisfy { $0["repositoryName"]?.stringValue == $0["repositoryId"]?.stringValue?.uppercased() })

      let calls = try await listCalls(server)
      let pages = calls.filter { $0["path"] == .string("/repository/collections") }
      #expect(pages.count == 3, "\(calls)")
      #expect(pages.first?["query"]?["pageSize"] == .string("100") && pages.first?["query"]?["lastEvaluatedKey"] == nil)
      let offsets = try pages.dropFirst().map { page -> String? in
        let text = page["query"]?["lastEvaluatedKey"]?.stringValue ?? ""
        return try JSONValue.parse(Data(text.utf8), source: "cursor")["offset"]?.plainText
      }
      #expect(offsets == ["100", "200"], "\(pages)")
      #expect(calls.contains { $0["path"] == .string("/repository/alpha/collection") })
      #expect(!calls.contains { $0["path"] == .string("/repository/beta/collection") || $0["path"] == .string("/repository") })

      let table = try await Subprocess.lisa(["rag", "collections", "list"], cwd: dir, environment: server.environment)
      #expect(table.status == 0, "\(table.stderr)")
      let lines = table.stdout.split(separator: "\n")
      #expect(lines.count == 229 && lines.first?.hasPrefix("REPOSITORY") == true, "\(table.stdout.prefix(300))")
      #expect(lines.dropFirst().first?.hasPrefix("alpha") == true && lines.last?.hasPrefix("gamma") == true)
      #expect(table.stderr.contains("228 collections"), "\(table.stderr)")
    }
  }

  @Test func aboveAThousandCollectionsEachRepositoryIsListedOnItsOwn() async throws {
    try await FakeLisaServer.withRag { server, _ in
      // Over 1,000 LISA merges per-repository cursors ("v2"), whose pages leave collections out.
      try await seed(server, [("big-a", 400), ("big-b", 400), ("big-c", 400)])
      let dir = TestPaths.temporaryDirectory("e2e-rag-all-collections-v2")
      let json = try await Subprocess.lisa(["rag", "collections", "list", "-o", "id"], cwd: dir, environment: server.environment)
      #expect(json.status == 0, "\(json.stderr)")
      #expect(Set(json.stdout.split(separator: "\n")).count == 1203, "\(json.stdout.split(separator: "\n").count)")
      let calls = try await listCalls(server)
      let cursor = calls.first { $0["query"]?["lastEvaluatedKey"] != nil }?["query"]?["lastEvaluatedKey"]?.stringValue ?? ""
      #expect(cursor.contains(#""version": "v2""#), "\(cursor)")
      #expect(calls.filter { $0["path"] == .string("/repository/big-b/collection") }.count == 5)
    }
  }

  @Test func aRepeatedCursorStopsWithOneLine() async throws {
    try await FakeLisaServer.withRag { server, _ in
      let page =
        #"{"collections": [{"collectionId": "c1", "repositoryId": "r1"}], "lastEvaluatedKey": "{\"version\": \"v1\", \"offset\": 1}"}"#
      try await server.fault("GET", "/repository/collections", status: 200, count: 3, body: page)
      let dir = TestPaths.temporaryDirectory("e2e-rag-all-collections-loop")
      let result = try await Subprocess.lisa(["rag", "collections", "list"], cwd: dir, environment: server.environment)
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stdout.isEmpty)
      #expect(
        result.stderrWithoutWaits.contains("returned the same page cursor twice; stopping after 2 items"), "\(result.stderr)")
    }
  }
}
