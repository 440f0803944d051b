import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// Malformed files never crash the binary: one line on stderr with the position, a documented code.
@Suite struct BadInputEndToEndTests {
  func run(custom: Data) async throws -> ProcessResult {
    let dir = TestPaths.temporaryDirectory("e2e-bad")
    try custom.write(to: dir.appendingPathComponent("config-custom.yaml"))
    return try await Subprocess.lisa(["config", "show"], cwd: dir)
  }

  @Test(arguments: [
    ("region:\n\tus-east-1\n", 65, "config-custom.yaml:2:1: error: tab character"),
    ("region: \"us-east-1\n", 65, "config-custom.yaml:2:1: error: found unexpected end of stream"),
    ("region: a\nregion: b\n", 65, "config-custom.yaml:2:1: error: duplicate key 'region'"),
    ("", 65, "config-custom.yaml:1:1: error: the file is empty"),
    ("- a\n", 65, "config-custom.yaml:1:1: error: expected a mapping of settings at the top level"),
    ("a: " + String(repeating: "[", count: 50_000) + "\n", 65, "config-custom.yaml:1:"),
  ])
  func malformedYaml(text: String, status: Int32, prefix: String) async throws {
    let result = try await run(custom: Data(text.utf8))
    #expect(result.status == status)
    #expect(result.stdout.isEmpty)
    #expect(result.stderrWithoutWaits.hasPrefix(prefix), "\(result.stderr)")
    #expect(result.stderr.filter { $0 == "\n" }.count == 1)
  }

  @Test func binaryAndHugeFilesAndDirectories() async throws {
    let binary = try await run(custom: Data([0x72, 0x3A, 0x20, 0x00, 0xFF, 0x10]))
    #expect(binary.status == 65)
    #expect(binary.stderrWithoutWaits.hasPrefix("config-custom.yaml:1:5: error: not valid UTF-8"))
    let huge = try await run(custom: Data(repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024))
    #expect(huge.status == 65)
    #expect(
      huge.stderrWithoutWaits
        == "error: config-custom.yaml: file is 10.0 MB, larger than the 4.0 MB limit for this kind of file\n")
    let dir = TestPaths.temporaryDirectory("e2e-dir")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("config-custom.yaml"), withIntermediateDirectories: true)
    let isDir = try await Subprocess.lisa(["config", "show"], cwd: dir)
    #expect(isDir.status == 74)
    #expect(isDir.stderrWithoutWaits == "error: config-custom.yaml: is a directory, expected a file\n")
  }

  @Test func unknownOptionsAreUsageErrors() async throws {
    let result = try await Subprocess.lisa(["config", "show", "--frobnicate"], cwd: TestPaths.temporaryDirectory())
    #expect(result.status == 64)
    #expect(result.stderr.contains("Unknown option '--frobnicate'"))
  }

  @Test func helpAndVersionDocumentExitCodes() async throws {
    let help = try await Subprocess.lisa(["--help"])
    #expect(help.status == 0)
    for code in ["0", "1", "2", "3", "4", "5", "6", "7", "64", "65", "69", "74", "130"] {
      #expect(
        help.stdout.contains("\n  \(code.padding(toLength: 4, withPad: " ", startingAt: 0)) "),
        "exit code \(code) missing from help")
    }
    let topic = try await Subprocess.lisa(["help", "exit-codes"])
    #expect(topic.status == 0)
    #expect(topic.stdout == "EXIT CODES\n" + ExitStatus.table + "\n")
    let version = try await Subprocess.lisa(["--version"])
    #expect(version.stdout.hasPrefix("lisa 0.1.0"))
  }
}
