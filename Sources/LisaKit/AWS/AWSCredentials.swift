import Foundation

/// One set of AWS credentials and where they came from. The secret parts never appear in
/// `description`, so the value can be interpolated into errors and traces safely.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible {
  public var accessKeyID: String
  public var secretAccessKey: String
  public var sessionToken: String?
  public var expiration: Date?
  /// Where they were found, for messages: "environment variables", "profile 'prod' (~/.aws/credentials)".
  public var source: String

  public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil, source: String)
  {
    self.accessKeyID = accessKeyID
    self.secretAccessKey = secretAccessKey
    self.sessionToken = sessionToken
    self.expiration = expiration
    self.source = source
  }

  public var description: String {
    var text = "\(Self.mask(accessKeyID)) from \(source)"
    if let expiration { text += ", expires \(ISO8601DateFormatter().string(from: expiration))" }
    return text
  }

  /// Whether the credentials expire within `margin` seconds of `now`.
  public func expires(within margin: TimeInterval, of now: Date) -> Bool {
    guard let expiration else { return false }
    return expiration.timeIntervalSince(now) <= margin
  }

  /// The first four characters and an ellipsis: enough to tell keys apart, not enough to use one.
  public static func mask(_ secret: String) -> String {
    secret.count <= 4 ? "…" : String(secret.prefix(4)) + "…"
  }
}

/// Something that hands out credentials, refreshing them when they are about to expire.
public protocol AWSCredentialsProvider: Sendable {
  func credentials() async throws -> AWSCredentials
}

public struct StaticCredentialsProvider: AWSCredentialsProvider {
  public let value: AWSCredentials
  public init(_ value: AWSCredentials) { self.value = value }
  public func credentials() async throws -> AWSCredentials { value }
}

/// Resolves once, then again only when the credentials are within `refreshMargin` of expiring,
/// so a long scan keeps working across an assumed role's one-hour lifetime.
public actor CachingCredentialsProvider: AWSCredentialsProvider {
  private let resolve: @Sendable () async throws -> AWSCredentials
  private let now: @Sendable () -> Date
  private let refreshMargin: TimeInterval
  private var cached: AWSCredentials?
  private var inFlight: Task<AWSCredentials, Error>?

  public init(
    refreshMargin: TimeInterval = 300, now: @escaping @Sendable () -> Date,
    resolve: @escaping @Sendable () async throws -> AWSCredentials
  ) {
    self.resolve = resolve
    self.now = now
    self.refreshMargin = refreshMargin
  }

  public func credentials() async throws -> AWSCredentials {
    if let cached, !cached.expires(within: refreshMargin, of: now()) { return cached }
    if let inFlight { return try await inFlight.value }
    let task = Task { try await resolve() }
    inFlight = task
    defer { inFlight = nil }
    let fresh = try await task.value
    cached = fresh
    return fresh
  }
}

/// `dump` and test failure output walk mirrors, not `description`; keep the secret out of those too.
extension AWSCredentials: CustomReflectable {
  public var customMirror: Mirror {
    Mirror(
      self, children: ["accessKeyID": Self.mask(accessKeyID), "expiration": expiration as Any, "source": source],
      displayStyle: .struct)
  }
}
