import Foundation

/// One call to the LISA REST API: `GET /models/{id}`, `PUT /models/{id}` with a JSON body, …
public struct APIRequest: Sendable {
  public enum Method: String, Sendable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"
  }

  public var method: Method
  /// Path segments below the base URL, unescaped: `["models", "my model"]` → `/models/my%20model`.
  public var path: [String]
  public var query: [(String, String)]
  public var body: JSONValue?
  /// What the call acts on, as a user names it ("model 'mistral-7b'"), for errors.
  public var resource: String
  /// Whether repeating the call after an unclear failure (no response, 5xx) can do no harm.
  /// Only reads are, in LISA: a repeated PUT or DELETE meets a model that already moved on.
  public var retrySafe: Bool
  /// For calls that are not retry-safe: asks the server whether an attempt that failed unclearly
  /// took effect anyway. True means it did (stop, report success); false means retrying is safe.
  public var tookEffect: (@Sendable () async throws -> Bool)?

  public init(
    _ method: Method, _ path: [String], query: [(String, String)] = [], body: JSONValue? = nil, resource: String,
    retrySafe: Bool? = nil, tookEffect: (@Sendable () async throws -> Bool)? = nil
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.body = body
    self.resource = resource
    self.retrySafe = retrySafe ?? (method == .get)
    self.tookEffect = tookEffect
  }

  /// The path as traces and errors show it, for a call whose path holds a secret (LISA names a legacy
  /// token by its plaintext).
  public var shownPath: [String]?

  /// What a 500 to this call most likely means, when LISA is known to answer a refusal that way.
  public var serverErrorHint: String?

  /// A plain-text body instead of JSON: LISA's presigned-URL route takes the S3 key as the whole body
  /// (docs/lisa/rag-api.md#documents).
  public var textBody: String?

  /// `GET /models/x` for traces and errors; never the body or headers.
  public var summary: String { "\(method.rawValue) /" + (shownPath ?? path).joined(separator: "/") }

  /// The full URL below `base`, which may carry a path of its own (API Gateway's `/prod` stage).
  public func url(base: URL) throws -> URL {
    guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else {
      throw LisaError(.usage, "LISA API URL \(base.absoluteString) is not a valid URL")
    }
    try checkSegments()
    let basePath =
      components.percentEncodedPath.hasSuffix("/")
      ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
    components.percentEncodedPath = basePath + "/" + path.map(Self.escapeSegment).joined(separator: "/")
    if !query.isEmpty {
      components.percentEncodedQuery = query.map { "\(Self.escapeQuery($0.0))=\(Self.escapeQuery($0.1))" }.joined(separator: "&")
    }
    guard let url = components.url else {
      throw LisaError(.usage, "cannot build a URL for \(summary) below \(base.absoluteString)")
    }
    return url
  }

  static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  /// Every character outside RFC 3986's unreserved set is percent-encoded; so are the dots of a `.` or `..`
  /// segment, which HTTP intermediaries would otherwise resolve into another path.
  static func escapeSegment(_ segment: String) -> String {
    if segment == "." || segment == ".." { return String(repeating: "%2E", count: segment.count) }
    return segment.addingPercentEncoding(withAllowedCharacters: unreserved) ?? segment
  }

  /// Names that no encoding gets to LISA intact: an empty one (the request would go to the parent route),
  /// and one with `/`, which LISA's Lambda decodes back into a separator (docs/lisa/models-api.md#paths).
  func checkSegments() throws {
    for segment in path.dropFirst() {
      if segment.isEmpty { throw LisaError(.usage, "\(resource): an empty name cannot be sent as part of \(summary)") }
      if segment.contains("/") {
        let name = shownPath == nil ? "the name '\(segment)'" : "this name"  // a legacy token's name is its secret
        throw LisaError(
          .invalid,
          "\(resource): LISA's API cannot reach \(name): its Lambda decodes %2F back into '/' before "
            + "routing, so the request would meet another route",
          hint: "names with '/' can only be read or changed in LISA's DynamoDB tables")
      }
    }
  }

  static func escapeQuery(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }
}

/// A successful (2xx) answer.
public struct APIResponse: Sendable {
  public var status: Int
  public var headers: [String: String]
  public var body: Data
  /// The parsed body; `.null` for an empty one.
  public var json: JSONValue
  /// True when an unclear failure was followed by a check showing the call had taken effect; the body is empty then.
  public var confirmedByCheck: Bool

  public init(
    status: Int, headers: [String: String] = [:], body: Data = Data(), json: JSONValue = .null, confirmedByCheck: Bool = false
  ) {
    self.status = status
    self.headers = headers
    self.body = body
    self.json = json
    self.confirmedByCheck = confirmedByCheck
  }

  /// API Gateway's request id, for `-v` and for support cases.
  public var requestID: String? { headers["x-amzn-requestid"] ?? headers["x-amz-apigw-id"] ?? headers["x-request-id"] }
}

/// One line per attempt for `-v`: method, path, status, request id, time. Never bodies or credentials.
public struct APITraceEvent: Sendable, CustomStringConvertible {
  public var summary: String
  public var attempt: Int
  public var status: Int?
  public var requestID: String?
  public var milliseconds: Int
  public var retryIn: TimeInterval?
  public var note: String?

  public var description: String {
    var text = "api: \(summary) attempt \(attempt): "
    text += status.map { "HTTP \($0)" } ?? "no response"
    if let requestID { text += ", request id \(requestID)" }
    text += ", \(milliseconds) ms"
    if let retryIn { text += String(format: ", retrying in %.2f s", retryIn) }
    if let note { text += " (\(note))" }
    return text
  }
}
