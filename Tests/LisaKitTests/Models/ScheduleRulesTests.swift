import Foundation
import Testing

@testable import LisaKit

/// SchedulingConfig: HH:MM, windows of at least two hours (past midnight allowed), IANA zones.
@Suite struct ScheduleRulesTests {
  func errors(_ text: String) throws -> [String] {
    ScheduleRules.check(try APIFixture.json(text)).errors.map { "\($0.path): \($0.message)" }
  }

  @Test func validSchedulesAreNormalised() throws {
    let checked = ScheduleRules.check(
      try APIFixture.json(
        #"{"scheduleType": "daily", "timezone": "Europe/Berlin", "#
          + #""dailySchedule": {"monday": {"startTime": "08:00", "stopTime": "18:00"}}}"#
      ))
    #expect(checked.diagnostics.isEmpty)
    #expect(checked.body?["scheduleType"] == .string("DAILY"))
    #expect(
      try errors(#"{"scheduleType": "RECURRING", "recurringSchedule": {"startTime": "22:00", "stopTime": "00:00"}}"#).isEmpty)
  }

  @Test(arguments: [
    (
      #"{"scheduleType": "RECURRING", "recurringSchedule": {"startTime": "09:00", "stopTime": "10:59"}}"#,
      "recurringSchedule.stopTime: must be at least 2 hours after startTime (the window is 1 h 59 min; it may run past midnight)"
    ),
    (
      #"{"scheduleType": "RECURRING", "recurringSchedule": {"startTime": "23:30", "stopTime": "01:00"}}"#,
      "recurringSchedule.stopTime: must be at least 2 hours after startTime (the window is 1 h 30 min; it may run past midnight)"
    ),
    (
      #"{"scheduleType": "RECURRING", "recurringSchedule": {"startTime": "9:0", "stopTime": "18:00"}}"#,
      "recurringSchedule.startTime: '9:0' is not a time of day as HH:MM or H:MM (0:00 to 23:59)"
    ),
    (
      #"{"scheduleType": "RECURRING", "recurringSchedule": {"startTime": "08:00", "stopTime": "24:00"}}"#,
      "recurringSchedule.stopTime: '24:00' is not a time of day as HH:MM or H:MM (0:00 to 23:59)"
    ),
    (
      #"{"scheduleType": "RECURRING", "recurringSchedule": {"startTime": "+8:00", "stopTime": "18:00"}}"#,
      "recurringSchedule.startTime: '+8:00' is not a time of day as HH:MM or H:MM (0:00 to 23:59)"
    ),
    (#"{"scheduleType": "RECURRING"}"#, "recurringSchedule: required when scheduleType is RECURRING"),
    (#"{"scheduleType": "DAILY", "dailySchedule": {}}"#, "dailySchedule: needs at least one day (monday … sunday)"),
    (#"{"scheduleType": "WEEKLY"}"#, "scheduleType: expected one of 'DAILY', 'RECURRING', found 'WEEKLY'"),
    (
      #"{"scheduleType": "RECURRING", "timezone": "EST", "recurringSchedule": {"startTime": "08:00", "stopTime": "18:00"}}"#,
      "timezone: 'EST' is not an IANA time zone (e.g. UTC, Europe/Berlin, America/New_York)"
    ),
  ])
  func rules(text: String, problem: String) throws {
    #expect(try errors(text) == [problem])
  }

  @Test func misspelledDaysAreReported() throws {
    let findings = ScheduleRules.check(
      try APIFixture.json(#"{"scheduleType": "DAILY", "dailySchedule": {"munday": {"startTime": "08:00", "stopTime": "18:00"}}}"#)
    ).diagnostics
    #expect(findings.map(\.path) == ["dailySchedule.munday", "dailySchedule"])
    #expect(findings.first?.message.hasSuffix("did you mean 'monday'?") == true)
  }

  @Test func minutes() {
    #expect(ScheduleRules.minutes("00:00") == 0 && ScheduleRules.minutes("23:59") == 1439)
    #expect(ScheduleRules.minutes("8:00") == 480 && ScheduleRules.minutes("0:05") == 5)
    #expect(ScheduleRules.minutes("123:00") == nil && ScheduleRules.minutes(":00") == nil && ScheduleRules.minutes("8:5") == nil)
    #expect(
      ScheduleRules.minutes("12:60") == nil && ScheduleRules.minutes("1200") == nil && ScheduleRules.minutes("１２:00") == nil)
  }
}
