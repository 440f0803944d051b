import Foundation

/// Runs Tests/Support/token_tables.py (boto3, independent of lisa) against a moto server.
public enum TokenTableScript {
  public static var python: String { TestPaths.repository.appendingPathComponent(".venv/bin/python").path }
  public static var script: String { TestPaths.repository.appendingPathComponent("Tests/Support/token_tables.py").path }

  @discardableResult
  public static func run(_ arguments: [String]) throws -> String {
    let result = try Subprocess.run(python, [script] + arguments)
    guard result.status == 0 else {
      throw ScriptFailure(description: "token_tables.py \(arguments.first ?? "") failed: \(result.stderr.suffix(800))")
    }
    return result.stdout
  }

  public static func seed(endpoint: URL, table: String, target: String?, count: Int, now: Date, secrets: URL) throws {
    var arguments = [
      "seed", "--endpoint", endpoint.absoluteString, "--table", table, "--count", String(count),
      "--now", String(Int(now.timeIntervalSince1970)), "--secrets", secrets.path,
    ]
    if let target { arguments += ["--target", target] }
    try run(arguments)
  }

  public static func dump(endpoint: URL, table: String) throws -> [String] {
    try run(["dump", "--endpoint", endpoint.absoluteString, "--table", table]).split(separator: "\n").map(String.init)
  }

  public struct CheckResult: Decodable, Sendable {
    public var accepted: Int
    public var expiredAbsent: Int
    public var missing: Int
    public var bad: Int
    public var problems: [String]
  }

  public static func check(endpoint: URL, table: String, secrets: URL, now: Date) throws -> CheckResult {
    let output = try run([
      "check", "--endpoint", endpoint.absoluteString, "--table", table, "--secrets", secrets.path,
      "--now", String(Int(now.timeIntervalSince1970)),
    ])
    return try JSONDecoder().decode(CheckResult.self, from: Data(output.utf8))
  }

  /// Gives the first `count` items a random tokenUUID, so a migration finds them different.
  public static func retag(endpoint: URL, table: String, count: Int) throws {
    try run(["retag", "--endpoint", endpoint.absoluteString, "--table", table, "--count", String(count)])
  }

  public static func create(endpoint: URL, table: String, v61: Bool) throws {
    try run(["create", "--endpoint", endpoint.absoluteString, "--table", table] + (v61 ? ["--v61"] : []))
  }
}

extension TokenTableScript {
  /// Deletes a table, as a teardown does.
  public static func drop(endpoint: URL, table: String) throws {
    try run(["drop", "--endpoint", endpoint.absoluteString, "--table", table])
  }
}

public struct ScriptFailure: Error, CustomStringConvertible {
  public var description: String
}
