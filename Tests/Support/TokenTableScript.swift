import Foundation

/// Runs Tests/Support/token_tables.py (boto3, independent of lisa) against a moto server.
public enum TokenTableScript {
  public static var python: String { TestPaths.repository.appendingPathComponent(".venv/bin/python").path }
  public static var script: String { TestPaths.repository.appendingPathComponent("Tests/Support/token_tables.py").path }

  @discardableResult
  public static func run(_ arguments: [String]) async throws -> String {
    let result = try await Subprocess.run(python, [script] + arguments)
    guard result.status == 0 else {
      throw ScriptFailure(description: "token_tables.py \(arguments.first ?? "") failed: \(result.stderr.suffix(800))")
    }
    return result.stdout
  }

  public static func seed(endpoint: URL, table: String, target: String?, count: Int, now: Date, secrets: URL) async throws {
    var arguments = [
      "seed", "--endpoint", endpoint.absoluteString, "--table", table, "--count", String(count),
      "--now", String(Int(now.timeIntervalSince1970)), "--secrets", secrets.path,
    ]
    if let target { arguments += ["--target", target] }
    try await run(arguments)
  }

  public static func dump(endpoint: URL, table: String) async throws -> [String] {
    try await run(["dump", "--endpoint", endpoint.absoluteString, "--table", table]).split(separator: "\n").map(String.init)
  }

  public struct CheckResult: Decodable, Sendable {
    public var accepted: Int
    public var expiredAbsent: Int
    public var missing: Int
    public var bad: Int
    public var problems: [String]
  }

  public static func check(endpoint: URL, table: String, secrets: URL, now: Date) async throws -> CheckResult {
    let output = try await run([
      "check", "--endpoint", endpoint.absoluteString, "--table", table, "--secrets", secrets.path,
      "--now", String(Int(now.timeIntervalSince1970)),
    ])
    return try JSONDecoder().decode(CheckResult.self, from: Data(output.utf8))
  }

  /// Gives the first `count` items a random tokenUUID, so a migration finds them different.
  public static func retag(endpoint: URL, table: String, count: Int) async throws {
    try await run(["retag", "--endpoint", endpoint.absoluteString, "--table", table, "--count", String(count)])
  }

  public static func create(endpoint: URL, table: String, v61: Bool) async throws {
    try await run(["create", "--endpoint", endpoint.absoluteString, "--table", table] + (v61 ? ["--v61"] : []))
  }
}

extension TokenTableScript {
  /// Deletes a table, as a teardown does.
  public static func drop(endpoint: URL, table: String) async throws {
    try await run(["drop", "--endpoint", endpoint.absoluteString, "--table", table])
  }
}

public struct ScriptFailure: Error, CustomStringConvertible {
  public var description: String
}
