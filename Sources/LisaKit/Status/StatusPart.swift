import Foundation

/// How one part of a deployment is doing, as `lisa status` reports it.
public enum StatusState: String, Sendable, Comparable {
  /// Answered as it should.
  case up
  /// Answered badly, refused the credential, or could not be reached.
  case down
  /// No answer in time, or nothing to ask it with (no URL, no AWS access); says nothing about the part.
  case unknown
  /// Not part of this kind of stack (`--litellm-url` has no LISA API or token table).
  case skipped

  /// Worst first, for the exit status: down, unknown, up, skipped.
  var weight: Int {
    switch self {
    case .down: 3
    case .unknown: 2
    case .up: 1
    case .skipped: 0
    }
  }

  public static func < (lhs: StatusState, rhs: StatusState) -> Bool { lhs.weight < rhs.weight }
}

/// One line of `lisa status`: a part, its state, a sentence, and the facts behind it for `-o json`.
public struct StatusPart: Sendable {
  public var name: String
  public var state: StatusState
  public var summary: String
  public var details: [(String, JSONValue)]

  public init(_ name: String, _ state: StatusState, _ summary: String, details: [(String, JSONValue)] = []) {
    self.name = name
    self.state = state
    self.summary = summary
    self.details = details
  }

  public var json: JSONValue {
    .object([("name", .string(name)), ("state", .string(state.rawValue)), ("summary", .string(summary))] + details)
  }
}

/// Every part, in a fixed order.
public struct StatusReport: Sendable {
  public var parts: [StatusPart]
  public var checkedAt: Date

  public init(parts: [StatusPart], checkedAt: Date) {
    self.parts = parts
    self.checkedAt = checkedAt
  }

  public var worst: StatusState { parts.map(\.state).max() ?? .skipped }

  /// 0 every part up (or skipped); 3 none down but some unknown; 69 a part is down.
  public var exitStatus: ExitStatus {
    switch worst {
    case .down: .unavailable
    case .unknown: .partial
    case .up, .skipped: .ok
    }
  }

  /// The one line a non-zero exit reports: which parts are down or unknown.
  public var problem: LisaError? {
    guard exitStatus != .ok else { return nil }
    let down = parts.filter { $0.state == .down }.map(\.name)
    let unknown = parts.filter { $0.state == .unknown }.map(\.name)
    var said: [String] = []
    if !down.isEmpty { said.append("down: \(down.joined(separator: ", "))") }
    if !unknown.isEmpty { said.append("unknown: \(unknown.joined(separator: ", "))") }
    return LisaError(exitStatus, "status: " + said.joined(separator: "; "))
  }

  public var json: JSONValue {
    .object([
      ("format", .int(1)), ("checkedAt", .string(ISO8601DateFormatter().string(from: checkedAt))),
      ("state", .string(worst.rawValue)), ("parts", .array(parts.map(\.json))),
    ])
  }
}

/// Runs `operation` for at most `seconds`. On time-out it returns nil at once and cancels the
/// operation without waiting for it, so a server that never answers holds up nothing else.
func withDeadline<T: Sendable>(
  _ seconds: TimeInterval, _ operation: @escaping @Sendable () async throws -> T
) async -> Result<T, any Error>? {
  let once = ResumeOnce<Result<T, any Error>?>()
  return await withCheckedContinuation { continuation in
    once.set(continuation)
    let work = Task {
      do {
        once.resume(.success(try await operation()))
      } catch {
        once.resume(.failure(error))
      }
    }
    Task {
      try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
      if once.resume(nil) { work.cancel() }
    }
  }
}

/// A continuation resumed by whichever side comes first.
private final class ResumeOnce<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var continuation: CheckedContinuation<Value, Never>?
  private var pending: Value?
  private var done = false

  func set(_ continuation: CheckedContinuation<Value, Never>) {
    lock.lock()
    defer { lock.unlock() }
    if done, let pending {
      continuation.resume(returning: pending)
      self.pending = nil
    } else {
      self.continuation = continuation
    }
  }

  /// True when this call was the first.
  @discardableResult
  func resume(_ value: Value) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard !done else { return false }
    done = true
    if let continuation {
      continuation.resume(returning: value)
      self.continuation = nil
    } else {
      pending = value
    }
    return true
  }
}
