import Foundation

/// The status `lisa models wait --for` waits for.
public enum WaitTarget: String, Sendable, CaseIterable {
  case inService = "InService"
  case stopped = "Stopped"
  case deleted = "deleted"

  public init?(userText: String) {
    let wanted = userText.lowercased().filter { $0 != "-" && $0 != "_" }
    guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else { return nil }
    self = match
  }
}

/// Time for waiting: a monotonic clock and a sleep. Tests pass a virtual one.
public struct WaitClock: Sendable {
  public var elapsed: @Sendable () -> TimeInterval
  public var sleep: @Sendable (TimeInterval) async throws -> Void

  public init(elapsed: @escaping @Sendable () -> TimeInterval, sleep: @escaping @Sendable (TimeInterval) async throws -> Void) {
    self.elapsed = elapsed
    self.sleep = sleep
  }

  public static func live() -> WaitClock {
    let start = ContinuousClock.now
    return WaitClock(
      elapsed: { (ContinuousClock.now - start).seconds },
      sleep: AWSRetryPolicy.taskSleep)
  }
}

/// Polls a model until it reaches a status, with backoff: `interval` first, growing by half each
/// quiet poll up to `maxInterval`, back to `interval` after each change.
public struct ModelWaiter: Sendable {
  public var api: ModelsAPI
  public var clock: WaitClock
  public var interval: TimeInterval
  public var maxInterval: TimeInterval
  /// How long a settled model in the wrong status is given to start moving (a change LISA accepted
  /// shows in the status only once its state machine starts).
  public var grace: TimeInterval
  /// Why a model failed: LISA's answers do not say (`ModelCatalog.failureReason` reads its table).
  public var failureReason: @Sendable (ModelInfo) async -> String

  public init(
    api: ModelsAPI, clock: WaitClock, interval: TimeInterval = 2, maxInterval: TimeInterval = 30, grace: TimeInterval = 90,
    failureReason: @escaping @Sendable (ModelInfo) async -> String = { $0.failureReason ?? "LISA gave no reason" }
  ) {
    self.api = api
    self.clock = clock
    self.interval = max(0.01, interval)
    self.maxInterval = max(self.interval, maxInterval)
    self.grace = grace
    self.failureReason = failureReason
  }

  /// Returns the last model seen (nil once deleted). `onChange` gets each new status (nil: gone).
  /// A `Failed` model ends the wait with exit 1 and LISA's failure reason; so does the timeout.
  @discardableResult
  public func wait(
    for id: String, until target: WaitTarget, timeout: TimeInterval, onChange: @Sendable (ModelInfo?) -> Void = { _ in }
  ) async throws -> ModelInfo? {
    try await poll(id, goal: "be \(target.rawValue)", timeout: timeout, reportFirst: true, onChange: onChange) {
      model, settledFor, first in
      try await reached(model, id: id, target: target, settledFor: settledFor, firstPoll: first)
    }
  }

  /// Waits until the model stops moving (InService, Stopped) so LISA accepts a change; Failed ends it with exit 1.
  public func waitSettled(for id: String, timeout: TimeInterval, onChange: @Sendable (ModelInfo?) -> Void = { _ in }) async throws
    -> ModelInfo
  {
    let model = try await poll(
      id, goal: "settle in InService or Stopped", timeout: timeout, reportFirst: false, onChange: onChange
    ) {
      model, _, _ in
      guard let model else { throw LisaError(.notFound, "model '\(id)' does not exist any more; it was deleted") }
      if model.status == .failed { throw LisaError(.failure, "model '\(id)' is Failed: \(await failureReason(model))") }
      return model.status.acceptsUpdates
    }
    guard let model else { throw LisaError(.notFound, "model '\(id)' does not exist") }
    return model
  }

  /// Polls until `done` says so (or throws), pausing `interval` and then longer, back to `interval`
  /// after each change. `done` gets the model, how long its status has not changed, and whether this is the first poll.
  private func poll(
    _ id: String, goal: String, timeout: TimeInterval, reportFirst: Bool, onChange: @Sendable (ModelInfo?) -> Void,
    done: (ModelInfo?, TimeInterval, Bool) async throws -> Bool
  ) async throws -> ModelInfo? {
    let deadline = clock.elapsed() + timeout
    var pause = interval
    var lastStatus: String?
    var lastChange = clock.elapsed()
    var first = true
    while true {
      let model = try await api.find(id)
      let status = model?.statusText
      if first || status != lastStatus {
        if !first || reportFirst { onChange(model) }
        pause = interval
        lastStatus = status
        lastChange = clock.elapsed()
      }
      if try await done(model, clock.elapsed() - lastChange, first) { return model }
      first = false
      let remaining = deadline - clock.elapsed()
      guard remaining > 0 else {
        throw LisaError(
          .failure, "timed out waiting for model '\(id)' to \(goal); it is still \(status ?? "gone")",
          hint: "wait longer with --timeout, or look at the model in LISA")
      }
      try await clock.sleep(min(pause, remaining))
      pause = min(maxInterval, pause * 1.5)
    }
  }

  private func reached(_ model: ModelInfo?, id: String, target: WaitTarget, settledFor: TimeInterval, firstPoll: Bool)
    async throws -> Bool
  {
    guard let model else {
      if target == .deleted { return true }
      throw LisaError(.notFound, "model '\(id)' does not exist\(firstPoll ? "" : " any more"); it was deleted")
    }
    if target.rawValue == model.statusText { return true }
    if model.status == .failed {
      throw LisaError(
        .failure, "model '\(id)' is Failed: \(await failureReason(model))",
        hint: "see the model's state machine execution in Step Functions; a Failed model can be deleted and created again")
    }
    let hopeless: Bool =
      switch (target, model.status) {
      case (.inService, .stopped), (.stopped, .inService), (.deleted, .inService), (.deleted, .stopped): true
      default: false
      }
    if hopeless, settledFor >= grace {
      let action = target == .inService ? "start" : target == .stopped ? "stop" : "delete"
      throw LisaError(
        .conflict, "model '\(id)' is \(model.statusText) and is not becoming \(target.rawValue)",
        hint: "lisa models \(action) \(id)")
    }
    return false
  }
}
