import Foundation
import Testing

@testable import LisaKit

@Suite struct KeyFileFormatTests {
  let zone = TimeZone(identifier: "Europe/Berlin")!
  static let generated = "sk-" + String(repeating: "A1b2C3d4-_", count: 4) + "xyz"

  func entry(_ line: String) -> KeyFileEntry? {
    if case .entry(let entry) = KeyFileFormat.classify(line, zone: zone) { return entry }
    return nil
  }

  func reason(_ line: String) -> String? {
    if case .invalid(let reason) = KeyFileFormat.classify(line, zone: zone) { return reason }
    return nil
  }

  @Test func fullLineAsKeyMgmtWritesIt() throws {
    let parsed = try #require(entry("alice:\(Self.generated):120:2026-12-22T13:49:41.861841"))
    #expect(parsed.id == "alice")
    #expect(parsed.secret.reveal() == Self.generated)
    #expect(parsed.rateLimit == 120)
    #expect(parsed.expirationText == "2026-12-22T13:49:41.861841")
    // 13:49:41 in Berlin (CET, UTC+1) is 12:49:41Z.
    let expected = try #require(ISO8601DateFormatter().date(from: "2026-12-22T12:49:41Z")).addingTimeInterval(0.861841)
    #expect(abs(try #require(parsed.expiresAt).timeIntervalSince(expected)) < 0.000_001)
  }

  @Test func expirationWithoutRateLimitKeepsTheEmptyField() throws {
    let parsed = try #require(entry("ci:\(Self.generated)::2026-03-01T00:00:00"))
    #expect(parsed.rateLimit == nil)
    #expect(parsed.expirationText == "2026-03-01T00:00:00")
    #expect(parsed.line == "ci:\(Self.generated)::2026-03-01T00:00:00")
  }

  @Test func linesAreBuiltLikeBuildKeyLine() {
    let secret = KeySecret(Self.generated)
    #expect(KeyFileEntry(id: "a", secret: secret).line == "a:\(Self.generated)")
    #expect(KeyFileEntry(id: "a", secret: secret, rateLimit: 5).line == "a:\(Self.generated):5")
    #expect(
      KeyFileEntry(id: "a", secret: secret, expirationText: "2026-01-01T00:00:00").line
        == "a:\(Self.generated)::2026-01-01T00:00:00")
    #expect(
      KeyFileEntry(id: "a", secret: secret, rateLimit: 7, expirationText: "2026-01-01T00:00:00").line
        == "a:\(Self.generated):7:2026-01-01T00:00:00")
  }

  @Test func blanksAndComments() {
    #expect(KeyFileFormat.classify("", zone: zone) == .blank)
    #expect(KeyFileFormat.classify("   \t", zone: zone) == .blank)
    #expect(KeyFileFormat.classify("\r", zone: zone) == .blank)
    #expect(KeyFileFormat.classify(KeyFileFormat.header, zone: zone) == .comment)
    #expect(KeyFileFormat.classify("  # indented: comment", zone: zone) == .comment)
  }

  @Test func keyLengthFollowsTheLoader() {
    #expect(entry("short:abcdefghijklmnop") != nil)  // 16
    #expect(reason("short:abcdefghijklmno")?.contains("15 characters") == true)
    #expect(entry("long:" + String(repeating: "k", count: 128)) != nil)
    #expect(reason("long:" + String(repeating: "k", count: 129))?.contains("129") == true)
    #expect(reason("dots:abcdefghijklmnop.q") != nil)
    #expect(reason("nokey:") == "missing api key")
  }

  @Test func invalidLinesNameTheirProblem() {
    #expect(reason("just-some-text") == "no ':' separator")
    #expect(reason(":\(Self.generated)") == "empty key id")
    #expect(reason("bad id:\(Self.generated)")?.contains("key id") == true)
    #expect(reason("a:\(Self.generated):0")?.contains("rate limit") == true)
    #expect(reason("a:\(Self.generated):-3")?.contains("rate limit") == true)
    #expect(reason("a:\(Self.generated):fast")?.contains("rate limit") == true)
    #expect(reason("a:\(Self.generated)::30d")?.contains("relative expiration") == true)
    #expect(reason("a:\(Self.generated)::2026-13-01")?.contains("ISO-8601") == true)
    #expect(reason("a:\(Self.generated)::2026-02-30T00:00:00")?.contains("ISO-8601") == true)
  }

  @Test func invalidReasonsNeverQuoteTheSecret() {
    for line in ["a:\(Self.generated):0", "a:\(Self.generated)::soon", "bad id:\(Self.generated)"] {
      #expect(reason(line)?.contains(Self.generated) == false)
    }
  }

  @Test func loaderAcceptsUnicodeIdsThatKeyMgmtRefuses() throws {
    let parsed = try #require(entry("café:\(Self.generated)"))
    #expect(!KeyFileFormat.isPortableIdentifier(parsed.id))
    #expect(KeyFileFormat.isPortableIdentifier("ci-bot_2"))
    #expect(!KeyFileFormat.isPortableIdentifier(String(repeating: "a", count: 65)))
    #expect(KeyFileFormat.isPortableIdentifier(String(repeating: "a", count: 64)))
    #expect(!KeyFileFormat.isPortableIdentifier(""))
  }

  @Test func splitsAtMostThreeTimesSoTimesKeepTheirColons() throws {
    let parsed = try #require(entry("  bob : \(Self.generated) : 60 : 2027-01-02T03:04:05 "))
    #expect(parsed.id == "bob")
    #expect(parsed.rateLimit == 60)
    #expect(parsed.expirationText == "2027-01-02T03:04:05")
  }

  @Test func generatedShape() {
    #expect(KeyFileFormat.hasGeneratedShape(Self.generated))
    #expect(!KeyFileFormat.hasGeneratedShape("sk-" + String(repeating: "a", count: 42)))
    #expect(!KeyFileFormat.hasGeneratedShape("pk-" + String(repeating: "a", count: 43)))
    #expect(!KeyFileFormat.hasGeneratedShape("sk-" + String(repeating: "a", count: 42) + "="))
  }
}
