import Foundation

/// Sends one signed request to one service endpoint with retries, and turns failures into
/// one-line `LisaError`s. The JSON and Query protocol clients are thin layers over this.
public struct AWSRequestSender: Sendable {
  public var service: AWSService
  public var region: String
  public var endpoint: URL
  public var credentials: any AWSCredentialsProvider
  public var transport: any HTTPTransport
  public var retry: AWSRetryPolicy
  public var timeout: TimeInterval
  public var now: @Sendable () -> Date
  public var trace: (@Sendable (AWSTraceEvent) -> Void)?
  /// The PEM bundle of CAs trusted for the endpoint; nil for the system trust store.
  public var caBundle: String?
  /// One line per retry of a slow or failed call (`RetryNotice`).
  public var notice: (@Sendable (String) -> Void)?

  public init(
    service: AWSService, region: String, endpoint: URL, credentials: any AWSCredentialsProvider,
    transport: any HTTPTransport, retry: AWSRetryPolicy = .standard, timeout: TimeInterval = 30,
    now: @escaping @Sendable () -> Date, trace: (@Sendable (AWSTraceEvent) -> Void)? = nil, caBundle: String? = nil,
    notice: (@Sendable (String) -> Void)? = nil
  ) {
    self.caBundle = caBundle
    self.notice = notice
    self.service = service
    self.region = region
    self.endpoint = endpoint
    self.credentials = credentials
    self.transport = transport
    self.retry = retry
    self.timeout = timeout
    self.now = now
    self.trace = trace
  }

  /// Sends `body` to the endpoint and returns a 2xx response. Error codes in `passthrough` are thrown
  /// as `AWSServiceError` for the caller to interpret; every other failure becomes a `LisaError`.
  public func send(
    _ call: AWSCall, headers: [String: String], body: Data, passthrough: Set<String> = []
  ) async throws -> HTTPResponse {
    var attempt = 0
    let notices = RetryNotice(host: SigV4Signer.hostHeader(endpoint), what: call.action, sink: notice)
    while true {
      attempt += 1
      try Task.checkCancellation()
      let creds = try await credentials.credentials()
      let signer = SigV4Signer(credentials: creds, region: region, service: service.signingName)
      var unsigned = HTTPRequest(method: "POST", url: endpoint, headers: headers, body: body, caBundle: caBundle)
      unsigned.label = "\(call.action) attempt \(attempt) of \(retry.maxAttempts)"
      let request = signer.sign(unsigned, date: now())
      let started = ContinuousClock.now
      let response: HTTPResponse
      do {
        response = try await transport.send(request, timeout: timeout)
      } catch let error as TransportError {
        let canRetry = call.retrySafe && attempt < retry.maxAttempts && error.kind != .certificate
        let wait = canRetry ? retry.delay(beforeRetry: attempt) : nil
        emit(call, attempt, started, status: nil, code: nil, requestID: nil, retryIn: wait)
        if let wait {
          notices.retrying(attempt: attempt, of: retry.maxAttempts, reason: error.reason, wait: wait, force: true)
          try await retry.sleep(wait)
          continue
        }
        if error.kind == .certificate {
          throw AWSErrorTranslator.untrusted(call, endpoint: endpoint, error: error, caBundle: caBundle)
        }
        throw AWSErrorTranslator.unreachable(call, endpoint: endpoint, error: error, attempts: attempt)
      }
      if (200..<300).contains(response.status) {
        emit(call, attempt, started, status: response.status, code: nil, requestID: Self.requestID(response), retryIn: nil)
        return response
      }
      let error = AWSServiceError.from(response)
      let retryable = error.isThrottling || (error.isServerError && call.retrySafe)
      let wait =
        retryable && attempt < retry.maxAttempts ? retry.delay(beforeRetry: attempt, retryAfter: Self.retryAfter(response)) : nil
      emit(call, attempt, started, status: response.status, code: error.code, requestID: error.requestID, retryIn: wait)
      if let wait {
        notices.retrying(attempt: attempt, of: retry.maxAttempts, reason: "HTTP \(response.status) \(error.code)", wait: wait)
        try await retry.sleep(wait)
        continue
      }
      if passthrough.contains(error.code) { throw error }
      throw AWSErrorTranslator.translate(
        error, call: call, region: region, credentialSource: creds.source, attempts: attempt, exhaustedRetries: retryable)
    }
  }

  private func emit(
    _ call: AWSCall, _ attempt: Int, _ started: ContinuousClock.Instant, status: Int?, code: String?, requestID: String?,
    retryIn: TimeInterval?
  ) {
    guard let trace else { return }
    let ms = (ContinuousClock.now - started).milliseconds
    trace(
      AWSTraceEvent(
        action: call.action, attempt: attempt, status: status, errorCode: code, requestID: requestID, milliseconds: ms,
        retryIn: retryIn))
  }

  static func requestID(_ response: HTTPResponse) -> String? {
    response.headers["x-amzn-requestid"] ?? response.headers["x-amz-request-id"]
  }

  /// `Retry-After` in seconds; the HTTP-date form is not used by AWS services.
  static func retryAfter(_ response: HTTPResponse) -> TimeInterval? {
    response.headers["retry-after"].flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
  }
}
