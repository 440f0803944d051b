import Foundation

/// The line a command prints on stderr when a call is retried, so a slow or unreachable service is never
/// a silent wait: host, attempt, reason, and the pause before the next try. Quick retries of a throttled
/// call inside a busy run stay quiet until the call has taken `quietFor` seconds.
public struct RetryNotice: Sendable {
  public var host: String
  public var what: String
  public var sink: (@Sendable (String) -> Void)?
  public var quietFor: TimeInterval
  private let started = ContinuousClock.now

  public init(host: String, what: String, sink: (@Sendable (String) -> Void)?, quietFor: TimeInterval = 5) {
    self.host = host
    self.what = what
    self.sink = sink
    self.quietFor = quietFor
  }

  /// `force` prints even a quick retry (a lost connection is worth knowing about at once).
  public func retrying(attempt: Int, of attempts: Int, reason: String, wait: TimeInterval, force: Bool = false) {
    guard let sink else { return }
    let elapsed = Double((ContinuousClock.now - started).components.seconds)
    guard force || elapsed + wait >= quietFor else { return }
    sink("\(host): \(what) attempt \(attempt) of \(attempts) failed (\(reason)); retrying in \(String(format: "%.1f", wait)) s")
  }
}
