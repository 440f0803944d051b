import Foundation
import LisaKit

/// `fake_lisa_tokens.py` (LISA's `/api-tokens`, docs/lisa/tokens.md#routes) run through `FakeLisaServer`. The
/// management key (`FakeLisaServer.token`) calls as an admin; tests register other callers with the
/// groups they should have. Use `FakeLisaServer.withTokenAPI(now:) { server in … }`.
extension FakeLisaServer {
  public static let tokenAdminGroup = "lisa-admins"
  public static let tokenAPIGroup = "lisa-api-users"

  public static var tokensScript: String {
    TestPaths.repository.appendingPathComponent("Tests/Support/fake_lisa_tokens.py").path
  }

  /// A token API whose clock reads `now`, so expiries the test's context computes are judged alike.
  public static func withTokenAPI<T>(now: Date? = nil, _ body: (FakeLisaServer) async throws -> T) async throws -> T {
    try await with(script: tokensScript) { server in
      if let now { try await server.setClock(now) }
      return try await body(server)
    }
  }

  public func setClock(_ now: Date) async throws {
    try await control("settings", "{\"now\": \(Int(now.timeIntervalSince1970))}")
  }

  /// Lets `credential` call as `username` with `groups`, as an OIDC user would.
  public func addIdentity(_ credential: String, username: String, groups: [String] = []) async throws {
    let body = JSONValue.object([
      ("credential", .string(credential)), ("username", .string(username)), ("groups", .array(groups.map { .string($0) })),
    ])
    try await control("identities", JSONWriter.compact(body))
  }

  /// Puts an item straight into the token table, as LISA (or an older LISA) would have written it.
  public func putItem(_ item: JSONValue) async throws {
    try await control("items", JSONWriter.compact(.object([("item", item)])))
  }

  /// A v6.1 item for `secret`, owned by `user`.
  public func putToken(
    secret: String, uuid: String, name: String, user: String, groups: [String] = [], system: Bool = false,
    createdAt: Date, expiresAt: Date
  ) async throws {
    try await putItem(
      .object([
        ("token", .string(LisaToken.hash(secret))), ("tokenUUID", .string(uuid)),
        ("tokenExpiration", .int(Int(expiresAt.timeIntervalSince1970))),
        ("createdDate", .int(Int(createdAt.timeIntervalSince1970))), ("createdBy", .string("seed")),
        ("username", .string(user)), ("groups", .array(groups.map { .string($0) })), ("name", .string(name)),
        ("isSystemToken", .bool(system)),
      ]))
  }

  /// Environment for a command that calls as `credential`.
  public func environment(credential: String) -> [String: String] {
    ["LISA_API_URL": apiURL, "LISA_API_TOKEN": credential]
  }

  /// The API calls seen, as `METHOD /path`.
  public func calls() async throws -> [String] {
    try await requests().map { "\($0["method"]?.plainText ?? "") \($0["path"]?.plainText ?? "")" }
  }
}
