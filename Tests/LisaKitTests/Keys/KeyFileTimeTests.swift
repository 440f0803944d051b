import Foundation
import Testing

@testable import LisaKit

@Suite struct KeyFileTimeTests {
  let berlin = TimeZone(identifier: "Europe/Berlin")!
  let newYork = TimeZone(identifier: "America/New_York")!
  /// 2026-07-01T10:00:00Z, summer time in both zones.
  let now = Date(timeIntervalSince1970: 1_782_900_000)

  @Test func naiveFormattingIsLocalLikeIsoformat() {
    #expect(KeyFileTime.naive(now, zone: berlin) == "2026-07-01T12:00:00")
    #expect(KeyFileTime.naive(now, zone: newYork) == "2026-07-01T06:00:00")
    #expect(KeyFileTime.naive(now.addingTimeInterval(0.861841), zone: berlin) == "2026-07-01T12:00:00.861841")
    #expect(KeyFileTime.naive(now.addingTimeInterval(0.000001), zone: berlin) == "2026-07-01T12:00:00.000001")
  }

  @Test func parseReadsWhatFromisoformatReads() throws {
    #expect(KeyFileTime.parse("2026-07-01T12:00:00", zone: berlin) == now)
    #expect(KeyFileTime.parse("2026-07-01 12:00:00", zone: berlin) == now)
    #expect(KeyFileTime.parse("2026-07-01T12:00", zone: berlin) == now)
    #expect(KeyFileTime.parse("2026-07-01T12", zone: berlin) == now)
    #expect(KeyFileTime.parse("2026-07-01T10:00:00Z", zone: berlin) == now)
    #expect(KeyFileTime.parse("2026-07-01T06:00:00-04:00", zone: berlin) == now)
    #expect(KeyFileTime.parse("2026-07-01", zone: berlin) == now.addingTimeInterval(-12 * 3600))
    let fraction = try #require(KeyFileTime.parse("2026-07-01T12:00:00.5", zone: berlin))
    #expect(fraction.timeIntervalSince(now) == 0.5)
    for bad in ["2026-7-1", "2026-07-01T25:00:00", "2026-02-29", "tomorrow", "30d", "2026-07-01T12:00:00+5"] {
      #expect(KeyFileTime.parse(bad, zone: berlin) == nil, "\(bad)")
    }
  }

  @Test func formatThenParseRoundTrips() throws {
    let instant = now.addingTimeInterval(123_456.789012)
    let text = KeyFileTime.naive(instant, zone: newYork)
    let back = try #require(KeyFileTime.parse(text, zone: newYork))
    #expect(abs(back.timeIntervalSince(instant)) < 0.000_001)
  }

  @Test(arguments: ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"])
  func naiveAgreesWithFoundationsCalendar(zoneName: String) throws {
    let zone = try #require(TimeZone(identifier: zoneName))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let instant = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_200_000_000, using: &generator)))
      let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
      let expected = String(
        format: "%04d-%02d-%02dT%02d:%02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
      let text = KeyFileTime.naive(instant, zone: zone)
      #expect(text == expected)
      // Inside a DST fold a wall-clock time names two instants; either must print back the same.
      let back = try #require(KeyFileTime.parse(text, zone: zone))
      #expect(KeyFileTime.naive(back, zone: zone) == text)
    }
  }

  @Test func leapDays() {
    #expect(KeyFileTime.parse("2024-02-29T00:00:00", zone: berlin) != nil)
    #expect(KeyFileTime.parse("2000-02-29", zone: berlin) != nil)
    #expect(KeyFileTime.parse("1900-02-29", zone: berlin) == nil)
    #expect(KeyFileTime.parse("2026-04-31", zone: berlin) == nil)
    #expect(KeyFileTime.parse("0000-01-01", zone: berlin) == nil)
  }

  @Test func relativeLifetimes() {
    #expect(KeyFileTime.relative("30d") == TimeInterval(30 * 86_400))
    #expect(KeyFileTime.relative("24h") == TimeInterval(86_400))
    #expect(KeyFileTime.relative("60m") == TimeInterval(3_600))
    for bad in ["30", "d", "-1d", "+1d", "1.5d", "1w", "30 d", ""] {
      #expect(KeyFileTime.relative(bad) == nil, "\(bad)")
    }
  }

  @Test func expiryFromRelativeAndAbsolute() throws {
    #expect(try KeyFileTime.expiry("2h", now: now, zone: berlin) == now.addingTimeInterval(7200))
    #expect(
      try KeyFileTime.expiry("2026-08-01T00:00:00", now: now, zone: berlin)
        == KeyFileTime.parse("2026-07-31T22:00:00Z", zone: berlin))
    #expect(throws: LisaError.self) { try KeyFileTime.expiry("2026-01-01", now: now, zone: berlin) }
    #expect(throws: LisaError.self) { try KeyFileTime.expiry("0d", now: now, zone: berlin) }
    #expect(throws: LisaError.self) { try KeyFileTime.expiry("soon", now: now, zone: berlin) }
    #expect(throws: LisaError.self) { try KeyFileTime.expiry("99999999d", now: now, zone: berlin) }
    do {
      _ = try KeyFileTime.expiry("soon", now: now, zone: berlin)
    } catch let error as LisaError {
      #expect(error.status == .usage)
      #expect(error.description.contains("--expires 'soon'"))
    }
  }

  /// Duration options take seconds too; key files' relative lifetimes stay days, hours and minutes.
  @Test func durationOptionsTakeSeconds() throws {
    #expect(try KeyFileTime.duration("90s", option: "--timeout") == 90)
    #expect(try KeyFileTime.duration("2h", option: "--timeout") == 7200)
    #expect(KeyFileTime.relative("90s") == nil)
    for bad in ["s", "-5s", "1.5s", "90x"] {
      #expect(throws: LisaError.self) { try KeyFileTime.duration(bad, option: "--timeout") }
    }
  }

  @Test func zoneComesFromTheEnvironment() {
    #expect(KeyFileTime.timeZone(environment: ["TZ": "America/New_York"]) == newYork)
    #expect(KeyFileTime.timeZone(environment: ["TZ": ":Europe/Berlin"]) == berlin)
    #expect(KeyFileTime.timeZone(environment: ["TZ": "UTC"]).secondsFromGMT(for: now) == 0)
    #expect(KeyFileTime.timeZone(environment: [:]) == TimeZone.current)
  }
}
