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
  /// Set instead of `body` for an upload too large to hold in memory; the transport reads the file
  /// while sending.
  public var fileBody: HTTPFileBody?

  public init(
    method: String, url: URL, headers: [String: String] = [:], body: Data = Data(), fileBody: HTTPFileBody? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.fileBody = fileBody
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
    // A file body is spooled, prefix + file + suffix, through a small buffer into a temporary file that the
    // upload task reads: the file is never held in memory whole, whatever its size.
    var spooled: URL?
    if let file = request.fileBody {
      spooled = try Self.spool(file, url: request.url)
    } else if !request.body.isEmpty {
      urlRequest.httpBody = request.body
    }
    defer { if let spooled { try? FileManager.default.removeItem(at: spooled) } }
    let exchange = Exchange()
    let (data, response) = try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        exchange.start(session: session, request: urlRequest, body: spooled, timeout: timeout, continuation: continuation)
      }
    } onCancel: {
      exchange.finish(.failure(CancellationError()))
    }
    guard let http = response as? HTTPURLResponse else { throw TransportError(url: request.url, reason: "not an HTTP response") }
    var headers: [String: String] = [:]
    for (key, value) in http.allHeaderFields {
      if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
    }
    return HTTPResponse(status: http.statusCode, headers: headers, body: data)
  }

  static func spool(_ body: HTTPFileBody, url: URL) throws -> URL {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("lisa-upload-\(UUID().uuidString)")
    guard let input = FileHandle(forReadingAtPath: body.path) else {
      throw TransportError(url: url, reason: "cannot read \(body.path)")
    }
    defer { try? input.close() }
    guard FileManager.default.createFile(atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600]),
      let output = FileHandle(forWritingAtPath: target.path)
    else { throw TransportError(url: url, reason: "cannot write a temporary file for the upload") }
    defer { try? output.close() }
    do {
      try output.write(contentsOf: body.prefix)
      while let chunk = try input.read(upToCount: 256 * 1024), !chunk.isEmpty { try output.write(contentsOf: chunk) }
      try output.write(contentsOf: body.suffix)
    } catch {
      try? FileManager.default.removeItem(at: target)
      throw TransportError(url: url, reason: "cannot spool \(body.path) for the upload: \(error)")
    }
    return target
  }
}

/// One request and its deadline. FoundationNetworking on Linux does not always honour a request's
/// timeout (a reset on a reused connection can stall a request for a minute), so the deadline is
/// enforced here and the caller is answered without waiting for the stalled task to notice.
/// A dispatch timer rather than a sleeping Swift task: a sleeping task per request stays allocated
/// until its deadline, which made RSS grow with the request rate (measured: +22 MB per 4,000 requests).
private final class Exchange: @unchecked Sendable {
  private let lock = NSLock()
  private var continuation: CheckedContinuation<(Data, URLResponse), any Error>?
  private var task: URLSessionTask?
  private var timer: DispatchSourceTimer?
  private var url: URL?
  private var started = false
  private var cancelledBeforeStart = false

  func start(
    session: URLSession, request: URLRequest, body: URL?, timeout: TimeInterval,
    continuation: CheckedContinuation<(Data, URLResponse), any Error>
  ) {
    let completion: @Sendable (Data?, URLResponse?, (any Error)?) -> Void = { [self] data, response, error in
      if let error {
        finish(.failure(error))
      } else if let response {
        finish(.success((data ?? Data(), response)))
      } else {
        finish(.failure(URLError(.badServerResponse)))
      }
    }
    let task =
      body.map { session.uploadTask(with: request, fromFile: $0, completionHandler: completion) }
      ?? session.dataTask(with: request, completionHandler: completion)
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + max(timeout, 0.001))
    let timedOut = TransportError(url: request.url ?? URL(fileURLWithPath: "/"), reason: "no answer within \(Int(timeout)) s")
    timer.setEventHandler { [self] in finish(.failure(timedOut)) }
    lock.lock()
    started = true
    if cancelledBeforeStart {
      lock.unlock()
      continuation.resume(throwing: CancellationError())
      return
    }
    self.continuation = continuation
    self.task = task
    self.timer = timer
    self.url = request.url
    lock.unlock()
    timer.resume()
    task.resume()
  }

  /// Answers the caller with the first result; later ones are dropped.
  func finish(_ result: Result<(Data, URLResponse), any Error>) {
    lock.lock()
    guard let continuation else {
      if !started { cancelledBeforeStart = true }
      lock.unlock()
      return
    }
    let (task, timer, url) = (self.task, self.timer, self.url)
    self.continuation = nil
    self.task = nil
    self.timer = nil
    lock.unlock()
    timer?.cancel()
    if case .failure = result { task?.cancel() }
    switch result {
    case .failure(let error as URLError):
      let reason = error.localizedDescription + " (URLError \(error.code.rawValue))"
      continuation.resume(throwing: TransportError(url: url ?? URL(fileURLWithPath: "/"), reason: reason))
    default:
      continuation.resume(with: result)
    }
  }
}
