import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Asks for a secret on the terminal without echoing it. The reading and writing are closures
/// (from `LisaContext` by default), so tests drive it without a terminal.
public struct SecretPrompt: Sendable {
  public var canPrompt: Bool
  public var write: @Sendable (String) -> Void
  public var readLine: @Sendable () -> String?
  /// Runs a read with echo turned off; the default uses termios on stdin.
  public var withoutEcho: @Sendable (@Sendable () -> String?) -> String?

  public init(
    canPrompt: Bool, write: @escaping @Sendable (String) -> Void, readLine: @escaping @Sendable () -> String?,
    withoutEcho: @escaping @Sendable (@Sendable () -> String?) -> String? = TerminalEcho.disabled
  ) {
    self.canPrompt = canPrompt
    self.write = write
    self.readLine = readLine
    self.withoutEcho = withoutEcho
  }

  public init(context: LisaContext) {
    let stderr = context.stderr
    self.init(canPrompt: context.terminal.canPrompt, write: { stderr.write($0) }, readLine: context.readLine)
  }

  /// One answer; an empty answer is asked again, end of input cancels.
  public func ask(_ prompt: String, attempts: Int = 3) throws -> String {
    guard canPrompt else { throw LisaError(.usage, "cannot ask for a secret: not a terminal") }
    for _ in 0..<attempts {
      let answer = try readSecret(prompt)
      if !answer.isEmpty { return answer }
      write("The answer must not be empty.\n")
    }
    throw LisaError(.cancelled, "no secret entered after \(attempts) attempts")
  }

  /// Asks twice and insists both answers match, as for a new passphrase.
  public func askTwice(_ prompt: String, confirmation: String, attempts: Int = 3) throws -> String {
    for _ in 0..<attempts {
      let first = try ask(prompt, attempts: 1)
      if try readSecret(confirmation) == first { return first }
      write("The two entries do not match; try again.\n")
    }
    throw LisaError(.cancelled, "the secret was not confirmed after \(attempts) attempts")
  }

  private func readSecret(_ prompt: String) throws -> String {
    write(prompt)
    let line = withoutEcho(readLine)
    // The user's Enter was not echoed, so end the prompt line ourselves.
    write("\n")
    guard let line else { throw LisaError(.cancelled, "input ended before a secret was entered") }
    return line.hasSuffix("\r") ? String(line.dropLast()) : line
  }
}

/// Turns terminal echo off around one read and always turns it back on, including when the user
/// presses Ctrl-C in the middle (the signal handler restores the terminal, then lets the previous
/// handler run).
public enum TerminalEcho {
  nonisolated(unsafe) private static var savedAttributes = termios()
  nonisolated(unsafe) private static var terminal: Int32 = STDIN_FILENO
  nonisolated(unsafe) private static var previousInterrupt: (@convention(c) (Int32) -> Void)?
  nonisolated(unsafe) private static var previousTerminate: (@convention(c) (Int32) -> Void)?
  private static let lock = NSLock()

  @Sendable public static func disabled(_ read: @Sendable () -> String?) -> String? {
    disabled(on: STDIN_FILENO, read)
  }

  /// `descriptor` is stdin in production; tests pass a pseudo-terminal.
  static func disabled(on descriptor: Int32, _ read: @Sendable () -> String?) -> String? {
    lock.lock()
    defer { lock.unlock() }
    var attributes = termios()
    guard tcgetattr(descriptor, &attributes) == 0 else { return read() }
    savedAttributes = attributes
    terminal = descriptor
    previousInterrupt = signal(SIGINT, restoreAndReraise)
    previousTerminate = signal(SIGTERM, restoreAndReraise)
    attributes.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(descriptor, TCSAFLUSH, &attributes)
    defer {
      tcsetattr(descriptor, TCSAFLUSH, &savedAttributes)
      signal(SIGINT, previousInterrupt)
      signal(SIGTERM, previousTerminate)
    }
    return read()
  }

  private static let restoreAndReraise: @convention(c) (Int32) -> Void = { signalNumber in
    tcsetattr(TerminalEcho.terminal, TCSANOW, &TerminalEcho.savedAttributes)
    signal(signalNumber, signalNumber == SIGINT ? TerminalEcho.previousInterrupt : TerminalEcho.previousTerminate)
    raise(signalNumber)
  }
}
