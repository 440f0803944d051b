import Foundation
import Testing

@testable import LisaKit

@Suite struct KeyFileLintTests {
  let zone = TimeZone(identifier: "UTC")!
  let now = Date(timeIntervalSince1970: 1_782_900_000)  // 2026-07-01T10:00:00Z
  static let good = "sk-" + "Q7v-2LmZp_9xKc4RtYw8NbA3sJdHf6UeGo1iTk5XrWq"
  static let other = "sk-" + "Zr4_Tn8LpQ2wXc6VbM9kJh3GdF7sAe1Yu5Io0Pl-Kqn"

  func codes(_ text: String, mode: mode_t? = 0o600) -> [String] {
    KeyFileLint.check(KeyFileDocument.parse(Data(text.utf8), zone: zone), file: "keys.txt", mode: mode, now: now, zone: zone).map(
      \.path)
  }

  @Test func cleanFileHasNoFindings() {
    #expect(codes("\(KeyFileFormat.header)\nalice:\(Self.good):60:2027-01-01T00:00:00\n\n# note\n") == [])
  }

  @Test func everyProblemIsFoundWithItsLine() {
    let text = """
      \(KeyFileFormat.header)
      alice:\(Self.good)::2027-01-01T00:00:00
      alice:\(Self.other)::2027-01-01T00:00:00
      copy:\(Self.good)::2027-01-01T00:00:00
      old:\(Self.other)x::2026-06-30T23:59:59
      forever:\(Self.other)yz
      short:abcdefghijklmnop::2027-01-01T00:00:00
      samey:\(String(repeating: "ab", count: 20))::2027-01-01T00:00:00
      garbage line
      café:\(Self.other)q::2027-01-01T00:00:00

      """
    let findings = KeyFileLint.check(
      KeyFileDocument.parse(Data(text.utf8), zone: zone), file: "keys.txt", mode: 0o644, now: now, zone: zone)
    let byCode = findings.map { "\($0.location?.line.map(String.init) ?? "-"):\($0.path)" }
    #expect(
      byCode == [
        "-:file-mode", "3:duplicate-id", "4:duplicate-secret", "5:expired", "6:never-expires",
        "7:weak-key", "8:weak-key", "9:malformed-line", "10:id-not-portable",
      ])
    #expect(findings.filter { $0.severity == .warning }.map(\.path) == ["file-mode", "id-not-portable"])
    for finding in findings {
      #expect(!finding.line.contains(Self.good) && !finding.line.contains(Self.other), "\(finding.line)")
      #expect(!finding.line.contains("abcdefghijklmnop"))
    }
  }

  @Test func aFileWithoutValidKeysFailsClosedAtTheGateway() {
    #expect(codes("\(KeyFileFormat.header)\n") == ["no-keys"])
    #expect(codes("broken\n") == ["malformed-line", "no-keys"])
  }

  @Test func weakness() {
    #expect(KeyFileLint.weakness(of: KeySecret(Self.good)) == nil)
    #expect(KeyFileLint.weakness(of: KeySecret("sk-" + String(repeating: "a", count: 43)))?.contains("distinct") == true)
    #expect(KeyFileLint.weakness(of: KeySecret("sk-abcdefghijklmnopqrstu"))?.contains("21 random characters") == true)
  }
}
