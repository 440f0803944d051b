import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// Bad input never crashes: one line, a position, a documented exit status.
@Suite struct YAMLLoaderTests {
  func failure(_ text: String) -> LisaError? {
    do {
      _ = try YAMLLoader.parse(data: Data(text.utf8), file: "bad.yaml")
      return nil
    } catch let error as LisaError {
      return error
    } catch {
      return nil
    }
  }

  @Test(arguments: [
    ("a:\n\tb: 1\n", "bad.yaml:2:1: tab character"),
    ("a: \"unterminated\nb: 2\n", "bad.yaml:3:1: found unexpected end of stream"),
    ("a: 1\nb: 2\na: 3\n", "bad.yaml:3:1: duplicate key 'a' (first defined at line 1)"),
    ("a: [1, 2\n", "bad.yaml:2:1: did not find expected ',' or ']'"),
    ("a: b: c\n", "bad.yaml:1:5: mapping values are not allowed"),
    ("", "bad.yaml:1:1: the file is empty"),
    ("# only a comment\n", "bad.yaml:1:1: the file is empty"),
  ])
  func syntaxErrorsNamePosition(text: String, expectedPrefix: String) throws {
    let error = try #require(failure(text))
    #expect(error.status == .dataError)
    #expect(error.description.hasPrefix(expectedPrefix), "\(error.description)")
    #expect(!error.description.contains("\n"))
  }

  @Test func binaryBytesAreRefusedWithAPosition() throws {
    var data = Data("a: 1\nb: ".utf8)
    data.append(contentsOf: [0x00, 0xFF, 0xFE, 0x01])
    let error = try #require(throws: LisaError.self) { try YAMLLoader.parse(data: data, file: "bin.yaml") }
    #expect(error.status == .dataError)
    #expect(error.description.hasPrefix("bin.yaml:2:5: not valid UTF-8"))

    let control = try #require(failure("a: 1\nb: x\u{01}y\n"))
    #expect(control.description.hasPrefix("bad.yaml:2:5: control character U+0001"))
  }

  @Test func deepNestingIsRefusedBeforeParsing() throws {
    let flow = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let error = try #require(failure("a: " + flow + "\n"))
    #expect(error.description.hasPrefix("bad.yaml:1:"))
    #expect(error.description.contains("nesting is deeper than"))
    let block = (0..<200).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1\n"
    #expect(failure(block)?.description.contains("nesting is deeper than") == true)
    let fine = (0..<50).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n") + " 1\n"
    #expect(failure(fine) == nil)
  }

  @Test func largeFilesAndDirectoriesAreRefused() throws {
    let dir = TestPaths.temporaryDirectory("yaml")
    let big = dir.appendingPathComponent("big.yaml")
    try Data(repeating: UInt8(ascii: "#"), count: 10 * 1024 * 1024).write(to: big)
    let tooBig = try #require(throws: LisaError.self) { try YAMLLoader.load(path: big.path, displayName: "big.yaml") }
    #expect(tooBig.status == .dataError)
    #expect(tooBig.description == "big.yaml: file is 10.0 MB, larger than the 4.0 MB limit for this kind of file")
    let isDir = try #require(throws: LisaError.self) { try YAMLLoader.load(path: dir.path, displayName: "somedir") }
    #expect(isDir.status == .ioError)
    #expect(isDir.description == "somedir: is a directory, expected a file")
    let missing = try #require(throws: LisaError.self) {
      try YAMLLoader.load(path: dir.path + "/nope.yaml", displayName: "nope.yaml")
    }
    #expect(missing.status == .notFound)
  }

  @Test func mergeKeysApplyLikeJsYaml() throws {
    let node = try yaml("defaults: &d\n  timeout: 30\n  retries: 5\nservice:\n  <<: *d\n  retries: 9\n  name: x\n")
    #expect(JSONWriter.compact(node.lookup(["service"])!.json) == #"{"timeout":30,"retries":9,"name":"x"}"#)
  }
}
