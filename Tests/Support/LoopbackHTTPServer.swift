import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for fakes (instance metadata, container credentials).
/// One connection at a time, `Connection: close`; it records every request it saw.
public final class LoopbackHTTPServer: @unchecked Sendable {
  public struct Request: Sendable {
    public var method: String
    public var path: String
    /// Lower-cased names.
    public var headers: [String: String]
    public var body: Data
  }

  public struct Response: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
    /// Sends only this many bytes of the response, then resets the connection (RST), as a crashing server does.
    public var resetAfter: Int?

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), resetAfter: Int? = nil) {
      self.status = status
      self.headers = headers
      self.body = body
      self.resetAfter = resetAfter
    }

    public static func text(_ text: String, status: Int = 200) -> Response {
      Response(status: status, headers: ["Content-Type": "text/plain"], body: Data(text.utf8))
    }

    public static func json(_ text: String, status: Int = 200) -> Response {
      Response(status: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }
  }

  public let port: Int
  public var url: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }
  private let listener: Int32
  private let handler: @Sendable (Request) -> Response?
  private let lock = NSLock()
  private var seen: [Request] = []
  private var stopped = false
  private let finished = DispatchSemaphore(value: 0)

  /// `handler` returns nil to drop the connection without answering.
  public init(handler: @escaping @Sendable (Request) -> Response?) throws {
    listener = try LoopbackSockets.bindLoopback(port: 0)
    port = try LoopbackSockets.boundPort(listener)
    guard listen(listener, 16) == 0 else {
      close(listener)
      throw SocketError("listen(): \(String(cString: strerror(errno)))")
    }
    self.handler = handler
    Thread.detachNewThread { [self] in
      acceptLoop()
      finished.signal()
    }
  }

  public var requests: [Request] {
    lock.lock()
    defer { lock.unlock() }
    return seen
  }

  public func stop() {
    lock.lock()
    let wasStopped = stopped
    stopped = true
    lock.unlock()
    guard !wasStopped else { return }
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
    finished.wait()
  }

  deinit { stop() }

  private func acceptLoop() {
    while true {
      let connection = accept(listener, nil, nil)
      if connection < 0 {
        if errno == EINTR { continue }
        return
      }
      serve(connection)
      close(connection)
    }
  }

  private func serve(_ fd: Int32) {
    guard let request = readRequest(fd) else { return }
    lock.lock()
    seen.append(request)
    lock.unlock()
    guard let response = handler(request) else { return }
    var head = "HTTP/1.1 \(response.status) \(response.status < 400 ? "OK" : "Error")\r\n"
    var headers = response.headers
    headers["Content-Length"] = String(response.body.count)
    headers["Connection"] = "close"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "\r\n"
    let whole = Data(head.utf8) + response.body
    guard let cut = response.resetAfter else { return writeAll(fd, whole) }
    writeAll(fd, whole.prefix(cut))
    var reset = linger(l_onoff: 1, l_linger: 0)
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, socklen_t(MemoryLayout<linger>.size))
  }

  private func readRequest(_ fd: Int32) -> Request? {
    var buffer = Data()
    var chunk = [UInt8](repeating: 0, count: 4096)
    let separator = Data("\r\n\r\n".utf8)
    while buffer.range(of: separator) == nil {
      let n = read(fd, &chunk, chunk.count)
      guard n > 0 else { return nil }
      buffer.append(contentsOf: chunk[0..<n])
    }
    guard let split = buffer.range(of: separator) else { return nil }
    let lines = String(decoding: buffer[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let parts = lines.first?.split(separator: " ") ?? []
    guard parts.count >= 2 else { return nil }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    var body = Data(buffer[split.upperBound...])
    let length = Int(headers["content-length"] ?? "") ?? 0
    while body.count < length {
      let n = read(fd, &chunk, min(chunk.count, length - body.count))
      guard n > 0 else { break }
      body.append(contentsOf: chunk[0..<n])
    }
    return Request(method: String(parts[0]), path: String(parts[1]), headers: headers, body: body)
  }

  private func writeAll(_ fd: Int32, _ data: Data) {
    data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let n = write(fd, base + offset, buffer.count - offset)
        if n <= 0 { return }
        offset += n
      }
    }
  }
}
