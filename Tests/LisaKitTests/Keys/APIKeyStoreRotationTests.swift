import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// Rotation and deletion through the api store: new token first, what one-token-per-user and a
/// fixed expiry rule out, LISA's lookup bug (docs/lisa/tokens.md#routes, last point), unclear failures and LISA's 422s.
@Suite(.serialized) struct APIKeyStoreRotationTests {
  typealias Fixture = APIKeyStoreFixture
  static let now = Fixture.now

  @Test func rotationCreatesTheNewTokenFirstAndNeedsSystemForAUsersOnlyToken() async throws {
    try await FakeLisaServer.withTokenAPI(now: Self.now) { server in
      let f = Fixture(server: server)
      let admin = f.store()
      let old = try await admin.create(
        KeySpec(name: "ci", expiresAt: Self.now.addingTimeInterval(30 * Fixture.day), groups: ["ml"], user: "alice"))
      let refused = await thrownError { _ = try await admin.rotate("ci", options: KeyRotation()) }
      #expect(refused?.status == .conflict)
      #expect(refused?.message.hasPrefix("token 'ci' (id \(old.record.id)) is the one non-system token of user 'alice'") == true)
      #expect(refused?.hint?.contains("pass --system") == true && refused?.hint?.contains("--store table") == true)
      #expect(throws: LisaError.self) { try admin.requireRotatable(old.record, options: KeyRotation()) }
      let keepOld = await thrownError { _ = try await admin.rotate("ci", options: KeyRotation(keepOld: 3600, system: true)) }
      #expect(keepOld?.status == .usage && keepOld?.message.contains("cannot change a token's expiry") == true)
      #expect(try await server.calls().filter { !$0.hasPrefix("GET") } == ["POST /api-tokens/alice"])

      let later = Fixture.day
      let rotated = try await f.store(now: Self.now.addingTimeInterval(later)).rotate(
        old.record.id, options: KeyRotation(system: true))
      #expect(rotated.incomplete == nil)
      #expect(rotated.record.id != old.record.id && rotated.secret != old.secret)
      #expect(rotated.record.name == "ci" && rotated.record.user == "alice" && rotated.record.groups == ["ml"])
      #expect(rotated.record.isSystem)
      #expect(rotated.record.expiresAt == Self.now.addingTimeInterval(later + 30 * Fixture.day))
      #expect(try await f.ids() == [rotated.record.id])
      let writes = try await server.calls().filter { !$0.hasPrefix("GET") }
      #expect(writes == ["POST /api-tokens/alice", "POST /api-tokens/alice", "DELETE /api-tokens/\(old.record.id)"])

      let expiry = Self.now.addingTimeInterval(7 * Fixture.day)
      let again = try await admin.rotate("ci", options: KeyRotation(expiresAt: expiry))
      #expect(again.record.isSystem && again.record.expiresAt == expiry)
      #expect(!f.tracesHold(any: [old.secret.reveal(), rotated.secret.reveal(), again.secret.reveal()]))
    }
  }

  @Test func deletingAListedTokenLISACannotFindByIdIsReportedAsItsBug() async throws {
    try await FakeLisaServer.withTokenAPI(now: Self.now) { server in
      let f = Fixture(server: server)
      let admin = f.store()
      let alice = try await f.create("ci", for: "alice", in: admin)
      let bob = try await f.create("etl", for: "bob", system: true, in: admin)
      #expect(try await f.ids() == [alice.record.id, bob.record.id])
      #expect(try await admin.find("etl").id == bob.record.id)

      let bug = await thrownError { _ = try await admin.revoke("etl") }
      #expect(bug?.status == .failure)
      #expect(bug?.message.hasPrefix("LISA's API lists token \(bob.record.id) but answers 404 when deleting it") == true)
      #expect(bug?.message.contains("(Limit=1)") == true)
      #expect(bug?.hint == "delete it in the token table instead: 'lisa keys revoke \(bob.record.id) --store table'")
      #expect(try await f.ids() == [alice.record.id, bob.record.id])

      let rotated = try await admin.rotate("etl", options: KeyRotation())
      #expect(rotated.record.isSystem && rotated.record.name == "etl")
      let incomplete = try #require(rotated.incomplete)
      #expect(incomplete.status == .partial)
      #expect(incomplete.message.hasPrefix("new token \(rotated.record.id) was created, but the old token \(bob.record.id)"))
      #expect(incomplete.hint?.hasPrefix("the old token still works; delete it in the token table instead") == true)
      #expect(try await f.ids() == [alice.record.id, bob.record.id, rotated.record.id])

      #expect(try await admin.revoke(alice.record.id).id == alice.record.id)
      #expect(try await admin.revoke(bob.record.id).id == bob.record.id)
      #expect(try await f.ids() == [rotated.record.id])
      #expect(try await server.calls().allSatisfy { !$0.hasPrefix("GET /api-tokens/") })
    }
  }

  @Test func unclearFailuresAreCheckedBeforeAnyRetry() async throws {
    try await FakeLisaServer.withTokenAPI(now: Self.now) { server in
      let f = Fixture(server: server)
      let admin = f.store()
      try await server.fault("POST", "/api-tokens/alice", status: 502, apply: true)
      let lost = await thrownError { _ = try await f.create("ci", for: "alice", in: admin) }
      let made = try #require(try await f.ids().first)
      #expect(lost?.status == .partial)
      #expect(lost?.message.hasSuffix("yet token 'ci' (id \(made)) was created; its secret was lost on the way") == true)
      #expect(lost?.hint == "revoke it with 'lisa keys revoke \(made) --store api' and create it again")

      try await server.fault("POST", "/api-tokens/bob", status: 503)
      let retried = try await f.create("etl", for: "bob", in: admin)
      #expect(try await f.ids() == [made, retried.record.id])
      #expect(try await server.calls().filter { $0 == "POST /api-tokens/bob" }.count == 2)

      try await server.fault("DELETE", "/api-tokens/\(made)", status: 500, apply: true)
      #expect(try await admin.revoke(made).id == made)
      #expect(try await server.calls().filter { $0.hasPrefix("DELETE") }.count == 1)
      #expect(try await f.ids() == [retried.record.id])
    }
  }

  @Test func lisaValidationErrorsNameTheField() async throws {
    try await FakeLisaServer.withTokenAPI(now: Self.now.addingTimeInterval(365 * Fixture.day)) { server in
      let f = Fixture(server: server)
      let rejected = await thrownError { _ = try await f.create("ci", for: "alice", in: f.store()) }
      #expect(rejected?.status == .invalid)
      #expect(
        rejected?.message
          == "token 'ci': LISA rejected the request body (POST /api-tokens/alice (HTTP 422)): "
          + "tokenExpiration: Value error, tokenExpiration must be in the future")
      let ids = try await f.ids()
      #expect(ids.isEmpty)
    }
  }

  @Test func checkFindsWhatLISARejectsOrCannotTellApart() async throws {
    try await FakeLisaServer.withTokenAPI(now: Self.now) { server in
      let f = Fixture(server: server)
      let day = Fixture.day
      try await server.putItem(.object([("token", .string("letmein"))]))
      try await server.putToken(
        secret: "s1", uuid: "u-expired", name: "old", user: "alice", createdAt: Self.now.addingTimeInterval(-9 * day),
        expiresAt: Self.now.addingTimeInterval(-day))
      for uuid in ["u-a", "u-b"] {
        try await server.putToken(
          secret: uuid, uuid: uuid, name: "etl", user: "bob", system: true, createdAt: Self.now,
          expiresAt: Self.now.addingTimeInterval(day))
      }
      try await server.putToken(
        secret: "s2", uuid: "u-second", name: "new", user: "alice", createdAt: Self.now,
        expiresAt: Self.now.addingTimeInterval(day))
      let findings = try await f.store().check()
      #expect(findings.map(\.path) == ["legacy", "weak-key", "expired", "one-per-user", "duplicate-name"])
      #expect(findings.allSatisfy { $0.location?.file == "api" })
      #expect(findings.allSatisfy { !$0.message.contains("letmein") })
      let bob = try await f.store(user: "bob", groups: [])
      #expect(try await bob.check().map(\.path) == ["duplicate-name"])
    }
  }
}
