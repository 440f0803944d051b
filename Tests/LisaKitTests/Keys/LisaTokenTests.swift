import Foundation
import LisaKit
import Testing

@Suite struct LisaTokenTests {
  let start = Date(timeIntervalSince1970: 1_800_000_000)

  @Test func hashIsLowerHexSHA256LikeLisa() {
    #expect(LisaToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func uuidIsVersion5DeterministicAndDistinct() {
    let a = LisaToken.uuid(forHash: LisaToken.hash("one"))
    #expect(a == LisaToken.uuid(forHash: LisaToken.hash("one")))
    #expect(a != LisaToken.uuid(forHash: LisaToken.hash("two")))
    #expect(UUID(uuidString: a) != nil)
    let chars = Array(a)
    #expect(chars[14] == "5")
    #expect("89ab".contains(chars[19]))
  }

  @Test func formatIsDetectedPerItem() {
    #expect(LisaTokenFormat.of(["token": "plain", "tokenExpiration": .number(1)]) == .plaintext)
    #expect(LisaTokenFormat.of(["token": .s(LisaToken.hash("x")), "tokenUUID": "u"]) == .hashed)
    #expect(LisaTokenFormat.of(["token": "x", "tokenUUID": ""]) == .plaintext)
  }

  @Test func legacyTokenBecomesAnItemTheV61AuthorizerAccepts() throws {
    let options = TokenImportOptions(targetFormat: .hashed, runStartedAt: start, username: "svc", groups: ["admins"])
    let expiry = 1_900_000_000
    guard case .write(let item) = options.convert(["token": "legacy-secret", "tokenExpiration": .number(expiry)]) else {
      Issue.record("not written")
      return
    }
    let hash = LisaToken.hash("legacy-secret")
    #expect(item["token"] == .s(hash))
    #expect(item["tokenUUID"] == .s(LisaToken.uuid(forHash: hash)))
    #expect(item["tokenExpiration"] == .number(expiry))
    #expect(item["createdDate"] == .number(1_800_000_000))
    #expect(item["username"] == .s("svc"))
    #expect(item["groups"] == .l([.s("admins")]))
    #expect(item["name"] == .s("migrated-" + hash.prefix(8)))
    #expect(item["isSystemToken"] == .bool(true))
    #expect(!item.values.contains(.s("legacy-secret")), "the plaintext must not be stored")
    #expect(TokenAcceptance.check(item: item, format: .hashed, now: start) == .accepted)
    #expect(TokenAcceptance.key(for: ["token": "legacy-secret"], in: .hashed) == hash)
    #expect(options.convert(["token": "legacy-secret", "tokenExpiration": .number(expiry)]) == .write(item), "deterministic")
  }

  @Test func expiredAndUnexpiringTokensAreSkippedWithAReason() {
    let options = TokenImportOptions(targetFormat: .hashed, runStartedAt: start)
    guard case .skip(let expired) = options.convert(["token": "t", "tokenExpiration": .number(1_700_000_000)]) else {
      Issue.record("expired token written")
      return
    }
    #expect(expired == TokenImportOptions.expiredReason)
    guard case .skip(let noExpiry) = options.convert(["token": "t"]) else {
      Issue.record("written")
      return
    }
    #expect(noExpiry.contains("--default-expiration"))
    var withDefault = options
    withDefault.defaultExpiration = 90 * 86_400
    guard case .write(let item) = withDefault.convert(["token": "t"]) else {
      Issue.record("skipped")
      return
    }
    #expect(item["tokenExpiration"] == .number(1_800_000_000 + 90 * 86_400))
    var including = options
    including.includeExpired = true
    guard case .write = including.convert(["token": "t", "tokenExpiration": .number(1_700_000_000)]) else {
      Issue.record("skipped")
      return
    }
  }

  @Test func itemsAlreadyInTheTargetFormatAreCopiedAsIs() {
    let hashed: DynamoDBItem = [
      "token": .s(LisaToken.hash("x")), "tokenUUID": "u", "tokenExpiration": .number(1_900_000_000), "name": "n",
    ]
    #expect(TokenImportOptions(targetFormat: .hashed, runStartedAt: start).convert(hashed) == .write(hashed))
    let plain: DynamoDBItem = ["token": "p"]
    #expect(TokenImportOptions(targetFormat: .plaintext, runStartedAt: start).convert(plain) == .write(plain))
    guard case .skip = TokenImportOptions(targetFormat: .plaintext, runStartedAt: start).convert(hashed) else {
      Issue.record("hashed token written to a v6.0 table")
      return
    }
  }

  @Test func acceptanceFollowsTheAuthorizer() {
    let good: DynamoDBItem = ["token": "h", "tokenUUID": "u", "tokenExpiration": .number(1_900_000_000)]
    #expect(TokenAcceptance.check(item: good, format: .hashed, now: start) == .accepted)
    #expect(TokenAcceptance.check(item: nil, format: .hashed, now: start) == .rejected("no item under the token's key"))
    var legacy = good
    legacy["tokenUUID"] = nil
    #expect(
      TokenAcceptance.check(item: legacy, format: .hashed, now: start) == .rejected("no tokenUUID (LISA treats it as legacy)"))
    var noExpiry = good
    noExpiry["tokenExpiration"] = nil
    #expect(TokenAcceptance.check(item: noExpiry, format: .hashed, now: start) == .rejected("no tokenExpiration"))
    #expect(
      TokenAcceptance.check(item: good, format: .hashed, now: Date(timeIntervalSince1970: 1_900_000_000)) == .rejected("expired"))
    #expect(TokenAcceptance.check(item: ["token": "p"], format: .plaintext, now: start) == .accepted)
  }

  @Test func masksNeverShowMoreThanFourCharacters() {
    #expect(LisaToken.mask(String(repeating: "a", count: 128)) == "aaaa…(128 chars)")
    #expect(LisaToken.mask("short") == "…(5 chars)")
    #expect(LisaToken.legacyLabel("Legacy-Plaintext-0042") == "legacy …(21 chars)")
  }
}
