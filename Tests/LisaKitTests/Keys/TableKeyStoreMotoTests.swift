import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The table key store against a real moto_server; what it wrote is read back independently with boto3.
@Suite struct TableKeyStoreMotoTests {
  typealias Fixture = TokenTableFixture
  static let day = Fixture.day

  @Test func createWritesWhatLISAsHandlerWritesAndTheAuthorizerAccepts() async throws {
    try await MotoServer.with { server in
      let fixture = try await Fixture(server)
      let issued = try await fixture.store().create(KeySpec(name: "ci", groups: ["lisa-users", "admins"], admin: true))
      let secret = issued.secret.reveal()
      #expect(secret.count == 128 && secret.allSatisfy { "0123456789abcdef".contains($0) })

      let items = try await fixture.dump()
      try #require(items.count == 1)
      let item = items[0]
      #expect(
        Set(item.keys) == [
          "token", "tokenUUID", "tokenExpiration", "createdDate", "createdBy", "username", "groups", "name", "isSystemToken",
        ])
      #expect(item["token"]?["S"] as? String == LisaToken.hash(secret))
      #expect(item["tokenUUID"]?["S"] as? String == issued.record.id)
      #expect(item["tokenExpiration"]?["N"] as? String == String(Int(Fixture.start.timeIntervalSince1970 + 90 * Self.day)))
      #expect(item["createdDate"]?["N"] as? String == String(Int(Fixture.start.timeIntervalSince1970)))
      #expect(item["createdBy"]?["S"] as? String == "ops-admin")
      #expect(item["username"]?["S"] as? String == "ops-admin")
      let groups = (item["groups"]?["L"] as? [[String: String]])?.compactMap { $0["S"] }
      #expect(groups == ["lisa-users", "admins"])
      #expect(item["name"]?["S"] as? String == "ci")
      #expect(item["isSystemToken"]?["BOOL"] as? Bool == false)
      #expect(!(try await TokenTableScript.dump(endpoint: server.url, table: Fixture.table).joined().contains(secret)))

      let stored = try await fixture.item(forSecret: issued.secret)
      #expect(TokenAcceptance.check(item: stored, format: .hashed, now: Fixture.start) == .accepted)
      #expect(issued.record == TokenTableItems.record(try #require(stored)))
      #expect(issued.incomplete == nil)
    }
  }

  @Test func oneTokenPerUserUnlessSystemAndOneNamePerUser() async throws {
    try await MotoServer.with { server in
      let fixture = try await Fixture(server)
      let store = fixture.store()
      let first = try await store.create(KeySpec(name: "laptop", user: "bob"))
      for spec in [KeySpec(name: "ci", user: "bob"), KeySpec(name: "laptop", user: "bob")] {
        let attempts: [@Sendable () async throws -> Void] = [
          { _ = try await store.create(spec) }, { _ = try await store.preview(spec) },
        ]
        for attempt in attempts {
          await #expect {
            try await attempt()
          } throws: { error in
            let error = error as? LisaError
            let existing = "('laptop', id \(first.record.id))"
            return error?.status == .conflict
              && error?.message == "user 'bob' already has a token \(existing) in \(Fixture.table); LISA allows one per user"
              && error?.hint?.contains("--system") == true
          }
        }
      }
      let system = try await store.create(KeySpec(name: "ci", system: true, user: "bob"))
      #expect(system.record.isSystem && system.record.user == "bob")
      await #expect {
        try await store.create(KeySpec(name: "ci", system: true, user: "bob"))
      } throws: {
        ($0 as? LisaError)?.message == "user 'bob' already has a token named 'ci' (id \(system.record.id)) in \(Fixture.table)"
      }
      #expect(try await fixture.itemCount == 2)

      let planned = try await store.preview(KeySpec(name: "ci", groups: ["g"], admin: true, user: "carol"))
      #expect(planned.user == "carol" && planned.groups == ["g", "admins"] && planned.createdBy == "ops-admin")
      #expect(planned.expiresAt == Fixture.start.addingTimeInterval(90 * Self.day))
      #expect(try await fixture.itemCount == 2)

      await #expect {
        try await fixture.store(adminGroup: nil).create(KeySpec(name: "x", admin: true, user: "dan"))
      } throws: {
        ($0 as? LisaError)?.status == .notFound && ($0 as? LisaError)?.message.contains("authConfig.adminGroup") == true
      }
      await #expect {
        try await store.create(KeySpec(name: "x", expiresAt: Fixture.start, user: "dan"))
      } throws: { ($0 as? LisaError)?.status == .usage && ($0 as? LisaError)?.message.contains("not in the future") == true }
      await #expect {
        try await store.create(KeySpec(name: "x", rateLimit: 10, user: "dan"))
      } throws: { ($0 as? LisaError)?.status == .usage }
      #expect(try await fixture.itemCount == 2)
    }
  }

  @Test func listFindAndRevokeIncludingLegacyItemsWithoutShowingTheirPlaintext() async throws {
    try await MotoServer.with { server in
      let fixture = try await Fixture(server)
      let store = fixture.store()
      let legacyKey = "old-plaintext-token-7f3a9c2e5b"
      try await fixture.put(["token": .s(legacyKey), "tokenExpiration": .number(1_900_000_000)])
      let alice = try await store.create(KeySpec(name: "ci", user: "alice"))
      let bob = try await store.create(KeySpec(name: "ci", user: "bob"))
      let bobSystem = try await store.create(KeySpec(name: "nightly", system: true, user: "bob"))

      let all = try await store.list()
      #expect(all.count == 4)
      #expect(!String(describing: all).contains(legacyKey))
      let legacy = try #require(all.first { $0.isLegacy })
      #expect(legacy.id == TokenTableItems.legacyID(forKey: legacyKey) && legacy.status(at: Fixture.start) == .legacy)
      #expect(Set(try await store.list(user: "bob").map(\.id)) == [bob.record.id, bobSystem.record.id])
      #expect(try await store.list(user: "nobody").isEmpty)

      #expect(try await store.find(alice.record.id) == alice.record)
      #expect(try await store.find("nightly") == bobSystem.record)
      #expect(try await store.find(legacy.id) == legacy)
      #expect(try await store.find(secret: KeySecret(legacyKey)) == legacy)
      #expect(try await store.find(secret: bob.secret) == bob.record)
      await #expect {
        try await store.find("ci")
      } throws: { error in
        let message = (error as? LisaError)?.message ?? ""
        return (error as? LisaError)?.status == .conflict && message.contains(alice.record.id) && message.contains(bob.record.id)
      }
      await #expect {
        try await store.find("nightlt")
      } throws: { ($0 as? LisaError)?.status == .notFound && ($0 as? LisaError)?.hint == "did you mean 'nightly'?" }
      let unknown = "not-a-stored-token-5d1c"
      await #expect {
        try await store.find(secret: KeySecret(unknown))
      } throws: { ($0 as? LisaError)?.status == .notFound && !String(describing: $0).contains(unknown) }

      #expect(try await store.revoke(legacy.id) == legacy)
      #expect(try await store.revoke(bob.record.id) == bob.record)
      await #expect(
        Set(try fixture.dump().compactMap { $0["tokenUUID"]?["S"] as? String }) == [alice.record.id, bobSystem.record.id])
    }
  }

  @Test func rotateWritesTheNewTokenThenDeletesOrShortensTheOld() async throws {
    try await MotoServer.with { server in
      let fixture = try await Fixture(server)
      let created = try await fixture.store().create(
        KeySpec(name: "ci", expiresAt: Fixture.start.addingTimeInterval(30 * Self.day), groups: ["g1"], system: true, user: "bob")
      )
      let later = Fixture.start.addingTimeInterval(10 * Self.day)
      let rotated = try await fixture.store(at: later, caller: "rotator").rotate("ci", options: KeyRotation())
      #expect(rotated.secret != created.secret && rotated.record.id != created.record.id)
      #expect(
        rotated.record.name == "ci" && rotated.record.user == "bob" && rotated.record.groups == ["g1"] && rotated.record.isSystem)
      #expect(rotated.record.createdBy == "rotator" && rotated.record.createdAt == later)
      #expect(rotated.record.expiresAt == later.addingTimeInterval(30 * Self.day))
      #expect(try await fixture.item(forSecret: created.secret) == nil)
      #expect(
        TokenAcceptance.check(item: try await fixture.item(forSecret: rotated.secret), format: .hashed, now: later) == .accepted)

      let muchLater = later.addingTimeInterval(5 * Self.day)
      let graced = try await fixture.store(at: muchLater).rotate(
        rotated.record.id, options: KeyRotation(expiresAt: muchLater.addingTimeInterval(Self.day), keepOld: 3600))
      #expect(graced.record.expiresAt == muchLater.addingTimeInterval(Self.day))
      let old = try #require(try await fixture.item(forSecret: rotated.secret))
      #expect(LisaToken.expiration(of: old) == Int(muchLater.timeIntervalSince1970) + 3600)
      #expect(old["tokenUUID"] == .s(rotated.record.id) && old["name"] == "ci")

      // The grace period never lengthens an old token that runs out sooner.
      let soon = muchLater.addingTimeInterval(Self.day - 600)
      _ = try await fixture.store(at: soon).rotate(graced.record.id, options: KeyRotation(keepOld: 3600))
      let stillOld = try #require(try await fixture.item(forSecret: graced.secret))
      #expect(LisaToken.expiration(of: stillOld) == Int(muchLater.timeIntervalSince1970 + Self.day))
      #expect(try await fixture.itemCount == 3)

      try await fixture.put(["token": "legacy-plaintext-abcdef0123"])
      await #expect {
        try await fixture.store().rotate(TokenTableItems.legacyID(forKey: "legacy-plaintext-abcdef0123"), options: KeyRotation())
      } throws: { ($0 as? LisaError)?.status == .conflict && !String(describing: $0).contains("legacy-plaintext-abcdef0123") }
    }
  }

  @Test func aV60TableIsReadAndCleanedButNotWritten() async throws {
    try await MotoServer.with { server in
      let fixture = try await Fixture(server, v61: false)
      try await fixture.put(["token": "v60-plaintext-0123456789"])
      let store = TableKeyStore(
        table: Fixture.table, format: .plaintext, dynamoDB: fixture.dynamoDB, adminGroup: nil, caller: { "ops" },
        now: { Fixture.start })
      await #expect {
        try await store.create(KeySpec(name: "ci", user: "alice"))
      } throws: { ($0 as? LisaError)?.status == .conflict && ($0 as? LisaError)?.message.contains("v6.0 token table") == true }
      #expect(try await store.list(user: "alice").isEmpty)
      let legacy = try #require(try await store.list().first)
      #expect(try await store.revoke(legacy.id) == legacy)
      #expect(try await fixture.itemCount == 0)
    }
  }

  @Test func openFindsTheDeploymentsTableBySSMOrByName() async throws {
    try await MotoServer.with { server in
      let clients = try motoClients(server)
      let dynamoDB = try clients.dynamoDB()
      for name in ["prod-LISAApiBaseTokenTable", "custom-tokens"] {
        try await dynamoDB.createTable(
          DynamoDBTableDefinition(
            tableName: name, partitionKey: DynamoDBAttributeDefinition("token", "S"),
            indexes: [.init(name: "username-index", partitionKey: DynamoDBAttributeDefinition("username", "S"))]))
      }
      try await dynamoDB.createTable(
        DynamoDBTableDefinition(tableName: "models", partitionKey: DynamoDBAttributeDefinition("model_id", "S")))

      let derived = try await TableKeyStore.open(name: nil, config: nil, clients: clients)
      #expect(derived.table == "prod-LISAApiBaseTokenTable" && derived.format == .hashed)
      try await clients.ssm().putParameter("/prod/prod/lisa/tokenTableName", value: "custom-tokens")
      #expect(try await TableKeyStore.open(name: nil, config: nil, clients: clients).table == "custom-tokens")
      #expect(
        try await TableKeyStore.open(name: "prod-LISAApiBaseTokenTable", config: nil, clients: clients).label
          == "table:prod-LISAApiBaseTokenTable")

      await #expect {
        try await TableKeyStore.open(name: "nope", config: nil, clients: clients)
      } throws: { error in
        let error = error as? LisaError
        return error?.status == .notFound
          && error?.message == "no LISA v6 token table in us-east-1: tried nope (--store table:nope)"
          && error?.hint?.contains("--store table:NAME") == true
      }
      await #expect {
        try await TableKeyStore.open(name: "models", config: nil, clients: clients)
      } throws: { ($0 as? LisaError)?.status == .invalid }
      let identity = try await clients.sts().getCallerIdentity()
      #expect(!identity.userName.isEmpty)
    }
  }
}
