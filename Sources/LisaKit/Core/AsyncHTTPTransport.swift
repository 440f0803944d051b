import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `HTTPTransport` on AsyncHTTPClient (SwiftNIO): pooled connections from `HTTPClientPool`, one deadline
/// per request covering the whole exchange (connect, send, the last byte of the answer), request bodies
/// streamed from disk, and one line through `notice` when a request has had no answer for `slowAfter` seconds.
public struct AsyncHTTPTransport: HTTPTransport {
  public var proxies: ProxySettings
  /// Gets the slow-request line ("127.0.0.1: no answer yet to … after 5 s"); nil stays quiet.
  public var notice: (@Sendable (String) -> Void)?
  public var slowAfter: TimeInterval
  /// A larger answer is an error instead of unbounded memory; the largest AWS answers are 16 MB batch reads.
  public var maxResponseBytes: Int
  let pool: HTTPClientPool

  public init(
    proxies: ProxySettings = ProxySettings(), notice: (@Sendable (String) -> Void)? = nil, slowAfter: TimeInterval = 5,
    maxResponseBytes: Int = 64 << 20
  ) {
    self.proxies = proxies
    self.notice = notice
    self.slowAfter = slowAfter
    self.maxResponseBytes = maxResponseBytes
    pool = .shared
  }

  /// The transport a process uses: proxies from its environment.
  public init(environment: [String: String], notice: (@Sendable (String) -> Void)? = nil) {
    self.init(proxies: ProxySettings(environment: environment), notice: notice)
  }

  public func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
    let proxy = proxies.proxy(for: request.url)
    let client: HTTPClient
    do {
      client = try pool.client(caBundle: request.caBundle, proxy: proxy)
    } catch {
      throw TransportError(url: request.url, reason: "CA bundle \(error.path): \(error.reason)", kind: .certificate)
    }
    let outgoing = try Self.outgoing(request)
    let seconds = max(timeout, 0.001)
    let deadline = NIODeadline.now() + .nanoseconds(Int64(seconds * 1_000_000_000))
    let slow = slowNotice(request, proxy: proxy, timeout: seconds, on: client.eventLoopGroup.any())
    defer { slow?.cancel() }
    do {
      let response = try await client.execute(outgoing, deadline: deadline)
      let body = try await collect(response, request: request, deadline: deadline)
      var headers: [String: String] = [:]
      for (name, value) in response.headers {
        let key = name.lowercased()
        headers[key] = headers[key].map { $0 + "," + value } ?? value
      }
      return HTTPResponse(status: Int(response.status.code), headers: headers, body: body)
    } catch let error as TransportError {
      throw error
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      if Task.isCancelled { throw CancellationError() }
      throw TransportFailure.describe(error, url: request.url, timeout: seconds, proxy: proxy)
    }
  }

  static func outgoing(_ request: HTTPRequest) throws -> HTTPClientRequest {
    var outgoing = HTTPClientRequest(url: request.url.absoluteString)
    outgoing.method = HTTPMethod(rawValue: request.method)
    for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
    if let file = request.fileBody {
      let chunks = try FileBodyChunks(file, url: request.url)
      outgoing.body = .stream(chunks, length: .known(Int64(chunks.length)))
    } else if !request.body.isEmpty {
      outgoing.body = .bytes(ByteBuffer(copying: request.body))
    }
    return outgoing
  }

  /// Reads the answer as it arrives, within the request's deadline and the size limit.
  private func collect(_ response: HTTPClientResponse, request: HTTPRequest, deadline: NIODeadline) async throws -> Data {
    let limit = maxResponseBytes
    let declared = response.headers.first(name: "content-length").flatMap(Int.init)
    if let declared, declared > limit { throw tooLarge(request, limit) }
    let remaining = deadline - .now()
    return try await withThrowingTaskGroup(of: Data?.self) { group in
      group.addTask {
        var data = Data()
        data.reserveCapacity(min(declared ?? 0, limit))
        for try await chunk in response.body {
          guard data.count + chunk.readableBytes <= limit else { throw tooLarge(request, limit) }
          data.append(contentsOf: chunk.readableBytesView)
        }
        return data
      }
      group.addTask {
        try await Task.sleep(nanoseconds: UInt64(max(remaining.nanoseconds, 0)))
        return nil
      }
      defer { group.cancelAll() }
      guard let first = try await group.next(), let data = first else {
        let seconds = Int((Double(remaining.nanoseconds) / 1e9).rounded(.up))
        throw TransportError(url: request.url, reason: "the answer did not complete within \(seconds) s", kind: .timeout)
      }
      return data
    }
  }

  private func tooLarge(_ request: HTTPRequest, _ limit: Int) -> TransportError {
    TransportError(url: request.url, reason: "the answer is larger than \(limit >> 20) MB", kind: .connection)
  }

  /// One line once the request has waited `slowAfter` seconds, from an event-loop timer (no task, no thread).
  private func slowNotice(
    _ request: HTTPRequest, proxy: ProxyServer?, timeout: TimeInterval, on loop: any EventLoop
  ) -> Scheduled<Void>? {
    guard let notice, slowAfter < timeout else { return nil }
    let host = request.url.host ?? request.url.absoluteString
    let what = request.label ?? "\(request.method) \(request.url.path.isEmpty ? "/" : request.url.path)"
    let via = proxy.map { " through proxy \($0.displayName)" } ?? ""
    let line =
      "\(host): no answer yet to \(what) after \(String(format: "%g", slowAfter)) s\(via); "
      + "giving up at \(String(format: "%g", timeout)) s"
    return loop.scheduleTask(in: .nanoseconds(Int64(slowAfter * 1_000_000_000))) { notice(line) }
  }
}

/// The file of an `HTTPFileBody` between its prefix and suffix, read in 64 KB chunks while the request is sent.
struct FileBodyChunks: AsyncSequence, Sendable {
  typealias Element = ByteBuffer
  let prefix: Data
  let path: String
  let suffix: Data
  let length: Int

  init(_ body: HTTPFileBody, url: URL) throws {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: body.path),
      let size = (attributes[.size] as? NSNumber)?.intValue, FileManager.default.isReadableFile(atPath: body.path)
    else { throw TransportError(url: url, reason: "cannot read \(body.path)") }
    prefix = body.prefix
    path = body.path
    suffix = body.suffix
    length = body.prefix.count + size + body.suffix.count
  }

  func makeAsyncIterator() -> Iterator { Iterator(self) }

  struct Iterator: AsyncIteratorProtocol {
    enum Stage { case prefix, file(FileHandle), suffix, done }
    let body: FileBodyChunks
    var stage = Stage.prefix

    init(_ body: FileBodyChunks) { self.body = body }

    mutating func next() async throws -> ByteBuffer? {
      while true {
        switch stage {
        case .prefix:
          guard let handle = FileHandle(forReadingAtPath: body.path) else {
            throw TransportError(url: URL(fileURLWithPath: body.path), reason: "cannot read \(body.path)")
          }
          stage = .file(handle)
          if !body.prefix.isEmpty { return ByteBuffer(copying: body.prefix) }
        case .file(let handle):
          if let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty { return ByteBuffer(copying: chunk) }
          try? handle.close()
          stage = .suffix
        case .suffix:
          stage = .done
          if !body.suffix.isEmpty { return ByteBuffer(copying: body.suffix) }
        case .done:
          return nil
        }
      }
    }
  }
}

extension ByteBuffer {
  init(copying data: Data) {
    self = ByteBufferAllocator().buffer(capacity: data.count)
    writeBytes(data)
  }
}
