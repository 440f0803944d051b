import Crypto
import Foundation

/// AWS Signature Version 4 for header-signed requests (not S3: paths are normalised, payloads hashed).
public struct SigV4Signer: Sendable {
  /// The intermediate values, exposed so tests can check each against AWS's published suite.
  public struct Signature: Sendable, Equatable {
    public var canonicalRequest: String
    public var stringToSign: String
    public var signedHeaders: String
    public var authorization: String
  }

  public static let algorithm = "AWS4-HMAC-SHA256"
  /// Headers that proxies and clients rewrite; signing them would break the signature in transit.
  static let unsignedHeaders: Set<String> = ["authorization", "user-agent", "expect", "x-amzn-trace-id", "content-length"]

  public var credentials: AWSCredentials
  public var region: String
  /// The service's signing name, e.g. "dynamodb".
  public var service: String

  public init(credentials: AWSCredentials, region: String, service: String) {
    self.credentials = credentials
    self.region = region
    self.service = service
  }

  /// The request with `X-Amz-Date`, `X-Amz-Security-Token` (for session credentials) and `Authorization` set.
  public func sign(_ request: HTTPRequest, date: Date) -> HTTPRequest {
    let prepared = stamped(request, date: date)
    var signed = prepared
    signed.headers["Authorization"] = signature(forStamped: prepared, date: date).authorization
    return signed
  }

  /// Every step of signing `request` at `date`, after adding the date and token headers.
  public func signature(for request: HTTPRequest, date: Date) -> Signature {
    signature(forStamped: stamped(request, date: date), date: date)
  }

  private func stamped(_ request: HTTPRequest, date: Date) -> HTTPRequest {
    var request = request
    Self.setHeader(&request, "X-Amz-Date", Self.timestamp(date).full)
    if let token = credentials.sessionToken, !token.isEmpty { Self.setHeader(&request, "X-Amz-Security-Token", token) }
    return request
  }

  private func signature(forStamped request: HTTPRequest, date: Date) -> Signature {
    let stamp = Self.timestamp(date)
    let headers = Self.canonicalHeaders(request)
    let signedHeaders = headers.map(\.name).joined(separator: ";")
    let canonical = [
      request.method.uppercased(),
      Self.canonicalURI(request.url),
      Self.canonicalQuery(request.url),
      headers.map { "\($0.name):\($0.value)\n" }.joined(),
      signedHeaders,
      Self.hexSHA256(request.body),
    ].joined(separator: "\n")
    let scope = "\(stamp.day)/\(region)/\(service)/aws4_request"
    let stringToSign = [Self.algorithm, stamp.full, scope, Self.hexSHA256(Data(canonical.utf8))].joined(separator: "\n")
    let key = Self.signingKey(secret: credentials.secretAccessKey, day: stamp.day, region: region, service: service)
    let signature = Hex.lower(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
    let authorization =
      "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    return Signature(
      canonicalRequest: canonical, stringToSign: stringToSign, signedHeaders: signedHeaders, authorization: authorization)
  }

  /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request").
  public static func signingKey(secret: String, day: String, region: String, service: String) -> SymmetricKey {
    var key = SymmetricKey(data: Data(("AWS4" + secret).utf8))
    for part in [day, region, service, "aws4_request"] {
      key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
    }
    return key
  }

  // MARK: canonical parts

  static func canonicalURI(_ url: URL) -> String {
    let raw = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? "/"
    var segments: [String] = []
    for segment in raw.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": _ = segments.popLast()
      default: segments.append(uriEncode(String(segment).removingPercentEncoding ?? String(segment)))
      }
    }
    if segments.isEmpty { return "/" }
    return "/" + segments.joined(separator: "/") + (raw.hasSuffix("/") ? "/" : "")
  }

  static func canonicalQuery(_ url: URL) -> String {
    guard let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery, !query.isEmpty else {
      return ""
    }
    let pairs = query.split(separator: "&").map { item -> (String, String) in
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
      let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
      return (uriEncode(name), uriEncode(value))
    }
    return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
  }

  static func canonicalHeaders(_ request: HTTPRequest) -> [(name: String, value: String)] {
    var values: [String: String] = [:]
    for (name, value) in request.headers {
      let lower = name.lowercased()
      if unsignedHeaders.contains(lower) { continue }
      let normalized = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
      values[lower] = values[lower].map { $0 + "," + normalized } ?? normalized
    }
    if values["host"] == nil { values["host"] = hostHeader(request.url) }
    return values.keys.sorted().map { ($0, values[$0] ?? "") }
  }

  /// The Host header an HTTP client sends for `url`: the port only when it is not the scheme's default.
  public static func hostHeader(_ url: URL) -> String {
    let host = url.host ?? ""
    guard let port = url.port else { return host }
    let scheme = url.scheme?.lowercased()
    if (scheme == "https" && port == 443) || (scheme == "http" && port == 80) { return host }
    return "\(host):\(port)"
  }

  static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)

  /// RFC 3986 percent-encoding of everything but the unreserved characters, upper-case hex.
  public static func uriEncode(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      if unreserved.contains(byte) {
        out.append(byte)
      } else {
        out.append(UInt8(ascii: "%"))
        Hex.append(byte, digits: Hex.upperDigits, to: &out)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: helpers

  static func setHeader(_ request: inout HTTPRequest, _ name: String, _ value: String) {
    for key in request.headers.keys where key.lowercased() == name.lowercased() { request.headers[key] = nil }
    request.headers[name] = value
  }

  static func hexSHA256(_ data: Data) -> String { Hex.lower(SHA256.hash(data: data)) }

  /// "20150830T123600Z" and "20150830", in UTC; put together digit by digit (once per request: a Calendar and
  /// String(format:) each time cost more than the signing's hashes on Linux).
  static func timestamp(_ date: Date) -> (full: String, day: String) {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var day: [UInt8] = []
    digits(Int(parts.tm_year) + 1900, 4, into: &day)
    digits(Int(parts.tm_mon) + 1, 2, into: &day)
    digits(Int(parts.tm_mday), 2, into: &day)
    var full = day + [UInt8(ascii: "T")]
    for value in [parts.tm_hour, parts.tm_min, parts.tm_sec] { digits(Int(value), 2, into: &full) }
    full.append(UInt8(ascii: "Z"))
    return (String(decoding: full, as: UTF8.self), String(decoding: day, as: UTF8.self))
  }

  private static func digits(_ value: Int, _ width: Int, into out: inout [UInt8]) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    for _ in 0..<width {
      out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
      divisor /= 10
    }
  }
}
