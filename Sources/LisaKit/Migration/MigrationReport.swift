import Foundation

/// What `lisa migrate config` did to each key, for the stderr summary and `--report FILE`.
public struct MigrationReport: Sendable {
  public struct Change: Sendable {
    public var path: String
    public var line: Int?
    public var detail: String

    var json: JSONValue {
      .object([("path", .string(path)), ("line", line.map { .int($0) } ?? .null), ("detail", .string(detail))])
    }
  }

  public var source: String
  public var environment: String
  public var output: String = ""
  public var dropped: [Change] = []
  public var renamed: [Change] = []
  public var changed: [Change] = []
  public var omittedDefaults: [Change] = []
  public var notes: [String] = []
  public var keptKeys = 0
  public var written = false

  public init(source: String, environment: String) {
    self.source = source
    self.environment = environment
  }

  public var summary: String {
    var parts = ["\(keptKeys) settings kept", "\(dropped.count) dropped", "\(renamed.count) renamed"]
    if !changed.isEmpty { parts.append("\(changed.count) rewritten") }
    parts.append("\(omittedDefaults.count) left to config-base.yaml")
    return "environment '\(environment)' of \(source): " + parts.joined(separator: ", ")
  }

  /// One line per change, for stderr.
  public var details: [String] {
    func line(_ verb: String, _ change: Change) -> String {
      "  \(verb) \(change.path)\(change.line.map { " (line \($0))" } ?? ""): \(change.detail)"
    }
    return renamed.map { line("renamed", $0) } + changed.map { line("rewrote", $0) } + dropped.map { line("dropped", $0) }
      + notes.map { "  note: \($0)" }
  }

  public var json: JSONValue {
    .object([
      ("source", .string(source)), ("environment", .string(environment)), ("output", .string(output)),
      ("written", .bool(written)), ("keptSettings", .int(keptKeys)),
      ("renamed", .array(renamed.map(\.json))), ("rewritten", .array(changed.map(\.json))),
      ("dropped", .array(dropped.map(\.json))), ("omittedDefaults", .array(omittedDefaults.map(\.json))),
      ("notes", .array(notes.map { .string($0) })),
    ])
  }
}
