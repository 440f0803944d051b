import Foundation

/// Plain GETs against LISA's Serve endpoint (its container and LiteLLM behind the `/v2/serve`
/// passthrough) or against a LiteLLM proxy itself (docs/lisa/status.md). One attempt each: a status
/// check reports what it sees now instead of retrying it away.
public struct ServeProbe: Sendable {
  public enum Target: Sendable {
    /// LISA's Serve REST API: the container's `/health`, LiteLLM under `/v2/serve/…`.
    case lisaServe(URL)
    /// A LiteLLM proxy on its own: its routes at the root.
    case litellm(URL)

    var base: URL {
      switch self {
      case .lisaServe(let url), .litellm(let url): url
      }
    }

    /// Where LiteLLM's own routes are below the base.
    var litellmPrefix: String {
      switch self {
      case .lisaServe: "/v2/serve"
      case .litellm: ""
      }
    }
  }

  public struct Answer: Sendable {
    public var status: Int
    public var json: JSONValue?
    public var text: String
  }

  public let target: Target
  let credential: APICredential?
  let transport: any HTTPTransport
  let timeout: TimeInterval

  public init(target: Target, credential: APICredential?, transport: any HTTPTransport, timeout: TimeInterval) {
    self.target = target
    self.credential = credential
    self.transport = transport
    self.timeout = timeout
  }

  /// `GET base + path`; a transport failure is thrown as `.unavailable`, a request out of time as `StatusNoAnswer`.
  public func get(_ path: String) async throws -> Answer {
    var base = target.base.absoluteString
    while base.hasSuffix("/") { base.removeLast() }
    guard let url = URL(string: base + path) else { throw LisaError(.usage, "\(base + path) is not a valid URL") }
    var headers = ["Accept": "application/json", "User-Agent": "lisa-cli"]
    if let credential { headers["Authorization"] = credential.authorizationHeader }
    let response: HTTPResponse
    do {
      response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: headers), timeout: timeout)
    } catch let error as TransportError where error.kind == .timeout {
      throw StatusNoAnswer()
    } catch let error as TransportError {
      throw LisaError(.unavailable, "GET \(path): \(error.reason)")
    }
    let text = String(decoding: response.body.prefix(64 * 1024), as: UTF8.self)
    let json = try? JSONValue.parse(response.body, source: "response")
    return Answer(status: response.status, json: json, text: credential?.redact(text) ?? text)
  }

  /// The Serve container's own `/health`.
  func containerHealth() async throws -> StatusPart {
    let answer = try await get("/health")
    guard (200..<300).contains(answer.status) else {
      return StatusPart("serve", .down, "GET /health answered \(answer.status)\(Self.brief(answer))")
    }
    return StatusPart("serve", .up, "container healthy (GET /health \(answer.status))")
  }

  /// LiteLLM's readiness (with its version) and liveness, `/health/liveness` first and the older
  /// `/health/liveliness` when that is not there (LiteLLM v1.81 added the new spelling; LISA v6.6's
  /// passthrough lets only the old one through for non-admins).
  func litellmHealth() async throws -> StatusPart {
    let prefix = target.litellmPrefix
    let readiness = try await get(prefix + "/health/readiness")
    var details: [(String, JSONValue)] = [("readinessStatus", .int(readiness.status))]
    var version = readiness.json?["litellm_version"]?.plainText
    if version == nil, (200..<300).contains(readiness.status) {
      // LiteLLM 1.108 keeps the version to the authenticated details route (docs/lisa/status.md#litellm).
      version = (try? await get(prefix + "/health/readiness/details"))?.json?["litellm_version"]?.plainText
    }
    details.append(("version", .optional(version)))
    if let db = readiness.json?["db"]?.plainText { details.append(("db", .string(db))) }
    var liveness = try await get(prefix + "/health/liveness")
    var livenessPath = "/health/liveness"
    if !(200..<300).contains(liveness.status) {
      liveness = try await get(prefix + "/health/liveliness")
      livenessPath = "/health/liveliness"
    }
    details += [("livenessPath", .string(livenessPath)), ("livenessStatus", .int(liveness.status))]
    let versionText = version.map { "LiteLLM \($0)" } ?? "LiteLLM (version not reported)"
    guard (200..<300).contains(readiness.status) else {
      return StatusPart(
        "litellm", .down, "GET \(prefix)/health/readiness answered \(readiness.status)\(Self.brief(readiness))",
        details: details)
    }
    guard (200..<300).contains(liveness.status) else {
      return StatusPart(
        "litellm", .down, "\(versionText) ready, but neither liveness route answered (\(liveness.status))", details: details)
    }
    return StatusPart("litellm", .up, "\(versionText) ready and live (\(livenessPath))", details: details)
  }

  /// The model names LiteLLM serves (`GET /models`, OpenAI's list shape).
  func litellmModels() async throws -> [String] {
    let path = target.litellmPrefix + "/models"
    let answer = try await get(path)
    guard (200..<300).contains(answer.status) else {
      throw LisaError(.unavailable, "GET \(path) answered \(answer.status)\(Self.brief(answer))")
    }
    guard let items = answer.json?["data"]?.arrayItems else {
      throw LisaError(.failure, "GET \(path) answered without a 'data' list")
    }
    return items.compactMap { $0["id"]?.stringValue }
  }

  /// `: <first 120 characters of the body>`, for a failing answer.
  static func brief(_ answer: Answer) -> String {
    let line = LisaError.singleLine(answer.text)
    return line.isEmpty ? "" : ": " + String(line.prefix(120))
  }
}
