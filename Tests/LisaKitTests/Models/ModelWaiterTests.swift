import Foundation
import Testing

@testable import LisaKit

/// Waiting: status changes reported once each, backoff that resets on change, Failed and timeouts
/// as exit 1, a model that is not moving as exit 6. Time is virtual.
@Suite struct ModelWaiterTests {
  final class VirtualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: TimeInterval = 0
    private var pauses: [TimeInterval] = []
    var sleeps: [TimeInterval] { lock.withLock { pauses } }
    var clock: WaitClock {
      WaitClock(
        elapsed: { self.lock.withLock { self.now } },
        sleep: { seconds in
          self.lock.withLock {
            self.now += seconds
            self.pauses.append(seconds)
          }
        })
    }
  }

  final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    var statuses: [String] { lock.withLock { list } }
    func add(_ model: ModelInfo?) { lock.withLock { list.append(model?.statusText ?? "deleted") } }
  }

  /// Answers GET /models/m1 with the given statuses in turn (the last one repeats); "gone" is a 404.
  func waiter(_ statuses: [String], clock: VirtualClock, reason: String? = nil) -> ModelWaiter {
    let transport = RoutedTransport { _, index in
      let status = statuses[min(index, statuses.count - 1)]
      if status == "gone" { return .respond(404, #"{"detail": "Model 'm1' was not found."}"#) }
      let failure = reason.map { #", "failureReason": "\#($0)""# } ?? ""
      return .respond(200, #"{"model": {"modelId": "m1", "status": "\#(status)"\#(failure)}}"#)
    }
    return ModelWaiter(
      api: ModelsAPI(client: APIFixture.client(transport)), clock: clock.clock, interval: 2, maxInterval: 5, grace: 10)
  }

  @Test func reportsEachChangeAndBacksOffUntilInService() async throws {
    let clock = VirtualClock()
    let seen = Seen()
    let model = try await waiter(["Creating", "Creating", "Creating", "Creating", "Starting", "InService"], clock: clock)
      .wait(for: "m1", until: .inService, timeout: 600) { seen.add($0) }
    #expect(model?.status == .inService)
    #expect(seen.statuses == ["Creating", "Starting", "InService"])
    #expect(clock.sleeps == [2, 3, 4.5, 5, 2])
  }

  @Test func failedEndsTheWaitWithTheReason() async throws {
    await #expect {
      try await waiter(["Creating", "Failed"], clock: VirtualClock(), reason: "ECS task failed health checks").wait(
        for: "m1", until: .inService, timeout: 600)
    } throws: { error in
      (error as? LisaError)?.status == .failure
        && (error as? LisaError)?.message == "model 'm1' is Failed: ECS task failed health checks"
    }
  }

  @Test func timeoutIsExitOneWithTheLastStatus() async throws {
    let clock = VirtualClock()
    await #expect {
      try await waiter(["Stopping"], clock: clock).wait(for: "m1", until: .stopped, timeout: 9)
    } throws: { error in
      (error as? LisaError)?.message == "timed out waiting for model 'm1' to be Stopped; it is still Stopping"
    }
    #expect(clock.sleeps.reduce(0, +) == 9)
  }

  @Test func deletedAndMissing() async throws {
    let seen = Seen()
    let gone = try await waiter(["Deleting", "gone"], clock: VirtualClock()).wait(for: "m1", until: .deleted, timeout: 60) {
      seen.add($0)
    }
    #expect(gone == nil && seen.statuses == ["Deleting", "deleted"])
    await #expect {
      try await waiter(["gone"], clock: VirtualClock()).wait(for: "m1", until: .inService, timeout: 60)
    } throws: { ($0 as? LisaError)?.status == .notFound }
  }

  @Test func aSettledModelInTheWrongStatusGetsAGracePeriodThenExitSix() async throws {
    let late = try await waiter(["InService", "InService", "Stopping", "Stopped"], clock: VirtualClock()).wait(
      for: "m1", until: .stopped, timeout: 600)
    #expect(late?.status == .stopped)
    let clock = VirtualClock()
    await #expect {
      try await waiter(["Stopped"], clock: clock).wait(for: "m1", until: .inService, timeout: 600)
    } throws: { error in
      (error as? LisaError)?.status == .conflict && (error as? LisaError)?.hint == "lisa models start m1"
    }
    #expect(clock.sleeps.reduce(0, +) >= 10 && clock.sleeps.reduce(0, +) < 20)
  }

  @Test func settlingWaitsForAStatusThatAcceptsChanges() async throws {
    let model = try await waiter(["Updating", "Updating", "Stopped"], clock: VirtualClock()).waitSettled(for: "m1", timeout: 60)
    #expect(model.status == .stopped)
  }
}
