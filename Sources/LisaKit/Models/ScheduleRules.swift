import Foundation

/// LISA's `SchedulingConfig` (docs/lisa/models-api.md#schedules): `DAILY` with per-day windows or `RECURRING` with one window,
/// an IANA time zone (default UTC), times `HH:MM` (or `H:MM`), each stop at least two hours after its start
/// (a window may run past midnight).
public enum ScheduleRules {
  public static let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
  public static let minimumWindowMinutes = 120

  static let window = FieldShape.object([
    FieldSpec("startTime", .string(nonEmpty: true), required: true),
    FieldSpec("stopTime", .string(nonEmpty: true), required: true),
  ])

  static let fields: [FieldSpec] = [
    FieldSpec("scheduleType", .choice(["DAILY", "RECURRING"]), required: true),
    FieldSpec("timezone", .string(nonEmpty: true)),
    FieldSpec("dailySchedule", .object(days.map { FieldSpec($0, window) })),
    FieldSpec("recurringSchedule", window),
  ]

  /// Checks a scheduling object inside any request and returns it normalised.
  static func normalize(_ value: JSONValue, at path: FieldPath, checker: inout RequestChecker) -> JSONValue? {
    guard let normalized = checker.normalizeObject(value, fields: fields, at: path) else { return nil }
    let before = checker.errors.count
    if let zone = normalized["timezone"]?.stringValue, !isIANAZone(zone) {
      checker.error(path.key("timezone"), "'\(zone)' is not an IANA time zone (e.g. UTC, Europe/Berlin, America/New_York)")
    }
    switch normalized["scheduleType"]?.stringValue {
    case "DAILY":
      guard let daily = normalized["dailySchedule"]?.objectPairs else {
        checker.error(path.key("dailySchedule"), "required when scheduleType is DAILY")
        break
      }
      if daily.isEmpty { checker.error(path.key("dailySchedule"), "needs at least one day (monday … sunday)") }
      for (day, window) in daily { checkWindow(window, at: path.key("dailySchedule").key(day), checker: &checker) }
    case "RECURRING":
      guard let window = normalized["recurringSchedule"] else {
        checker.error(path.key("recurringSchedule"), "required when scheduleType is RECURRING")
        break
      }
      checkWindow(window, at: path.key("recurringSchedule"), checker: &checker)
    default:
      break
    }
    return checker.errors.count == before ? normalized : nil
  }

  static func checkWindow(_ window: JSONValue, at path: FieldPath, checker: inout RequestChecker) {
    var times: [Int] = []
    for key in ["startTime", "stopTime"] {
      guard let text = window[key]?.stringValue else { continue }
      guard let minutes = minutes(text) else {
        checker.error(path.key(key), "'\(text)' is not a time of day as HH:MM or H:MM (0:00 to 23:59)")
        continue
      }
      times.append(minutes)
    }
    guard times.count == 2 else { return }
    let length = (times[1] - times[0] + 1440) % 1440
    if length < minimumWindowMinutes {
      checker.error(
        path.key("stopTime"),
        "must be at least 2 hours after startTime (the window is \(length / 60) h \(length % 60) min; it may run past midnight)")
    }
  }

  /// Minutes after midnight for `HH:MM` or `H:MM`, as LISA's pattern `^([01]?[0-9]|2[0-3]):[0-5][0-9]$` takes
  /// them (docs/lisa/models-api.md#schedules), or nil.
  public static func minutes(_ text: String) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let hours = Int(parts[0]),
      let minutes = Int(parts[1]), (0..<24).contains(hours), (0..<60).contains(minutes)
    else { return nil }
    return hours * 60 + minutes
  }

  /// Region/City names from the tz database, plus UTC; offsets and abbreviations ("EST") are not IANA zones.
  public static func isIANAZone(_ name: String) -> Bool {
    if name == "UTC" { return true }
    return TimeZone.knownTimeZoneIdentifiers.contains(name)
  }

  /// Checks a whole `SchedulingConfig` (for `PUT /models/{id}/schedule`).
  public static func check(_ value: JSONValue, locate: @escaping (FieldPath) -> SourceLocation? = { _ in nil }) -> CheckedRequest
  {
    var checker = RequestChecker(context: "SchedulingConfig", locate: locate)
    let normalized = normalize(value, at: .root, checker: &checker)
    return CheckedRequest(body: checker.errors.isEmpty ? normalized : nil, diagnostics: checker.diagnostics)
  }
}
