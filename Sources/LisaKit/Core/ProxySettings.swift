import Foundation

/// `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` read as the aws CLI reads them (Python's rules): the
/// lower-case name wins over the upper-case one, a URL without a scheme is an HTTP proxy, and a
/// `NO_PROXY` entry matches a host, any host under a domain (`.example.com` or `example.com`), an
/// IPv4 network (`10.0.0.0/8`), a `host:port`, or everything (`*`).
public struct ProxySettings: Sendable, Equatable {
  public var https: ProxyServer?
  public var http: ProxyServer?
  public var bypass: [String]

  public init(https: ProxyServer? = nil, http: ProxyServer? = nil, bypass: [String] = []) {
    self.https = https
    self.http = http
    self.bypass = bypass
  }

  public init(environment: [String: String]) {
    func value(_ name: String) -> String? {
      for key in [name.lowercased(), name.uppercased()] {
        if let text = environment[key]?.trimmingCharacters(in: .whitespaces), !text.isEmpty { return text }
      }
      return nil
    }
    https = value("https_proxy").flatMap(ProxyServer.init(text:))
    http = value("http_proxy").flatMap(ProxyServer.init(text:))
    bypass = (value("no_proxy") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      .filter { !$0.isEmpty }
  }

  /// The proxy a request to `url` goes through, or nil for a direct connection.
  public func proxy(for url: URL) -> ProxyServer? {
    let server = url.scheme?.lowercased() == "https" ? https : http
    guard let server, let host = url.host?.lowercased() else { return nil }
    let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
    return bypass.contains { Self.matches($0, host: host, port: port) } ? nil : server
  }

  static func matches(_ entry: String, host: String, port: Int) -> Bool {
    if entry == "*" { return true }
    var name = entry
    if let colon = name.lastIndex(of: ":"), !name.contains("]"), let entryPort = Int(name[name.index(after: colon)...]) {
      guard entryPort == port else { return false }
      name = String(name[..<colon])
    }
    if name.contains("/") { return IPv4Network(name)?.contains(host) ?? false }
    while name.hasPrefix("*") || name.hasPrefix(".") { name.removeFirst() }
    let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
    return !name.isEmpty && (bare == name || bare.hasSuffix("." + name))
  }
}

/// An HTTP proxy from a `*_PROXY` variable: host, port and the optional `user:password@` part.
public struct ProxyServer: Sendable, Hashable {
  public var host: String
  public var port: Int
  public var username: String?
  public var password: String?

  public init(host: String, port: Int, username: String? = nil, password: String? = nil) {
    self.host = host
    self.port = port
    self.username = username
    self.password = password
  }

  init?(text: String) {
    let withScheme = text.contains("://") ? text : "http://" + text
    guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else { return nil }
    self.host = host
    port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
    username = components.user?.removingPercentEncoding
    password = components.password?.removingPercentEncoding
  }

  /// `host:port` without credentials, for messages.
  public var displayName: String { "\(host):\(port)" }
}

struct IPv4Network {
  let address: UInt32
  let mask: UInt32

  init?(_ text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let bits = Int(parts[1]), (0...32).contains(bits), let address = Self.parse(String(parts[0])) else {
      return nil
    }
    mask = bits == 0 ? 0 : UInt32.max << UInt32(32 - bits)
    self.address = address & mask
  }

  func contains(_ host: String) -> Bool {
    guard let value = Self.parse(host) else { return false }
    return value & mask == address
  }

  static func parse(_ text: String) -> UInt32? {
    let octets = text.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
    guard octets.count == 4, text.split(separator: ".", omittingEmptySubsequences: false).count == 4 else { return nil }
    return octets.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
  }
}
