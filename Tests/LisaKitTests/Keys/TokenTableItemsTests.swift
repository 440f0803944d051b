import Foundation
import Testing

@testable import LisaKit

/// Token-table items as lisa reads and writes them, and the lint of a table; no server.
@Suite struct TokenTableItemsTests {
  static let now = Date(timeIntervalSince1970: 1_782_900_000)

  @Test func secretsAreLISAsTokenHexAndUUIDsAreVersion4() throws {
    let secrets = (0..<50).map { _ in TokenTableItems.generateSecret().reveal() }
    for secret in secrets {
      #expect(secret.count == 128)
      #expect(secret.allSatisfy { "0123456789abcdef".contains($0) })
    }
    #expect(Set(secrets).count == secrets.count)
    // Leading zeros of each 64-bit word are kept, so every hex digit turns up somewhere.
    #expect(Set(secrets.joined()).count == 16)
    let pattern = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/
    for _ in 0..<20 { #expect(try pattern.wholeMatch(in: TokenTableItems.generateUUID()) != nil) }
  }

  @Test func aNewItemIsWhatLISAsHandlerWrites() {
    let secret = KeySecret(String(repeating: "ab", count: 64))
    let token = TokenTableItems.NewToken(
      name: "ci", username: "alice", groups: ["lisa-users", "admins"], isSystem: true, createdBy: "ops",
      expiresAt: Self.now.addingTimeInterval(3600.7))
    let item = token.item(secret: secret, uuid: "0b6f3c1e-2f4e-4a51-9d0e-6f7a8b9c0d1e", createdAt: Self.now)
    #expect(
      item == [
        "token": .s(LisaToken.hash(secret.reveal())), "tokenUUID": "0b6f3c1e-2f4e-4a51-9d0e-6f7a8b9c0d1e",
        "tokenExpiration": .n("1782903600"), "createdDate": .n("1782900000"), "createdBy": "ops", "username": "alice",
        "groups": .l(["lisa-users", "admins"]), "name": "ci", "isSystemToken": .bool(true),
      ])
    #expect(TokenAcceptance.check(item: item, format: .hashed, now: Self.now) == .accepted)
  }

  @Test func recordsOfV61AndLegacyItems() {
    let record = TokenTableItems.record([
      "token": .s(LisaToken.hash("x")), "tokenUUID": "u-1", "tokenExpiration": .n("1782903600"), "createdDate": .n("1782900000"),
      "createdBy": "ops", "username": "alice", "groups": .l(["g"]), "name": "ci", "isSystemToken": .bool(false),
    ])
    #expect(
      record
        == KeyRecord(
          id: "u-1", name: "ci", user: "alice", groups: ["g"], expiresAt: Date(timeIntervalSince1970: 1_782_903_600),
          createdAt: Self.now, createdBy: "ops"))

    let plaintext = "legacy-plaintext-0123456789abcdef"
    let legacy = TokenTableItems.record(["token": .s(plaintext), "tokenExpiration": .n("1782903600")])
    #expect(legacy.id == "legacy-" + LisaToken.hash(plaintext).prefix(12))
    #expect(legacy.name == "legacy …(33 chars)" && legacy.name == LisaToken.legacyLabel(plaintext))
    #expect(legacy.isLegacy && legacy.status(at: Self.now) == .legacy)
    #expect(!String(describing: legacy).contains(plaintext))
    // An empty tokenUUID is legacy too, as for LISA's authorizer.
    #expect(TokenTableItems.record(["token": .s(plaintext), "tokenUUID": ""]).isLegacy)
  }

  @Test func callerNamesFromARNs() {
    func name(_ arn: String) -> String { CallerIdentity(account: "1", arn: arn, userID: "x").userName }
    #expect(name("arn:aws:iam::123456789012:user/ops/alice") == "alice")
    #expect(name("arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_1a2b/alice@example.com") == "alice@example.com")
    #expect(name("arn:aws:iam::123456789012:root") == "root")
    #expect(name("arn:aws:sts::123456789012:federated-user/bob") == "bob")
  }

  @Test func lintFindsEveryProblemAndNeverPrintsAKey() {
    let weak = "test123"
    let strong = "Zq8vN2kLm4Xp7Rt1Yw9Bc3Df6Gh0Jk5Mn"
    func v61(_ n: Int, user: String?, name: String?, expires: Int? = 1_800_000_000, system: Bool = false) -> DynamoDBItem {
      var item: DynamoDBItem = ["token": .s(LisaToken.hash("s\(n)")), "tokenUUID": .s("u-\(n)"), "isSystemToken": .bool(system)]
      if let user { item["username"] = .s(user) }
      if let name { item["name"] = .s(name) }
      if let expires { item["tokenExpiration"] = .number(expires) }
      return item
    }
    var duplicateID = v61(9, user: "hank", name: "h")
    duplicateID["token"] = .s(LisaToken.hash("other"))
    let unhashed = "plain-but-has-a-uuid-0123456789"
    var unhashedItem = v61(10, user: "frank", name: "f")
    unhashedItem["token"] = .s(unhashed)
    let items: [DynamoDBItem] = [
      ["token": .s(weak)], ["token": .s(strong), "tokenExpiration": .number(1_800_000_000)],
      v61(1, user: "alice", name: "ok"),
      v61(2, user: "bob", name: "old", expires: 1_700_000_000),
      v61(3, user: "carol", name: "forever", expires: nil),
      v61(4, user: nil, name: "orphan"),
      v61(5, user: "dave", name: "ci", system: true), v61(6, user: "dave", name: "ci", system: true),
      v61(7, user: "gina", name: "a"), v61(8, user: "gina", name: nil),
      v61(9, user: "erin", name: "twin"), duplicateID, unhashedItem,
    ]
    let findings = TokenTableLint.check(items, store: "table:t", format: .hashed, now: Self.now)
    let codes = findings.map { "\($0.severity.rawValue) \($0.path)" }
    #expect(
      codes == [
        "error legacy", "error weak-key", "error legacy", "error expired", "error never-expires", "error missing-username",
        "warning missing-name", "error unhashed-key", "error duplicate-id", "error duplicate-name", "warning one-per-user",
      ])
    #expect(findings.allSatisfy { $0.location == SourceLocation(file: "table:t") })
    let text = findings.map(\.line).joined(separator: "\n")
    for secret in [weak, strong, unhashed] { #expect(!text.contains(secret)) }
    #expect(text.contains("user 'dave' has 2 tokens named 'ci': u-5, u-6"))
    #expect(TokenTableLint.check([v61(1, user: "alice", name: "ok")], store: "table:t", format: .hashed, now: Self.now).isEmpty)
  }

  @Test func inAV60TablePlaintextKeysAreHowLISAWorksButExpiryStillCounts() {
    let items: [DynamoDBItem] = [
      ["token": "Zq8vN2kLm4Xp7Rt1Yw9Bc3Df6Gh0Jk5Mn", "tokenExpiration": .number(1_800_000_000)],
      ["token": "Yw9Bc3Df6Gh0Jk5MnZq8vN2kLm4Xp7Rt1"], ["token": "abcabcabcabcabcabcabcabcabc", "tokenExpiration": .number(1)],
    ]
    let findings = TokenTableLint.check(items, store: "table:v60", format: .plaintext, now: Self.now)
    #expect(
      findings.map { "\($0.severity.rawValue) \($0.path)" } == [
        "warning plaintext-key", "warning plaintext-key", "error never-expires", "warning plaintext-key", "error expired",
        "error weak-key",
      ])
    #expect(!findings.map(\.line).joined().contains("Yw9Bc3"))
  }
}
