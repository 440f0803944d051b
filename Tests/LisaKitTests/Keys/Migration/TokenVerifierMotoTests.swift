import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

/// The verification of migrated tokens against a real moto table: it reads only the attributes LISA's authorizer
/// looks at, and each way a stored item can fail it is reported with its reason.
@Suite struct TokenVerifierMotoTests {
  let now = Date()

  func legacy(_ token: String, expiresIn seconds: TimeInterval) throws -> BackupRecord {
    try TokenBackup.record(from: [
      "token": .s(token), "tokenExpiration": .number(Int(now.timeIntervalSince1970 + seconds)), "name": .s(token),
    ])
  }

  func stored(_ token: String, uuid: String?, expiresIn seconds: TimeInterval) -> DynamoDBItem {
    var item: DynamoDBItem = [
      "token": .s(LisaToken.hash(token)), "tokenExpiration": .number(Int(now.timeIntervalSince1970 + seconds)),
      "username": .s("api-token"), "groups": .l([.s("lisa-admins")]), "name": .s(token), "isSystemToken": .bool(true),
    ]
    if let uuid { item["tokenUUID"] = .s(uuid) }
    return item
  }

  @Test func acceptsWorkingTokensAndNamesWhatIsWrongWithTheRest() async throws {
    try await MotoServer.with { server in
      let db = try motoClients(server).dynamoDB()
      let table = "acme-LISAApiBaseTokenTable"
      try await db.createTable(DynamoDBTableDefinition(tableName: table, partitionKey: DynamoDBAttributeDefinition("token", "S")))
      let day: TimeInterval = 86_400
      let good = (0..<120).map { "good-\($0)" }
      try await db.batchWrite(
        table: table,
        good.map { .put(stored($0, uuid: "uuid-\($0)", expiresIn: 30 * day)) } + [
          .put(stored("no-uuid", uuid: nil, expiresIn: 30 * day)),
          .put(stored("expired-in-table", uuid: "u", expiresIn: -day)),
        ])
      let records =
        try good.map { try legacy($0, expiresIn: 30 * day) } + [
          try legacy("no-uuid", expiresIn: 30 * day), try legacy("expired-in-table", expiresIn: 30 * day),
          try legacy("never-written", expiresIn: 30 * day), try legacy("expired-before", expiresIn: -day),
        ]

      let verifier = TokenVerifier(dynamo: db, table: table, format: .hashed, now: now)
      let result = try await verifier.verify(TokenCopyPipeline.sequence(records), progress: { _ in })

      #expect(result.checked == 124 && result.accepted == 120 && result.expired == 1)
      let reasons = ["no tokenUUID (LISA treats it as legacy)", "expired", "no item under the token's key"]
      #expect(result.failures.map(\.reason) == reasons)
      // Named by the token's name, then its masked value.
      #expect(result.failures.map { $0.token.prefix { $0 != " " } } == ["no-uuid", "expired-in-table", "never-written"])
      #expect(!result.succeeded)
    }
  }
}
