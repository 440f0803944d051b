import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The api store against the fake `/api-tokens`: who may do what (docs/lisa/tokens.md#routes), one token per user, legacy
/// items, and that nothing it says or traces holds a secret.
@Suite(.serialized) struct APIKeyStoreTests {
  typealias Fixture = APIKeyStoreFixture
  static let now = Fixture.now

  @Test func anAdminCreatesForAUserAndTheTokenWorksAsThatUser() async throws {
    try await FakeLisaServer.withTokenAPI(now: Self.now) { server in
      let f = Fixture(server: server)
      let admin = f.store()
      let expiry = Self.now.addingTimeInterval(30 * Fixture.day)
      let issued = try await admin.create(
        KeySpec(name: " ci ", expiresAt: expiry, groups: ["ml", Fixture.admins], admin: true, user: "alice"))
      let secret = issued.secret.reveal()
      #expect(secret.count == 128 && secret.allSatisfy(\.isHexDigit))
      let expected = KeyRecord(
        id: issued.record.id, name: "ci", user: "alice", groups: ["ml", Fixture.admins], expiresAt: expiry, createdAt: Self.now)
      #expect(issued.record == expected)

      let item = try #require(try await server.items().first)
      #expect(item["token"] == .string(LisaToken.hash(secret)))
      #expect(item["createdBy"] == .string("lisa-management-token") && item["isSystemToken"] == .bool(false))
      let post = try #require(try await server.requests().first { $0["method"] == .string("POST") })
      #expect(post["path"] == .string("/api-tokens/alice"))
      #expect(
        post["body"]
          == .object([
            ("name", .string("ci")), ("tokenExpiration", .int(Int(expiry.timeIntervalSince1970))),
            ("groups", .array([.string("ml"), .string(Fixture.admins)])), ("isSystemToken", .bool(false)),
          ]))

      var listed = expected
      listed.createdBy = "lisa-management-token"
      #expect(try await admin.list() == [listed])
      #expect(try await admin.find("ci") == listed)
      #expect(try await admin.find(issued.record.id) == listed)
      #expect(try await admin.list(user: "bob").isEmpty)
      let alice = f.store(as: secret)
      #expect(try await alice.list() == [listed])
      let missing = await thrownError { _ = try await admin.find("cj") }
      #expect(missing?.status == .notFound && missing?.hint == "did you mean 'ci'?")
      #expect(try await server.calls().allSatisfy { !$0.hasPrefix("GET /api-tokens/") })
      #expect(!f.tracesHold(any: [secret, FakeLisaServer.token]))
    }
  }

  @Test func oneNonSystemTokenPerUserAndNamesStayUniquePerUser() async throws {
    try await FakeLisaServer.withTokenAPI(now: Self.now) { server in
      let f = Fixture(server: server)
      let admin = f.store()
      let first = try await f.create("ci", for: "alice", in: admin)
      let second = await thrownError { _ = try await f.create("laptop", for: "alice", in: admin) }
      #expect(second?.status == .conflict)
      #expect(second?.message == "user 'alice' already has a token ('ci', id \(first.record.id)); LISA allows one per user")
      let preview = await thrownError { _ = try await admin.preview(KeySpec(name: "laptop", user: "alice")) }
      #expect(preview?.status == .conflict)
      #expect(try await server.calls().filter { $0.hasPrefix("POST") }.count == 1)

      let system = try await f.create("nightly", for: "alice", system: true, in: admin)
      #expect(system.record.isSystem && system.record.user == "alice")
      let sameName = await thrownError { _ = try await f.create("nightly", for: "alice", system: true, in: admin) }
      #expect(sameName?.status == .conflict && sameName?.message.contains("already has a token named 'nightly'") == true)
      #expect(try await f.ids() == [first.record.id, system.record.id])

      let planned = try await admin.preview(KeySpec(name: "bot", system: true, user: "alice"))
      #expect(planned.isSystem && planned.expiresAt == Self.now.addingTimeInterval(90 * Fixture.day))
      let noGroup = await thrownError {
        _ = try await f.store(adminGroup: nil).create(KeySpec(name: "x", admin: true, user: "dan"))
      }
      #expect(noGroup?.status == .notFound && noGroup?.message.contains("authConfig.adminGroup") == true)
      let rateLimit = await thrownError { _ = try await admin.create(KeySpec(name: "x", rateLimit: 5, user: "dan")) }
      #expect(rateLimit?.status == .usage)
      let past = await thrownError { _ = try await admin.create(KeySpec(name: "x", expiresAt: Self.now, user: "dan")) }
      #expect(past?.status == .usage && past?.message.contains("is not in the future") == true)
      #expect(try await server.calls().filter { $0.hasPrefix("POST") }.count == 2)
    }
  }

  @Test func usersCreateOnlyTheirOwnTokenWithTheirOwnGroupsAndSeeOnlyTheirOwn() async throws {
    try await FakeLisaServer.withTokenAPI(now: Self.now) { server in
      let f = Fixture(server: server)
      let bob = try await f.store(user: "bob", groups: [Fixture.apiUsers, "ml"])
      let own = try await bob.create(KeySpec(name: "laptop"))
      let adminToken = try await f.create("ops", for: "alice", in: f.store())
      #expect(own.record.user == "bob" && own.record.groups == [Fixture.apiUsers, "ml"] && !own.record.isSystem)
      #expect(own.record.createdBy == "bob" && own.record.expiresAt == Self.now.addingTimeInterval(90 * Fixture.day))
      let post = try #require(try await server.requests().first { $0["method"] == .string("POST") })
      #expect(post["path"] == .string("/api-tokens") && post["body"] == .object([("name", .string("laptop"))]))
      #expect(try await bob.list().map(\.id) == [own.record.id])

      let again = await thrownError { _ = try await bob.create(KeySpec(name: "desktop")) }
      #expect(again?.status == .conflict)
      #expect(again?.message.hasPrefix("the caller (the API token from the test) already has a token") == true)
      #expect(again?.message.contains("Token for user already exists") == true)
      let forAlice = await thrownError { _ = try await bob.create(KeySpec(name: "x", user: "alice")) }
      #expect(forAlice?.status == .failure && forAlice?.message.hasPrefix("POST /api-tokens/alice (HTTP 500) failed") == true)
      #expect(forAlice?.hint?.hasPrefix("LISA answers this 500 to a caller that is not an admin") == true)
      let groups = await thrownError { _ = try await bob.create(KeySpec(name: "x", groups: ["ml"], system: true)) }
      #expect(groups?.status == .usage && groups?.message.hasPrefix("--groups, --system need --user NAME") == true)
      let carol = try await f.store(user: "carol", groups: ["ml"])
      let outsider = await thrownError { _ = try await carol.create(KeySpec(name: "x")) }
      #expect(outsider?.status == .failure && outsider?.hint?.contains("nor in its API group (authConfig.apiGroup)") == true)

      let hidden = await thrownError { _ = try await bob.revoke(adminToken.record.id) }
      #expect(hidden?.status == .notFound)
      #expect(try await bob.revoke("laptop").id == own.record.id)
      #expect(try await f.ids() == [adminToken.record.id])
      let stranger = await thrownError { _ = try await f.store(as: "not-a-credential-0042").list() }
      #expect(stranger?.status == .auth && stranger?.message.contains("not-a-credential") == false)
    }
  }

  @Test func legacyItemsAreMaskedAndDeletedByTheirKeyWithoutShowingIt() async throws {
    try await FakeLisaServer.withTokenAPI(now: Self.now) { server in
      let f = Fixture(server: server)
      let plaintext = "Legacy-Plaintext-Secret-0042-abcdefghij"
      try await server.putItem(.object([("token", .string(plaintext)), ("tokenExpiration", .int(1_900_000_000))]))
      let admin = f.store()
      let modern = try await f.create("ci", for: "alice", in: admin)
      let legacyID = TokenTableItems.legacyID(forKey: plaintext)
      let legacy = try #require(try await admin.list().first)
      #expect(
        legacy
          == KeyRecord(
            id: legacyID, name: "legacy …(39 chars)", expiresAt: Date(timeIntervalSince1970: 1_900_000_000), isLegacy: true))
      #expect(legacy.status(at: Self.now) == .legacy)
      let bob = try await f.store(user: "bob", groups: [Fixture.apiUsers])
      #expect(try await bob.list().isEmpty)

      let findings = try await admin.check()
      #expect(findings.map(\.path) == ["legacy"])
      #expect(
        findings.first?.message
          == "token \(legacyID) (legacy …(39 chars)) is a legacy item: a pre-v6.1 plaintext key that LISA rejects")
      let rotation = await thrownError { _ = try await admin.rotate(legacyID, options: KeyRotation()) }
      #expect(rotation?.status == .conflict && rotation?.message.contains("legacy (pre-v6.1) item") == true)

      #expect(try await admin.revoke(legacyID) == legacy)
      #expect(try await f.ids() == [modern.record.id])
      #expect(try await server.calls().last == "DELETE /api-tokens/\(plaintext)")
      #expect(
        f.traces.lines.contains { $0.hasPrefix("api: DELETE /api-tokens/legacy …(39 chars) attempt 1: HTTP 200") })
      #expect(!f.tracesHold(any: [plaintext, modern.secret.reveal(), FakeLisaServer.token]))
    }
  }
}
