import Foundation
import Testing

@testable import LisaKit

@Suite("Terminal echo")
struct TerminalEchoTests {
  final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Bool?
    var value: Bool? {
      get { lock.withLock { stored } }
      set { lock.withLock { stored = newValue } }
    }
  }

  /// A pseudo-terminal pair from /dev/ptmx, so the test never touches the process's own stdin.
  private func openPseudoTerminal() -> (master: Int32, terminal: Int32)? {
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    guard master >= 0 else { return nil }
    var unlock: Int32 = 0
    var number: UInt32 = 0
    // TIOCSPTLCK and TIOCGPTN; their C macros are function-like, so Swift does not import them.
    guard ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
      close(master)
      return nil
    }
    let terminal = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
    guard terminal >= 0 else {
      close(master)
      return nil
    }
    return (master, terminal)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/ptmx")))
  func echoIsOffOnlyWhileReading() throws {
    let (master, terminal) = try #require(openPseudoTerminal())
    defer {
      close(terminal)
      close(master)
    }
    @Sendable func echoing() -> Bool {
      var attributes = termios()
      return tcgetattr(terminal, &attributes) == 0 && attributes.c_lflag & tcflag_t(ECHO) != 0
    }
    #expect(echoing())
    let during = Flag()
    let answer = TerminalEcho.disabled(on: terminal) {
      during.value = echoing()
      return "typed"
    }
    #expect(answer == "typed")
    #expect(during.value == false, "echo must be off while the secret is typed")
    #expect(echoing(), "echo must be restored")
    #expect(TerminalEcho.disabled(on: -1) { "not a terminal" } == "not a terminal")
  }
}
