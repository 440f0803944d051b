import Foundation
import LisaKit
import LisaTestSupport
import Testing

struct ProgressMeterTests {
  static let terminal = Terminal(isStdinTTY: true, isStdoutTTY: true, isStderrTTY: true)

  @Test func aTerminalSeesFilesAndBytesAndTheEndLineCountsBoth() {
    let test = TestContext(workingDirectory: TestPaths.temporaryDirectory("progress"), terminal: Self.terminal)
    let meter = ProgressMeter(label: "files", total: 3, context: test.context, quiet: false)
    meter.add(1, bytes: 3 * 1024 * 1024)
    #expect(test.stderr.text.contains("files [========                ] 1/3  3.0 MB"), "\(test.stderr.text.debugDescription)")
    meter.add(1, bytes: 512)
    meter.finish()
    #expect(test.stderr.text.hasSuffix("files: 2, 3.0 MB in 0.0s\n"), "\(test.stderr.text.debugDescription)")
  }

  @Test func withoutBytesNothingIsSaidOfThem() {
    let test = TestContext(workingDirectory: TestPaths.temporaryDirectory("progress"), terminal: Self.terminal)
    let meter = ProgressMeter(label: "verify", total: nil, context: test.context, quiet: false)
    meter.add(7)
    meter.finish()
    #expect(test.stderr.text == "\r\u{1B}[K" + "verify 7" + "\r\u{1B}[K" + "verify: 7 in 0.0s\n")
  }

  @Test func offATerminalOnlyTheEndLineAndWithQuietNothing() {
    let piped = TestContext(workingDirectory: TestPaths.temporaryDirectory("progress"))
    let meter = ProgressMeter(label: "files", total: 2, context: piped.context, quiet: false)
    meter.add(2, bytes: 2048)
    meter.finish()
    #expect(piped.stderr.text == "files: 2, 2.0 KB in 0.0s\n")
    let quiet = TestContext(workingDirectory: TestPaths.temporaryDirectory("progress"), terminal: Self.terminal)
    let silent = ProgressMeter(label: "files", total: 2, context: quiet.context, quiet: true)
    silent.add(2, bytes: 2048)
    silent.finish()
    #expect(quiet.stderr.text.isEmpty)
  }
}
