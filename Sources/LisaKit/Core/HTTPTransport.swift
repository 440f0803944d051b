import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

public struct HTTPRequest: Sendable {
  public var method: String
  public var url: URL
  /// Header names as sent; lookups are case-insensitive on the server side.
  public var headers: [String: String]
  public var body: Data

  public init(method: String, url: URL, headers: [String: String] = [:], body: Data = Data()) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
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
  public var url: URL
  public var reason: String
  public var description: String { "\(url.host ?? url.absoluteString): \(reason)" }
}

/// The one way `lisa` talks HTTP, so tests can swap it and clients stay small.
public protocol HTTPTransport: Sendable {
  func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse
}

public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
  private let session: URLSession

  public init() {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 16
    configuration.urlCache = nil
    session = URLSession(configuration: configuration)
  }

  public func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
    var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
    urlRequest.httpMethod = request.method
    for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
    if !request.body.isEmpty { urlRequest.httpBody = request.body }
    do {
      let prepared = urlRequest
      let (data, response) = try await withDeadline(timeout, url: request.url) { [session] in try await session.data(for: prepared) }
      guard let http = response as? HTTPURLResponse else { throw TransportError(url: request.url, reason: "not an HTTP response") }
      var headers: [String: String] = [:]
      for (key, value) in http.allHeaderFields {
        if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
      }
      return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    } catch let error as URLError {
      throw TransportError(url: request.url, reason: error.localizedDescription + " (URLError \(error.code.rawValue))")
    }
  }

  /// FoundationNetworking on Linux does not always honour a request's timeout (a reset on a reused
  /// connection can stall a request for a minute), so the deadline is enforced here, without waiting
  /// for the stalled request to notice its cancellation.
  private func withDeadline<T: Sendable>(
    _ timeout: TimeInterval, url: URL, _ operation: @escaping @Sendable () async throws -> T
  ) async throws -> T {
    let first = FirstResult<T>()
    return try await withCheckedThrowingContinuation { continuation in
      first.continuation = continuation
      let work = Task { first.finish(await Result(catching: operation)) }
      Task {
        try? await Task.sleep(nanoseconds: UInt64(max(timeout, 0.001) * 1_000_000_000))
        if first.finish(.failure(TransportError(url: url, reason: "no answer within \(Int(timeout)) s"))) { work.cancel() }
      }
    }
  }
}

/// Resumes a continuation with whichever result arrives first; later ones are dropped.
private final class FirstResult<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  var continuation: CheckedContinuation<T, any Error>?

  @discardableResult
  func finish(_ result: Result<T, any Error>) -> Bool {
    lock.lock()
    guard let continuation else {
      lock.unlock()
      return false
    }
    self.continuation = nil
    lock.unlock()
    continuation.resume(with: result)
    return true
  }
}

extension Result where Failure == any Error {
  init(catching body: () async throws -> Success) async {
    do {
      self = .success(try await body())
    } catch {
      self = .failure(error)
    }
  }
}
