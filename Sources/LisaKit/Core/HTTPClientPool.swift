import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// The process's HTTP clients: one per distinct trust store and proxy, each created at the first request
/// that needs it (a command that never talks HTTP sets up no event loop, socket or TLS context), shared
/// by every transport value, and shut down once by `HTTPClientPool.shutdown()` before the process exits.
/// Clients live as long as the process: an AsyncHTTPClient client must be shut down before it is freed.
public final class HTTPClientPool: @unchecked Sendable {
  public static let shared = HTTPClientPool()

  /// Connections kept per host; requests beyond it wait in the client's queue, so concurrency stays bounded.
  public static let connectionsPerHost = 64

  struct Key: Hashable {
    var caBundle: String?
    var proxy: ProxyServer?
  }

  private let lock = NSLock()
  private var clients: [Key: HTTPClient] = [:]
  private var failures: [String: String] = [:]

  init() {}

  func client(caBundle: String?, proxy: ProxyServer?) throws(CABundleError) -> HTTPClient {
    lock.lock()
    defer { lock.unlock() }
    let key = Key(caBundle: caBundle, proxy: proxy)
    if let client = clients[key] { return client }
    var configuration = HTTPClient.Configuration(
      // Redirects are not followed: a request's Authorization header must never reach another host.
      redirectConfiguration: .disallow,
      timeout: .init(connect: .seconds(10), read: nil),
      proxy: proxy.map(Self.proxy))
    configuration.connectionPool = .init(
      idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: Self.connectionsPerHost)
    // A refused connection is answered at once; the callers' retry policy decides about another try.
    configuration.connectionPool.retryConnectionEstablishment = false
    if let caBundle {
      if let reason = failures[caBundle] { throw CABundleError(path: caBundle, reason: reason) }
      do {
        configuration.tlsConfiguration = try Self.tls(trusting: caBundle)
      } catch {
        failures[caBundle] = error.reason
        throw error
      }
    }
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    clients[key] = client
    return client
  }

  /// Shuts every client down; the next request creates a new one.
  public func shutdown() async {
    let all = lock.withLock {
      let all = Array(clients.values)
      clients = [:]
      return all
    }
    for client in all { try? await client.shutdown() }
  }

  /// `HTTPClientPool.shared.shutdown()`, for the end of a command.
  public static func shutdown() async { await shared.shutdown() }

  static func tls(trusting path: String) throws(CABundleError) -> TLSConfiguration {
    let certificates: [NIOSSLCertificate]
    do {
      certificates = try NIOSSLCertificate.fromPEMFile(path)
    } catch {
      let reason = FileManager.default.isReadableFile(atPath: path) ? "no PEM certificate in it" : "cannot read it"
      throw CABundleError(path: path, reason: reason)
    }
    guard !certificates.isEmpty else { throw CABundleError(path: path, reason: "no PEM certificate in it") }
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.trustRoots = .certificates(certificates)
    return tls
  }

  static func proxy(_ server: ProxyServer) -> HTTPClient.Configuration.Proxy {
    guard let username = server.username else { return .server(host: server.host, port: server.port) }
    return .server(
      host: server.host, port: server.port,
      authorization: .basic(username: username, password: server.password ?? ""))
  }
}

/// A CA bundle that cannot be used: unreadable, or not PEM certificates.
struct CABundleError: Error {
  var path: String
  var reason: String
}
