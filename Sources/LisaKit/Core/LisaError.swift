import Foundation

/// Process exit statuses. This table is the documented contract (README, root help, man page).
public enum ExitStatus: Int32, CaseIterable, Sendable {
  case ok = 0
  case failure = 1
  case cancelled = 2
  case partial = 3
  case auth = 4
  case notFound = 5
  case conflict = 6
  case invalid = 7
  case usage = 64
  case dataError = 65
  case unavailable = 69
  case ioError = 74
  case interrupted = 130

  public var summary: String {
    switch self {
    case .ok: "success (also a dry run that found work to do)"
    case .failure: "the operation failed (server error, unexpected condition)"
    case .cancelled: "a confirmation was declined"
    case .partial: "some items failed (verify, import); migrate check/status warnings"
    case .auth: "bad or missing credentials (AccessDenied, 401/403, passphrase)"
    case .notFound: "a named file, table, model, key or config section does not exist"
    case .conflict: "the target exists or its state forbids the change (--force)"
    case .invalid: "input breaks LISA's rules (config, --strict, failed migrate check)"
    case .usage: "bad command line (unknown option, missing value, --yes off a TTY)"
    case .dataError: "input cannot be parsed (YAML/JSON syntax, corrupt backup file)"
    case .unavailable: "a service could not be reached after retries; a status part down"
    case .ioError: "a local file could not be read or written"
    case .interrupted: "interrupted (SIGINT); run the same command again to resume"
    }
  }

  /// The exit-code table as plain text, shared by help, README and man page.
  public static var table: String {
    allCases.map { "  \(String($0.rawValue).padding(toLength: 4, withPad: " ", startingAt: 0)) \($0.summary)" }
      .joined(separator: "\n")
  }
}

/// Where in an input file a problem is.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable {
  public var file: String
  public var line: Int?
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    if let line, line > 0, let column { text += ":\(column)" }
    return text
  }
}

/// The one error type every command reports through. Its message is a single line and never
/// contains secret values; `ErrorReporter` maps it to an exit status in one place.
public struct LisaError: Error, Sendable, CustomStringConvertible {
  public var status: ExitStatus
  public var message: String
  public var location: SourceLocation?
  public var hint: String?

  public init(_ status: ExitStatus, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
    self.status = status
    self.message = message
    self.location = location
    self.hint = hint
  }

  /// The single line printed on stderr.
  public var description: String {
    var text = ""
    if let location { text += location.description + ": " }
    text += message
    if let hint { text += " (hint: \(hint))" }
    return Self.singleLine(text)
  }

  static func singleLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }

  public static func usage(_ message: String, hint: String? = nil) -> LisaError {
    LisaError(.usage, message, hint: hint)
  }
}
