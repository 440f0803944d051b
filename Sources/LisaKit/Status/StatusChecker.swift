import Foundation

/// Where `lisa status` looks. Each source is found lazily, inside its own part's time limit, so a
/// discovery that fails (no AWS region, no SSM parameter) turns only the parts that need it unknown.
public struct StatusSources: Sendable {
  /// LISA's REST API; nil for a plain LiteLLM stack.
  public var api: (@Sendable () async throws -> LisaAPIClient)?
  /// The Serve endpoint of LISA, or the LiteLLM proxy itself; given the API's credential when it was found.
  public var serve: @Sendable (APICredential?) async throws -> ServeProbe
  /// LISA's token table; nil for a plain LiteLLM stack.
  public var tokens: (@Sendable () async throws -> any KeyStore)?
  public var now: @Sendable () -> Date
  /// Each part's own limit, discovery included.
  public var timeout: TimeInterval

  public init(
    api: (@Sendable () async throws -> LisaAPIClient)?, serve: @escaping @Sendable (APICredential?) async throws -> ServeProbe,
    tokens: (@Sendable () async throws -> any KeyStore)?, now: @escaping @Sendable () -> Date, timeout: TimeInterval
  ) {
    self.api = api
    self.serve = serve
    self.tokens = tokens
    self.now = now
    self.timeout = timeout
  }
}

/// A source could not be found: the part is unknown, not down.
struct StatusDiscoveryError: Error {
  var error: any Error
}

/// A probe's request ran out of time: the part is unknown, as when the part's own deadline passes first (which of
/// the two fires first is a race the answer must not depend on).
struct StatusNoAnswer: Error {}

/// Checks every part of a deployment at once; none waits for another's time-out.
public struct StatusChecker: Sendable {
  public static let expiringWindow: TimeInterval = 7 * 24 * 3600
  let sources: StatusSources

  public init(sources: StatusSources) {
    self.sources = sources
  }

  public func check() async -> StatusReport {
    let timeout = sources.timeout
    let api = sources.api.map { find in
      Shared {
        // One attempt within the part's own limit: status reports what it sees now.
        var client = try await Self.discover(find)
        client.retry = AWSRetryPolicy(maxAttempts: 1, baseDelay: 0.1, maxDelay: 0.1)
        client.timeout = timeout
        return client
      }
    }
    let serveSource = sources.serve
    let serve = Shared {
      let credential = try? await api?.value().credential
      return try await Self.discover { try await serveSource(credential) }
    }
    let models = api.map { api in Shared { try await ModelsAPI(client: api.value()).listing() } }
    let isLisa = api != nil
    let tokens = sources.tokens
    let now = sources.now

    let jobs: [(String, @Sendable () async throws -> StatusPart)] = [
      ("api", { try await Self.apiPart(api, models) }),
      ("serve", { try await Self.servePart(isLisa ? serve : nil) }),
      ("litellm", { try await serve.value().litellmHealth() }),
      ("models", { try await Self.modelsPart(models, serve) }),
      ("rag", { try await Self.ragPart(api) }),
      ("tokens", { try await Self.tokensPart(tokens, now: now()) }),
    ]
    let parts = await withTaskGroup(of: (Int, StatusPart).self) { group in
      for (index, (name, job)) in jobs.enumerated() {
        group.addTask { (index, await Self.run(name, timeout: timeout, job)) }
      }
      var parts: [(Int, StatusPart)] = []
      for await part in group { parts.append(part) }
      return parts.sorted { $0.0 < $1.0 }.map(\.1)
    }
    return StatusReport(parts: parts, checkedAt: now())
  }

  static func run(_ name: String, timeout: TimeInterval, _ job: @escaping @Sendable () async throws -> StatusPart) async
    -> StatusPart
  {
    switch await withDeadline(timeout, job) {
    case nil, .failure(is StatusNoAnswer):
      return StatusPart(name, .unknown, "no answer within \(Self.secondsText(timeout))")
    case .success(let part):
      return part
    case .failure(let wrapped as StatusDiscoveryError):
      return StatusPart(name, .unknown, message(wrapped.error))
    case .failure(let error as LisaError) where error.status == .usage:
      return StatusPart(name, .unknown, message(error))
    case .failure(let error):
      return StatusPart(name, .down, message(error))
    }
  }

  static func message(_ error: any Error) -> String {
    (error as? LisaError)?.description ?? String(describing: error)
  }

  static func discover<T: Sendable>(_ find: @Sendable () async throws -> T) async throws -> T {
    do {
      return try await find()
    } catch {
      throw StatusDiscoveryError(error: error)
    }
  }

  static func secondsText(_ seconds: TimeInterval) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds))s" : String(format: "%.1fs", seconds)
  }

  static func skipped(_ name: String, _ why: String) -> StatusPart { StatusPart(name, .skipped, why) }

  static func servePart(_ serve: Shared<ServeProbe>?) async throws -> StatusPart {
    guard let serve else { return skipped("serve", "no LISA Serve in front of LiteLLM") }
    return try await serve.value().containerHealth()
  }

  static func apiPart(_ api: Shared<LisaAPIClient>?, _ models: Shared<ModelsAPI.Listing>?) async throws -> StatusPart {
    guard let api, let models else { return skipped("api", "a plain LiteLLM stack has no LISA API") }
    let client = try await api.value()
    _ = try await models.value()
    let host = client.endpoint.url.host ?? client.endpoint.url.absoluteString
    return StatusPart(
      "api", .up, "reachable at \(host), authenticated with \(client.credential)",
      details: [
        ("url", .string(client.endpoint.url.absoluteString)), ("urlSource", .string(client.endpoint.source)),
        ("credential", .string(client.credential.kind.rawValue)), ("credentialSource", .string(client.credential.source)),
      ])
  }

  static func modelsPart(_ models: Shared<ModelsAPI.Listing>?, _ serve: Shared<ServeProbe>) async throws -> StatusPart {
    async let served = attempt { try await serve.value().litellmModels() }
    guard let models else {
      let names = try await served.get()
      return StatusPart(
        "models", .up, "\(names.count) model\(names.count == 1 ? "" : "s") in LiteLLM",
        details: [("litellm", .array(names.sorted().map(JSONValue.string)))])
    }
    let listing = try await models.value()
    guard case .models(let lisaModels) = listing else {
      if case .refused(let problem) = listing { throw problem.listError(table: nil) }
      throw LisaError(.failure, "GET /models gave no list")
    }
    return ModelInventory(lisa: lisaModels, litellm: await served).part
  }

  static func ragPart(_ api: Shared<LisaAPIClient>?) async throws -> StatusPart {
    guard let api else { return skipped("rag", "a plain LiteLLM stack has no RAG repositories") }
    let repositories = try await RepositoryListing.list(try await api.value())
    let counts = Dictionary(grouping: repositories, by: \.status).mapValues(\.count)
    let failed = repositories.filter(\.isFailed).map(\.id)
    let summary = repositories.isEmpty ? "no RAG repositories" : "\(repositories.count) repositories: \(countText(counts))"
    return StatusPart(
      "rag", failed.isEmpty ? .up : .down, failed.isEmpty ? summary : summary + "; failed: \(failed.joined(separator: ", "))",
      details: [("byStatus", countsJSON(counts)), ("failed", .array(failed.map(JSONValue.string)))])
  }

  static func tokensPart(_ tokens: (@Sendable () async throws -> any KeyStore)?, now: Date) async throws -> StatusPart {
    guard let tokens else { return skipped("tokens", "a plain LiteLLM stack keeps its keys in LiteLLM") }
    let store = try await discover(tokens)
    let counts = TokenCounts(try await store.list(), now: now)
    return StatusPart("tokens", .up, "\(store.label): \(counts.text)", details: [("store", .string(store.label))] + counts.json)
  }

  /// `3 InService, 1 Failed`, largest first, then by name.
  static func countText(_ counts: [String: Int]) -> String {
    counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
  }

  static func countsJSON(_ counts: [String: Int]) -> JSONValue {
    .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
  }
}

/// A value computed once and awaited by several parts.
final class Shared<Value: Sendable>: Sendable {
  private let task: Task<Value, any Error>

  init(_ make: @escaping @Sendable () async throws -> Value) {
    task = Task { try await make() }
  }

  func value() async throws -> Value { try await task.value }
}

func attempt<T: Sendable>(_ body: @Sendable () async throws -> T) async -> Result<T, any Error> {
  do {
    return .success(try await body())
  } catch {
    return .failure(error)
  }
}
