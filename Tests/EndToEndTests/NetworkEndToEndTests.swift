import Foundation
import LisaKit
import LisaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The network as the binary meets it: a server that accepts and never answers, the overall --timeout,
/// what is said on stderr while waiting, and nothing written under HOME by merely starting.
@Suite struct NetworkEndToEndTests {
  @Test func aServerThatNeverAnswersEndsAtTheCommandTimeoutAndSaysWhatItWaitsFor() async throws {
    let silent = try LoopbackSockets.silentListener()
    defer { close(silent.fd) }
    let home = TestPaths.temporaryDirectory("e2e-net-home")
    let environment = [
      "HOME": home.path, "LISA_API_URL": "http://127.0.0.1:\(silent.port)/prod", "LISA_API_TOKEN": "sk-never-shown-4711",
      "AWS_EC2_METADATA_DISABLED": "true",
    ]
    let result = try await Subprocess.lisaInShell(["models", "list", "--timeout", "7s"], timeout: 40, environment: environment)
    let elapsed = result.elapsed
    #expect(result.status == 69, "\(result.stderr)")
    #expect(elapsed < 11, "gave up at its stated deadline, not after the retries (\(elapsed) s)")
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(result.stderr)")
    #expect(lines.first == "lisa: 127.0.0.1: no answer yet to GET /models attempt 1 of 4 after 5 s; giving up at 30 s")
    #expect(lines.last?.hasPrefix("error: gave up after 7s (--timeout 7s)") == true, "\(result.stderr)")
    #expect(!result.stderr.contains("sk-never-shown"))

    let fromEnvironment = try await Subprocess.lisaInShell(
      ["models", "list", "-q"], timeout: 40, environment: environment.merging(["LISA_TIMEOUT": "2s"]) { $1 })
    #expect(fromEnvironment.status == 69)
    #expect(
      fromEnvironment.stderr == "error: gave up after 2s (LISA_TIMEOUT=2s); the command did not finish in time"
        + " (hint: run it again with a longer --timeout, or check the network (run with -v to see each request))\n")
  }

  @Test func aBadTimeoutIsAUsageError() async throws {
    let result = try await Subprocess.lisa(
      ["models", "list", "--timeout", "soon"], environment: ["LISA_API_URL": "http://127.0.0.1:9"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--timeout 'soon' is not a duration"))
  }

  @Test func startingWritesNothingUnderHome() async throws {
    let home = TestPaths.temporaryDirectory("e2e-fresh-home")
    let environment = [
      "HOME": home.path, "LISA_API_URL": "http://127.0.0.1:9/prod", "LISA_API_TOKEN": "sk-x", "AWS_EC2_METADATA_DISABLED": "true",
    ]
    for arguments in [["--help"], ["config", "--help"], ["models", "list", "-q", "--timeout", "5s"]] {
      _ = try await Subprocess.lisa(arguments, cwd: home, environment: environment)
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: home.path)
    #expect(left.isEmpty, "created under HOME: \(left)")
  }
}
