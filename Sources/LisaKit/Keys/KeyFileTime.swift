import Foundation

/// Times as the llama-gguf-inference key tools spell them: expirations are ISO-8601 *naive local*
/// datetimes (Python `datetime.isoformat()`), relative lifetimes are `\d+[dhm]`.
public enum KeyFileTime {
  /// The zone naive times are read and written in: `TZ` from the given environment, else the process's.
  public static func timeZone(environment: [String: String]) -> TimeZone {
    guard var name = environment["TZ"], !name.isEmpty else { return .current }
    if name.hasPrefix(":") { name.removeFirst() }
    return TimeZone(identifier: name) ?? TimeZone(abbreviation: name) ?? .current
  }

  /// `30d`, `24h`, `60m` as seconds; nil when the text is not of that form.
  public static func relative(_ text: String) -> TimeInterval? {
    guard let unit = text.last, let count = Int(text.dropLast()), count >= 0, text.first?.isNumber == true else { return nil }
    switch unit {
    case "d": return Double(count) * 86_400
    case "h": return Double(count) * 3_600
    case "m": return Double(count) * 60
    default: return nil
    }
  }

  /// Parses what Python's `datetime.fromisoformat` accepts in key files: a date, optionally a time
  /// (`HH`, `HH:MM`, `HH:MM:SS`, fractions), optionally `Z` or an offset. Naive values are local to `zone`.
  /// Hand-scanned rather than a Regex and a Calendar: a key file may hold thousands of these.
  public static func parse(_ text: String, zone: TimeZone) -> Date? {
    var scanner = DigitScanner(Array(text.utf8))
    guard let year = scanner.number(4), year >= 1, scanner.take("-"), let month = scanner.number(2), scanner.take("-"),
      let day = scanner.number(2), (1...12).contains(month), (1...daysIn(month, of: year)).contains(day)
    else { return nil }
    var (hour, minute, second, micros) = (0, 0, 0, 0)
    var offset: Int?
    if !scanner.atEnd {
      guard scanner.take("T") || scanner.take(" "), let h = scanner.number(2) else { return nil }
      hour = h
      if scanner.take(":") {
        guard let m = scanner.number(2) else { return nil }
        minute = m
        if scanner.take(":") {
          guard let s = scanner.number(2) else { return nil }
          second = s
          if scanner.take(".") || scanner.take(",") {
            guard let (value, count) = scanner.fraction(maxDigits: 6) else { return nil }
            micros = value * [1, 100_000, 10_000, 1_000, 100, 10, 1][count]
          }
        }
      }
      if !scanner.atEnd {
        guard let parsed = scanner.offset() else { return nil }
        offset = parsed
      }
      guard scanner.atEnd, hour < 24, minute < 60, second < 60 else { return nil }
    }
    let local = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    let utc: Int
    if let offset {
      utc = local - offset
    } else {
      // The zone's offset at the wall-clock time, found from a first guess and then corrected.
      let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local)))
      utc = local - zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - guess)))
    }
    return Date(timeIntervalSince1970: Double(utc) + Double(micros) / 1_000_000)
  }

  /// `2026-12-22T13:49:41.861841` (microseconds only when not zero), as `datetime.isoformat()` writes.
  public static func naive(_ date: Date, zone: TimeZone) -> String {
    let micros = Int((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
    let utcSeconds = Int((Double(micros) / 1_000_000).rounded(.down))
    let fraction = micros - utcSeconds * 1_000_000
    let local = utcSeconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utcSeconds)))
    let days = Int((Double(local) / 86_400).rounded(.down))
    let secondsOfDay = local - days * 86_400
    let (year, month, day) = civil(fromDays: days)
    var text = String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, secondsOfDay / 3_600, secondsOfDay / 60 % 60, secondsOfDay % 60)
    if fraction > 0 { text += String(format: ".%06d", fraction) }
    return text
  }

  /// An `--expires` value: relative (`30d`) from `now`, or an ISO-8601 datetime. Must lie in the future.
  public static func expiry(_ text: String, now: Date, zone: TimeZone, option: String = "--expires") throws -> Date {
    let date: Date
    if let interval = relative(text) {
      guard interval > 0 else { throw LisaError.usage("\(option) \(text): must be more than zero") }
      date = now.addingTimeInterval(interval)
    } else if let parsed = parse(text, zone: zone) {
      date = parsed
    } else {
      throw LisaError.usage("\(option) '\(text)' is not a lifetime or a date", hint: "30d, 24h, 60m or 2026-12-31T00:00:00")
    }
    guard date.timeIntervalSince1970 < 253_402_300_800 else { throw LisaError.usage("\(option) \(text): later than year 9999") }
    guard date > now else { throw LisaError.usage("\(option) \(text): \(naive(date, zone: zone)) is in the past") }
    return date
  }

  /// A duration option such as `--expiring-within 7d` or `--keep-old 24h`.
  /// Also in seconds (`90s`), which key files do not use.
  public static func duration(_ text: String, option: String) throws -> TimeInterval {
    if text.hasSuffix("s"), text.first?.isNumber == true, let seconds = Int(text.dropLast()), seconds >= 0 {
      return Double(seconds)
    }
    guard let interval = relative(text) else {
      throw LisaError.usage("\(option) '\(text)' is not a duration", hint: "a number followed by d, h, m or s: 7d, 24h, 90m, 90s")
    }
    return interval
  }

  // MARK: - Proleptic Gregorian calendar arithmetic (days since 1970-01-01)

  static func daysIn(_ month: Int, of year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

/// Reads fixed-width ASCII numbers and punctuation from the front of a byte string.
private struct DigitScanner {
  let bytes: [UInt8]
  var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var atEnd: Bool { position == bytes.count }

  mutating func take(_ character: Unicode.Scalar) -> Bool {
    guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
    position += 1
    return true
  }

  mutating func number(_ width: Int) -> Int? {
    guard position + width <= bytes.count else { return nil }
    var value = 0
    for byte in bytes[position..<position + width] {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    position += width
    return value
  }

  /// 1 to `maxDigits` digits: their value and how many there were.
  mutating func fraction(maxDigits: Int) -> (Int, Int)? {
    var count = 0
    while count < maxDigits, position + count < bytes.count,
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position + count])
    {
      count += 1
    }
    guard count > 0, let value = number(count) else { return nil }
    return (value, count)
  }

  /// `Z`, `±HH`, `±HHMM` or `±HH:MM`, in seconds east of UTC.
  mutating func offset() -> Int? {
    if take("Z") { return 0 }
    let sign: Int
    if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
    guard let hours = number(2), hours < 24 else { return nil }
    var minutes = 0
    if !atEnd {
      _ = take(":")
      guard let parsed = number(2), parsed < 60 else { return nil }
      minutes = parsed
    }
    return sign * (hours * 3_600 + minutes * 60)
  }
}
