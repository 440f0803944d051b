import Foundation
import Testing

@testable import LisaKit

@Suite struct KeyFileDocumentTests {
  let zone = TimeZone(identifier: "UTC")!
  static let alice = "sk-" + String(repeating: "Al1ce-_x", count: 5) + "abc"
  static let bob = "sk-" + String(repeating: "B0b_b0B-", count: 5) + "xyz"

  /// Written from the format notes: header, comments, blanks, an invalid line, CRLF, odd bytes.
  static var fixture: Data {
    var bytes = Array(
      """
      # API Keys - format: key_id:api_key[:rate_limit][:expiration]
      # team keys

      alice:\(alice):120:2026-12-22T13:49:41.861841
      this line has no separator
      bob:\(bob)::2027-01-01T00:00:00\r
      relative:\(bob)x::30d
         \t
      """.utf8)
    bytes += [0x0A, 0x23, 0x20, 0xFF, 0xFE, 0x0A]  // "# " + invalid UTF-8 on its own line
    bytes += Array("trailing:sk-no-newline-at-end-of-file".utf8)
    return Data(bytes)
  }

  @Test func parseThenWriteIsByteForByte() {
    for data in [Self.fixture, Self.fixture + Data([0x0A]), Data(), Data("\n\n".utf8), Data("#only".utf8)] {
      #expect(KeyFileDocument.parse(data, zone: zone).data == data)
    }
  }

  @Test func classifiesEveryLine() {
    let document = KeyFileDocument.parse(Self.fixture, zone: zone)
    #expect(document.entries.map(\.entry.id) == ["alice", "bob", "trailing"])
    #expect(document.entries.map(\.index) == [3, 5, 9])
    let invalid = document.lines.enumerated().compactMap { index, line -> Int? in
      if case .invalid = line.kind { return index }
      return nil
    }
    #expect(invalid == [4, 6, 8])
    #expect(!document.endsWithNewline)
  }

  @Test func replacingOneLineLeavesEveryOtherByteAlone() throws {
    var document = KeyFileDocument.parse(Self.fixture, zone: zone)
    let index = try #require(document.indices(of: "bob").first)
    var entry = try #require(document.lines[index].entry)
    entry.secret = KeySecret("sk-" + String(repeating: "N", count: 43))
    document.replace(at: index, with: entry)
    let before = Self.lines(Self.fixture)
    let after = Self.lines(document.data)
    #expect(before.count == after.count)
    for i in before.indices where i != index { #expect(before[i] == after[i], "line \(i + 1)") }
    #expect(after[index] == Array("bob:sk-\(String(repeating: "N", count: 43))::2027-01-01T00:00:00\r".utf8))
  }

  @Test func appendEndsAnUnterminatedLastLineFirst() {
    var document = KeyFileDocument.parse(Data("#x\nold:\(Self.alice)".utf8), zone: zone)
    document.append(KeyFileEntry(id: "new", secret: KeySecret(Self.bob), rateLimit: 3))
    #expect(String(decoding: document.data, as: UTF8.self) == "#x\nold:\(Self.alice)\nnew:\(Self.bob):3\n")
  }

  @Test func removeDropsOnlyThatLine() throws {
    var document = KeyFileDocument.parse(Self.fixture, zone: zone)
    let index = try #require(document.indices(of: "alice").first)
    document.remove(at: index)
    var expected = Self.lines(Self.fixture)
    expected.remove(at: index)
    #expect(Self.lines(document.data) == expected)
  }

  @Test func newDocumentIsKeyMgmtsHeader() {
    #expect(String(decoding: KeyFileDocument.empty().data, as: UTF8.self) == KeyFileFormat.header + "\n")
  }

  static func lines(_ data: Data) -> [[UInt8]] {
    [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
  }
}
