import Foundation

public struct HTTPRequest: Sendable {
  public var method: String
  public var url: URL
  /// Header names as sent; lookups are case-insensitive on the server side.
  public var headers: [String: String]
  public var body: Data
  /// Set instead of `body` for an upload too large to hold in memory; the transport reads the file
  /// while sending.
  public var fileBody: HTTPFileBody?
  /// A PEM file of CA certificates to trust for this request's TLS instead of the system trust store
  /// (`--ca-bundle`, `AWS_CA_BUNDLE`, `--api-ca-bundle`, `LISA_CA_BUNDLE`).
  public var caBundle: String?
  /// What the request is, for the line printed while it is slow ("dynamodb:Scan attempt 2 of 5"); never secrets.
  public var label: String?

  public init(
    method: String, url: URL, headers: [String: String] = [:], body: Data = Data(), fileBody: HTTPFileBody? = nil,
    caBundle: String? = nil, label: String? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.fileBody = fileBody
    self.caBundle = caBundle
    self.label = label
  }
}

/// A body sent as `prefix`, the bytes of the file at `path`, then `suffix`: a multipart form whose
/// last part is a file (the presigned S3 POST of a document upload).
public struct HTTPFileBody: Sendable {
  public var prefix: Data
  public var path: String
  public var suffix: Data

  public init(prefix: Data, path: String, suffix: Data) {
    self.prefix = prefix
    self.path = path
    self.suffix = suffix
  }
}

public struct HTTPResponse: Sendable {
  public var status: Int
  /// Lower-cased header names.
  public var headers: [String: String]
  public var body: Data

  public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
    self.status = status
    self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
    self.body = body
  }
}

/// A request that never got an HTTP response (refused, reset, timed out, DNS).
public struct TransportError: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// Connected (or connecting) and no complete answer in time.
    case timeout
    /// Refused, reset, closed early, DNS, a malformed answer: worth another attempt for a safe call.
    case connection
    /// The server's TLS certificate is not trusted, or the CA bundle cannot be used: another attempt
    /// gives the same answer.
    case certificate
  }

  public var url: URL
  public var reason: String
  public var kind: Kind

  public init(url: URL, reason: String, kind: Kind = .connection) {
    self.url = url
    self.reason = reason
    self.kind = kind
  }

  public var host: String { url.host ?? url.absoluteString }
  public var description: String { "\(host): \(reason)" }
}

/// The name of the transport before it moved to AsyncHTTPClient.
@available(*, deprecated, renamed: "AsyncHTTPTransport")
public typealias URLSessionTransport = AsyncHTTPTransport

/// The one way `lisa` talks HTTP, so tests can swap it and clients stay small.
public protocol HTTPTransport: Sendable {
  func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse
}
