import Foundation

/// One pre-flight check of `lisa migrate check`: its verdict, why, and what to do about it.
public struct PreflightCheck: Sendable {
  public enum Verdict: String, Sendable, Comparable {
    case pass, warn, fail

    var weight: Int {
      switch self {
      case .pass: 0
      case .warn: 1
      case .fail: 2
      }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.weight < rhs.weight }
  }

  public var id: String
  public var title: String
  public var verdict: Verdict
  public var reason: String
  /// What to do; nil when the check passed.
  public var fix: String?

  public init(_ id: String, _ title: String, _ verdict: Verdict, _ reason: String, fix: String? = nil) {
    self.id = id
    self.title = title
    self.verdict = verdict
    self.reason = reason
    self.fix = verdict == .pass ? nil : fix
  }

  public var json: JSONValue {
    .object([
      ("id", .string(id)), ("title", .string(title)), ("verdict", .string(verdict.rawValue)), ("reason", .string(reason)),
      ("fix", .optional(fix)),
    ])
  }
}

public struct PreflightReport: Sendable {
  public var target: LisaVersion
  public var checks: [PreflightCheck]

  public init(target: LisaVersion, checks: [PreflightCheck]) {
    self.target = target
    self.checks = checks
  }

  public var worst: PreflightCheck.Verdict { checks.map(\.verdict).max() ?? .pass }

  /// 0 every check passed; 3 warnings only; 7 a check failed.
  public var exitStatus: ExitStatus {
    switch worst {
    case .pass: .ok
    case .warn: .partial
    case .fail: .invalid
    }
  }

  public func count(_ verdict: PreflightCheck.Verdict) -> Int { checks.filter { $0.verdict == verdict }.count }

  public var summary: String {
    "\(count(.pass)) passed, \(count(.warn)) warning\(count(.warn) == 1 ? "" : "s"), \(count(.fail)) failed"
  }

  /// The line a non-zero exit reports.
  public var problem: LisaError? {
    guard exitStatus != .ok else { return nil }
    let named = checks.filter { $0.verdict == worst }.map(\.id).joined(separator: ", ")
    return LisaError(exitStatus, "pre-flight for LISA v\(target): \(summary) (\(named))")
  }

  public var json: JSONValue {
    .object([
      ("format", .int(1)), ("to", .string(target.description)), ("verdict", .string(worst.rawValue)),
      ("counts", .object([("pass", .int(count(.pass))), ("warn", .int(count(.warn))), ("fail", .int(count(.fail)))])),
      ("checks", .array(checks.map(\.json))),
    ])
  }

  /// The checklist for people: verdict, title, reason, and the fix under it.
  public func render(color: Bool) -> String {
    var lines: [String] = []
    for check in checks {
      let style: Style = check.verdict == .pass ? .green : check.verdict == .warn ? .yellow : .red
      let label = style.apply(
        check.verdict.rawValue.uppercased().padding(toLength: 4, withPad: " ", startingAt: 0), enabled: color)
      lines.append("\(label)  \(check.title): \(check.reason)")
      if let fix = check.fix { lines.append("      fix: \(fix)") }
    }
    lines.append("")
    lines.append("Pre-flight for LISA v\(target): \(summary).")
    return lines.joined(separator: "\n") + "\n"
  }
}
