import Foundation

/// Follows a repository's status until it settles (docs/lisa/rag-api.md#statuses): polls `GET /repository`
/// (a missing repository is an answer there, not LISA's 500) with a growing pause, up to a deadline.
public struct RagWaiter: Sendable {
  public var api: RagAPI
  public var interval: TimeInterval
  public var maxInterval: TimeInterval
  public var timeout: TimeInterval
  public var onChange: @Sendable (String, String) -> Void

  public init(
    api: RagAPI, interval: TimeInterval, maxInterval: TimeInterval = 30, timeout: TimeInterval,
    onChange: @escaping @Sendable (String, String) -> Void = { _, _ in }
  ) {
    self.api = api
    self.interval = interval
    self.maxInterval = maxInterval
    self.timeout = timeout
    self.onChange = onChange
  }

  /// Waits until the repository is CREATE_COMPLETE or UPDATE_COMPLETE; a *_FAILED status exits 1 with the reason.
  @discardableResult
  public func waitReady(_ id: String) async throws -> RagRepository {
    guard let repository = try await poll(id, until: { $0.map(\.isSettled) ?? false }) else {
      throw LisaError(.failure, "repository '\(id)' disappeared while waiting for it to be ready")
    }
    if repository.isFailed {
      throw LisaError(
        .failure, "repository '\(id)' is \(repository.status)" + (repository.failureReason.map { ": \($0)" } ?? ""),
        hint: "lisa rag repos get \(id) shows it; fix the definition, delete it and create it again")
    }
    return repository
  }

  /// Waits until the repository is gone; DELETE_FAILED exits 1.
  public func waitGone(_ id: String) async throws {
    if let left = try await poll(id, until: { $0 == nil || $0?.status == "DELETE_FAILED" }) {
      throw LisaError(.failure, "repository '\(id)' is \(left.status)" + (left.failureReason.map { ": \($0)" } ?? ""))
    }
  }

  private func poll(_ id: String, until done: (RagRepository?) -> Bool) async throws -> RagRepository? {
    let deadline = ContinuousClock.now + .seconds(timeout)
    var pause = interval
    var last: String?
    while true {
      let repository = try await api.repositories().first { $0.id == id }
      let status = repository?.status ?? "gone"
      if status != last {
        onChange(id, status)
        last = status
      }
      if done(repository) { return repository }
      guard ContinuousClock.now + .seconds(pause) < deadline else {
        throw LisaError(
          .failure, "repository '\(id)' is still \(status) after \(Int(timeout)) s; stopped waiting (LISA goes on)",
          hint: "run lisa rag repos get \(id) later, or wait longer with --timeout")
      }
      try await Task.sleep(for: .seconds(pause))
      pause = min(pause * 1.5, maxInterval)
    }
  }
}
