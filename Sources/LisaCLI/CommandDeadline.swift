import Foundation
import LisaKit

/// One deadline for the whole command (`--timeout`, `LISA_TIMEOUT`, default 30m), on top of each request's
/// own limit: when it passes, the running command is cancelled (its requests, retries and waits end) and
/// the command reports it in one line. Waits for a model end a second before it, so their own
/// "still Creating after …" message comes first.
struct CommandDeadline: Sendable {
  let seconds: TimeInterval
  /// How the user set it, for the message: "--timeout 5s", "LISA_TIMEOUT=5s", "the default 30m".
  let source: String
  let start = ContinuousClock.now

  init(seconds: TimeInterval, source: String) {
    self.seconds = seconds
    self.source = source
  }

  init(flag: String?, environment: [String: String]) throws {
    if let flag {
      seconds = try Self.parse(flag, option: "--timeout")
      source = "--timeout \(flag)"
    } else if let text = environment["LISA_TIMEOUT"], !text.isEmpty {
      seconds = try Self.parse(text, option: "LISA_TIMEOUT")
      source = "LISA_TIMEOUT=\(text)"
    } else {
      seconds = try Self.parse(NetworkOptions.defaultTimeout, option: "--timeout")
      source = "the default --timeout \(NetworkOptions.defaultTimeout)"
    }
  }

  private static func parse(_ text: String, option: String) throws -> TimeInterval {
    let seconds = try KeyFileTime.duration(text, option: option)
    guard seconds > 0 else { throw LisaError.usage("\(option) \(text): must be more than zero") }
    return seconds
  }

  /// Seconds left for a wait: up to a second before the deadline, never below one so a wait started at the
  /// last moment still polls once.
  var remaining: TimeInterval {
    let elapsed = ContinuousClock.now - start
    return max(1, seconds - 1 - Double(elapsed.components.seconds) - Double(elapsed.components.attoseconds) / 1e18)
  }

  var error: LisaError {
    LisaError(
      .unavailable, "gave up after \(Self.format(seconds)) (\(source)); the command did not finish in time",
      hint: "run it again with a longer --timeout, or check the network (run with -v to see each request)")
  }

  static func format(_ seconds: TimeInterval) -> String {
    let whole = Int(seconds.rounded())
    if whole % 3600 == 0 { return "\(whole / 3600)h" }
    if whole % 60 == 0 { return "\(whole / 60)m" }
    return "\(whole)s"
  }

  /// Runs `body` in a child task and cancels it when the deadline passes (its requests, retry pauses and
  /// waits then end at once). Returns whether the deadline ended it.
  func enforce(_ body: @escaping @Sendable () async throws -> Void) async throws -> Bool {
    let seconds = seconds
    return try await withThrowingTaskGroup(of: Bool.self) { group in
      group.addTask {
        try await body()
        return false
      }
      group.addTask {
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        return true
      }
      defer { group.cancelAll() }
      return try await group.next() ?? false
    }
  }
}
