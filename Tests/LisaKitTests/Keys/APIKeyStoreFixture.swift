import Foundation
import LisaKit
import LisaTestSupport

/// API key stores on the fake `/api-tokens`, whose clock is set to the stores' own, calling with the
/// management key or as a registered user. Every API and store trace line is recorded.
struct APIKeyStoreFixture {
  static let now = Date(timeIntervalSince1970: 1_795_000_000)
  static let day: TimeInterval = 86_400
  static let admins = FakeLisaServer.tokenAdminGroup
  static let apiUsers = FakeLisaServer.tokenAPIGroup

  let server: FakeLisaServer
  let traces = LineRecorder()

  /// A store calling with `credential` (default: the management key).
  func store(as credential: String = FakeLisaServer.token, adminGroup: String? = admins, now: Date = now) -> APIKeyStore {
    let traces = traces
    let client = LisaAPIClient(
      endpoint: LisaAPIEndpoint(url: URL(string: server.apiURL) ?? URL(fileURLWithPath: "/"), source: "test"),
      credential: APICredential(kind: .apiToken, source: "the test", value: credential), transport: AsyncHTTPTransport(),
      retry: AWSRetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05), trace: { traces.add($0.description) })
    return APIKeyStore(client: client, adminGroup: adminGroup, now: { now }, trace: { traces.add($0) })
  }

  /// A store calling as `username`, an OIDC user of the fake with `groups`.
  func store(user username: String, groups: [String]) async throws -> APIKeyStore {
    let credential = "oidc-\(username)-credential-0042"
    try await server.addIdentity(credential, username: username, groups: groups)
    return store(as: credential)
  }

  /// `create --user USER` through the admin route, with a 30-day expiry.
  func create(_ name: String, for user: String, system: Bool = false, in store: APIKeyStore) async throws -> IssuedKey {
    try await store.create(
      KeySpec(name: name, expiresAt: Self.now.addingTimeInterval(30 * Self.day), system: system, user: user))
  }

  func ids() async throws -> [String] { try await server.items().compactMap { $0["tokenUUID"]?.stringValue } }

  /// Whether any trace line holds one of `secrets`.
  func tracesHold(any secrets: [String]) -> Bool {
    traces.lines.contains { line in secrets.contains { line.contains($0) } }
  }
}

/// The `LisaError` that `body` throws; nil when it throws nothing or something else.
func thrownError(_ body: () async throws -> Void) async -> LisaError? {
  do {
    try await body()
    return nil
  } catch {
    return error as? LisaError
  }
}
