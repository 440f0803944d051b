import Foundation
import Testing

@testable import LisaKit

@Suite struct StatusReportTests {
  @Test func theWorstPartDecidesTheExitStatus() {
    func report(_ states: [StatusState]) -> StatusReport {
      StatusReport(parts: states.enumerated().map { StatusPart("p\($0.offset)", $0.element, "") }, checkedAt: Date())
    }
    #expect(report([.up, .skipped]).exitStatus == .ok && report([.up, .skipped]).problem == nil)
    #expect(report([.up, .unknown, .skipped]).exitStatus == .partial)
    #expect(report([.unknown, .down]).exitStatus == .unavailable)
    #expect(report([.unknown, .down]).problem?.description == "status: down: p1; unknown: p0")
  }

  @Test func aDeadlineReturnsAtOnceAndLeavesTheHangingWorkBehind() async throws {
    let late = await withDeadline(0.2) { () async throws -> Int in
      while true { try await Task.sleep(nanoseconds: 50_000_000) }
    }
    // The work never ends, so any answer at all shows the deadline did not wait for it. (No wall-clock
    // bound: parallel tests that block the cooperative pool delay the timer, not the logic.)
    #expect(late == nil)
    let early = await withDeadline(5) { 42 }
    #expect(try early?.get() == 42)
  }

  @Test func tokensExpiringWithinSevenDaysAreActiveAndCountedApart() {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let day = 86400.0
    let counts = TokenCounts(
      [
        KeyRecord(id: "a", name: "a", expiresAt: now + 8 * day), KeyRecord(id: "b", name: "b", expiresAt: now + 7 * day),
        KeyRecord(id: "c", name: "c", expiresAt: now), KeyRecord(id: "d", name: "d"),
        KeyRecord(id: "e", name: "e", isLegacy: true),
      ], now: now)
    #expect(counts.text == "3 active (1 expiring within 7 days), 1 expired, 1 legacy")
  }

  @Test func preflightExitsZeroThreeOrSeven() {
    func report(_ verdicts: [PreflightCheck.Verdict]) -> PreflightReport {
      PreflightReport(target: LisaVersion(6, 6, 0), checks: verdicts.map { PreflightCheck("c", "C", $0, "why", fix: "do") })
    }
    #expect(report([.pass, .pass]).exitStatus == .ok)
    #expect(report([.pass, .warn]).exitStatus == .partial)
    #expect(report([.warn, .fail]).exitStatus == .invalid)
    #expect(report([.pass]).checks[0].fix == nil)
  }
}
