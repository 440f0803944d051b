import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns what AsyncHTTPClient and SwiftNIO throw into one short `TransportError` reason a user can act on.
enum TransportFailure {
  static func describe(_ error: any Error, url: URL, timeout: TimeInterval, proxy: ProxyServer?) -> TransportError {
    let seconds = Int(timeout.rounded(.up))
    let via = proxy.map { " (through proxy \($0.displayName))" } ?? ""
    if let error = error as? HTTPClientError {
      switch error {
      case .deadlineExceeded, .readTimeout, .writeTimeout:
        return TransportError(url: url, reason: "no answer within \(seconds) s\(via)", kind: .timeout)
      case .connectTimeout, .getConnectionFromPoolTimeout:
        return TransportError(url: url, reason: "could not connect within \(seconds) s\(via)", kind: .timeout)
      case .tlsHandshakeTimeout:
        return TransportError(url: url, reason: "no TLS handshake within \(seconds) s\(via)", kind: .timeout)
      case .httpProxyHandshakeTimeout:
        return TransportError(url: url, reason: "the proxy\(via) did not open a tunnel in time", kind: .timeout)
      case .remoteConnectionClosed:
        return TransportError(url: url, reason: "the connection closed before a complete answer\(via)")
      case .proxyAuthenticationRequired:
        return TransportError(url: url, reason: "the proxy\(via) asks for credentials (407)")
      case .invalidProxyResponse:
        return TransportError(url: url, reason: "the proxy\(via) refused the tunnel")
      default:
        return TransportError(url: url, reason: error.shortDescription + via)
      }
    }
    if let reason = certificateProblem(error) {
      return TransportError(url: url, reason: reason, kind: .certificate)
    }
    if let code = errnoCode(error) {
      return TransportError(url: url, reason: String(cString: strerror(code)).lowercased() + via)
    }
    if let error = error as? NIOConnectionError, error.dnsAError != nil, error.dnsAAAAError != nil,
      error.connectionErrors.isEmpty
    {
      return TransportError(url: url, reason: "cannot resolve \(error.host)")
    }
    if error is NIOSSLError || error is BoringSSLError {
      return TransportError(url: url, reason: "TLS failed: \(error)\(via)")
    }
    return TransportError(url: url, reason: "\(error)\(via)")
  }

  /// A certificate the trust store rejects, or one issued for another name.
  static func certificateProblem(_ error: any Error) -> String? {
    if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
      return "its TLS certificate is not issued for this host name"
    }
    let text = String(describing: error)
    guard error is NIOSSLError || error is BoringSSLError, text.contains("CERTIFICATE_VERIFY_FAILED") else { return nil }
    if text.contains("self-signed") || text.contains("self signed") {
      return "its TLS certificate is self-signed and not trusted"
    }
    return "its TLS certificate is not trusted (signed by an unknown CA)"
  }

  private static func errnoCode(_ error: any Error) -> Int32? {
    if let error = error as? IOError { return error.errnoCode }
    if let error = error as? NIOConnectionError {
      for failure in error.connectionErrors {
        if let code = errnoCode(failure.error) { return code }
      }
    }
    if let error = error as? ChannelError, case .connectTimeout(_) = error { return ETIMEDOUT }
    return nil
  }
}
