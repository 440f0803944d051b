import Foundation

/// How many times to try an AWS call and how long to wait between tries: capped exponential
/// backoff with full jitter (a random wait between 0 and min(cap, base * 2^attempt)).
public struct AWSRetryPolicy: Sendable {
  public var maxAttempts: Int
  public var baseDelay: TimeInterval
  public var maxDelay: TimeInterval
  /// Waits; tests inject one that records instead of sleeping.
  public var sleep: @Sendable (TimeInterval) async throws -> Void
  /// A uniform random number in [0, 1); tests inject a fixed one.
  public var random: @Sendable () -> Double

  public init(
    maxAttempts: Int = 5, baseDelay: TimeInterval = 0.1, maxDelay: TimeInterval = 20,
    sleep: @escaping @Sendable (TimeInterval) async throws -> Void = AWSRetryPolicy.taskSleep,
    random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.sleep = sleep
    self.random = random
  }

  public static let standard = AWSRetryPolicy()
  /// Ten attempts from 50 ms, what botocore's legacy retry mode gives DynamoDB: a table's throughput throttles a bulk
  /// copy far more often than other services throttle single calls, and giving up mid-migration costs a re-run.
  public static let dynamoDB = AWSRetryPolicy(maxAttempts: 10, baseDelay: 0.05)

  /// The wait before retry number `retry` (1 for the first retry). A server's `Retry-After`
  /// is a floor, still capped by `maxDelay`.
  public func delay(beforeRetry retry: Int, retryAfter: TimeInterval? = nil) -> TimeInterval {
    let exponent = min(max(retry - 1, 0), 30)
    let ceiling = min(maxDelay, baseDelay * pow(2, Double(exponent)))
    let jittered = ceiling * min(max(random(), 0), 1)
    guard let retryAfter, retryAfter > 0 else { return jittered }
    return min(maxDelay, max(jittered, retryAfter))
  }

  public static let taskSleep: @Sendable (TimeInterval) async throws -> Void = { seconds in
    guard seconds > 0 else { return }
    try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
  }
}

/// What one AWS call is, for retry decisions and for the one-line error a user sees.
public struct AWSCall: Sendable {
  public var service: AWSService
  public var operation: String
  /// What the call acts on, as a user would name it: "table prod-LISAApiTokenTable", "parameter /prod/x".
  public var resource: String?
  /// True when repeating the call after it may have succeeded cannot do harm: reads, and writes the
  /// caller has guarded (conditional puts, batch writes of fixed items).
  public var retrySafe: Bool

  public init(service: AWSService, operation: String, resource: String? = nil, retrySafe: Bool) {
    self.service = service
    self.operation = operation
    self.resource = resource
    self.retrySafe = retrySafe
  }

  /// "dynamodb:Scan", the IAM action name.
  public var action: String { "\(service.signingName):\(operation)" }
}

/// One line per attempt for `-v`: action, status, request id, time. Never request or response bodies.
public struct AWSTraceEvent: Sendable, CustomStringConvertible {
  public var action: String
  public var attempt: Int
  public var status: Int?
  public var errorCode: String?
  public var requestID: String?
  public var milliseconds: Int
  public var retryIn: TimeInterval?

  public var description: String {
    var text = "\(action) attempt \(attempt): "
    if let status { text += "HTTP \(status)" } else { text += "no response" }
    if let errorCode { text += " \(errorCode)" }
    if let requestID { text += ", request id \(requestID)" }
    text += ", \(milliseconds) ms"
    if let retryIn { text += String(format: ", retrying in %.2f s", retryIn) }
    return text
  }
}
