import Foundation
import LisaKit
import LisaTestSupport

/// A LISA v6.1 token table in a moto server, and table stores on it with a chosen clock and caller.
struct TokenTableFixture {
  static let table = "acme-LISAApiBaseTokenTable"
  static let start = Date(timeIntervalSince1970: 1_782_900_000)
  static let day: TimeInterval = 86_400

  let server: MotoServer
  let dynamoDB: DynamoDBClient

  init(_ server: MotoServer, v61: Bool = true) async throws {
    self.server = server
    dynamoDB = try motoClients(server).dynamoDB()
    try await dynamoDB.createTable(
      DynamoDBTableDefinition(
        tableName: Self.table, partitionKey: DynamoDBAttributeDefinition("token", "S"),
        indexes: v61 ? [.init(name: "username-index", partitionKey: DynamoDBAttributeDefinition("username", "S"))] : []))
  }

  func store(at now: Date = start, caller: String = "ops-admin", adminGroup: String? = "admins") -> TableKeyStore {
    TableKeyStore(
      table: Self.table, format: .hashed, dynamoDB: dynamoDB, adminGroup: adminGroup, caller: { caller }, now: { now })
  }

  /// Every item, read by boto3 rather than by lisa: attribute name to `{"TYPE": value}`.
  func dump() async throws -> [[String: [String: Any]]] {
    try await TokenTableScript.dump(endpoint: server.url, table: Self.table).map { line in
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [String: Any]] ?? [:]
    }
  }

  func item(forSecret secret: KeySecret) async throws -> DynamoDBItem? {
    try await dynamoDB.getItem(table: Self.table, key: ["token": .s(LisaToken.hash(secret.reveal()))], consistentRead: true)
  }

  func put(_ item: DynamoDBItem) async throws { try await dynamoDB.putItem(table: Self.table, item: item) }

  var itemCount: Int {
    get async throws {
      var count = 0
      for try await page in dynamoDB.scanPages(DynamoDBScanRequest(table: Self.table)) { count += page.items.count }
      return count
    }
  }
}
