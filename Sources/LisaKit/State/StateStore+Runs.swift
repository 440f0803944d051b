import Foundation
import GRDB

extension StateStore {
  /// Returns the unfinished run with the same kind, source and target, or starts a new one. The
  /// unique partial index on unfinished runs makes this safe against two processes racing.
  public func startOrResume(
    kind: String, source: String, target: String, parameters: [String: String] = [:], phase: String = "started"
  ) throws -> RunStart {
    let parametersText = try Self.json(parameters)
    let time = timestamp
    return try write { db in
      if let existing = try Self.fetchUnfinished(db, kind: kind, source: source, target: target) {
        return RunStart(run: existing, resumed: true)
      }
      try db.execute(
        sql: """
          INSERT INTO run (kind, source, target, parameters, startedAt, updatedAt, phase)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [kind, source, target, parametersText, time, time, phase])
      guard let run = try Self.fetchRun(db, id: db.lastInsertedRowID) else {
        throw LisaError(.failure, "state database: the new run cannot be read back")
      }
      return RunStart(run: run, resumed: false)
    }
  }

  public func unfinishedRun(kind: String, source: String, target: String) throws -> Run? {
    try read { db in try Self.fetchUnfinished(db, kind: kind, source: source, target: target) }
  }

  public func run(id: Int64) throws -> Run? {
    try read { db in try Self.fetchRun(db, id: id) }
  }

  /// Newest first.
  public func recentRuns(limit: Int = 50) throws -> [Run] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY startedAt DESC, id DESC LIMIT ?", arguments: [limit]).map(
        Self.run(from:))
    }
  }

  /// Moves an unfinished run to its next phase, optionally replacing its counts.
  public func advance(_ runId: Int64, to phase: String, counts: [String: Int]? = nil) throws {
    try updateUnfinished(runId, set: "phase = ?", arguments: [phase], counts: counts)
  }

  public func attachBackup(path: String, to runId: Int64) throws {
    try updateUnfinished(runId, set: "backupPath = ?", arguments: [path], counts: nil)
  }

  /// Ends a run; afterwards `startOrResume` with the same kind, source and target starts afresh.
  @discardableResult
  public func finish(_ runId: Int64, outcome: RunOutcome, counts: [String: Int]? = nil) throws -> Run {
    let time = timestamp
    try updateUnfinished(
      runId, set: "endedAt = ?, outcome = ?, phase = 'finished'", arguments: [time, outcome.rawValue], counts: counts)
    guard let run = try run(id: runId) else { throw LisaError(.notFound, "run \(runId) is not in the state database") }
    return run
  }

  func updateUnfinished(
    _ runId: Int64, set assignments: String, arguments: [(any DatabaseValueConvertible)?], counts: [String: Int]?
  ) throws {
    let countsText = try counts.map(Self.json)
    let time = timestamp
    try write { db in
      try db.execute(
        sql: "UPDATE run SET \(assignments), updatedAt = ?, counts = coalesce(?, counts) WHERE id = ? AND endedAt IS NULL",
        arguments: StatementArguments(arguments + [time, countsText, runId]))
      if db.changesCount == 0 { try Self.requireUnfinished(db, runId) }
    }
  }

  static func requireUnfinished(_ db: Database, _ runId: Int64) throws {
    guard let row = try Row.fetchOne(db, sql: "SELECT endedAt FROM run WHERE id = ?", arguments: [runId]) else {
      throw LisaError(.notFound, "run \(runId) is not in the state database")
    }
    if let endedAt: Double = row["endedAt"] {
      throw LisaError(.conflict, "run \(runId) already finished at \(Date(timeIntervalSince1970: endedAt).formatted(.iso8601))")
    }
  }

  static func fetchUnfinished(_ db: Database, kind: String, source: String, target: String) throws -> Run? {
    try Row.fetchOne(
      db, sql: "SELECT * FROM run WHERE kind = ? AND source = ? AND target = ? AND endedAt IS NULL",
      arguments: [kind, source, target]
    ).map(run(from:))
  }

  static func fetchRun(_ db: Database, id: Int64) throws -> Run? {
    try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]).map(run(from:))
  }

  static func run(from row: Row) throws -> Run {
    let endedAt: Double? = row["endedAt"]
    let outcome: String? = row["outcome"]
    return Run(
      id: row["id"], kind: row["kind"], source: row["source"], target: row["target"],
      parameters: try decode([String: String].self, row["parameters"]),
      startedAt: Date(timeIntervalSince1970: row["startedAt"]), updatedAt: Date(timeIntervalSince1970: row["updatedAt"]),
      endedAt: endedAt.map(Date.init(timeIntervalSince1970:)), phase: row["phase"],
      counts: try decode([String: Int].self, row["counts"]), outcome: outcome.flatMap(RunOutcome.init(rawValue:)),
      backupPath: row["backupPath"])
  }

  static func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
    do {
      return try JSONDecoder().decode(type, from: Data(text.utf8))
    } catch {
      throw LisaError(.dataError, "state database: a run holds unreadable JSON (\(text.prefix(40)))")
    }
  }
}
