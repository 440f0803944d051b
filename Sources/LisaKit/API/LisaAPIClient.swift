import Foundation

/// A small client for LISA's REST API (`/models`, `/repository`, `/api-tokens`): JSON in and out,
/// the `Authorization` header, timeouts, retries with backoff and jitter on throttling, 5xx and
/// connection errors (a 500 is retried once only), and one-line errors that name the credential's kind
/// and source, never its value.
public struct LisaAPIClient: Sendable {
  public let endpoint: LisaAPIEndpoint
  public let credential: APICredential
  public var transport: any HTTPTransport
  public var retry: AWSRetryPolicy
  public var timeout: TimeInterval
  /// Called once per attempt; the CLI prints these under `-v`.
  public var trace: (@Sendable (APITraceEvent) -> Void)?
  /// The PEM bundle of CAs trusted for the API (`--api-ca-bundle`, `LISA_CA_BUNDLE`); nil for the system store.
  public var caBundle: String?
  /// One line per retry of a slow or failed call (`RetryNotice`); the CLI prints it unless -q.
  public var notice: (@Sendable (String) -> Void)?

  public init(
    endpoint: LisaAPIEndpoint, credential: APICredential, transport: any HTTPTransport,
    retry: AWSRetryPolicy = AWSRetryPolicy(maxAttempts: 4, baseDelay: 0.5, maxDelay: 10), timeout: TimeInterval = 30,
    trace: (@Sendable (APITraceEvent) -> Void)? = nil, caBundle: String? = nil, notice: (@Sendable (String) -> Void)? = nil
  ) {
    self.caBundle = caBundle
    self.notice = notice
    self.endpoint = endpoint
    self.credential = credential
    self.transport = transport
    self.retry = retry
    self.timeout = timeout
    self.trace = trace
  }

  /// Sends the request and returns its 2xx answer, retrying what can safely be retried. Statuses in
  /// `accepting` (a 404 for "does it exist?") are answers too, returned instead of thrown.
  public func send(_ request: APIRequest, accepting: Set<Int> = []) async throws -> APIResponse {
    var http = try httpRequest(request)
    let notices = RetryNotice(host: endpoint.url.host ?? endpoint.url.absoluteString, what: request.summary, sink: notice)
    var attempt = 0
    while true {
      attempt += 1
      try Task.checkCancellation()
      http.label = "\(request.summary) attempt \(attempt) of \(retry.maxAttempts)"
      let started = ContinuousClock.now
      let response: HTTPResponse
      do {
        response = try await transport.send(http, timeout: timeout)
      } catch let error as TransportError {
        if error.kind == .certificate { throw untrusted(error) }
        if let outcome = try await afterUnclearFailure(
          request, attempt: attempt, maxAttempts: retry.maxAttempts, started: started, status: nil, retryAfter: nil,
          notices: notices, reason: error.reason)
        {
          if case .confirmed(let confirmed) = outcome { return confirmed }
          continue
        }
        emit(request, attempt, started, status: nil, requestID: nil)
        throw unreachable(request, error: error, attempts: attempt)
      }
      if (200..<300).contains(response.status) {
        emit(request, attempt, started, status: response.status, requestID: requestID(response))
        let json = response.body.isEmpty ? JSONValue.null : try parse(response.body, request: request)
        return APIResponse(status: response.status, headers: response.headers, body: response.body, json: json)
      }
      if accepting.contains(response.status) {
        emit(request, attempt, started, status: response.status, requestID: requestID(response))
        let json = (try? JSONValue.parse(response.body, source: "response")) ?? .null
        return APIResponse(status: response.status, headers: response.headers, body: response.body, json: json)
      }
      let retryAfter = response.headers["retry-after"].flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
      if response.status == 429, attempt < retry.maxAttempts {
        // API Gateway throttles before the request reaches LISA, so any method may be repeated.
        let wait = retry.delay(beforeRetry: attempt, retryAfter: retryAfter)
        emit(request, attempt, started, status: 429, requestID: requestID(response), retryIn: wait)
        notices.retrying(attempt: attempt, of: retry.maxAttempts, reason: "HTTP 429", wait: wait)
        try await retry.sleep(wait)
        continue
      }
      // A 500 is LISA's own answer, mostly deterministic (docs/lisa/models-api.md#routes): tried twice at most.
      // 502-504 come from the gateway in front of it and get the whole policy.
      let attempts = response.status == 500 ? min(2, retry.maxAttempts) : retry.maxAttempts
      if (500...599).contains(response.status),
        let outcome = try await afterUnclearFailure(
          request, attempt: attempt, maxAttempts: attempts, started: started, status: response.status, retryAfter: retryAfter,
          response: response, notices: notices, reason: "HTTP \(response.status)")
      {
        if case .confirmed(let confirmed) = outcome { return confirmed }
        continue
      }
      emit(request, attempt, started, status: response.status, requestID: requestID(response))
      throw APIErrorMapper.error(for: response, request: request, credential: credential, endpoint: endpoint, attempts: attempt)
    }
  }

  /// The parsed body of a successful call.
  public func json(_ request: APIRequest) async throws -> JSONValue {
    try await send(request).json
  }

  private enum Outcome {
    case retry
    case confirmed(APIResponse)
  }

  /// After a 5xx or a lost connection: retry a safe call; ask a guarded call's check whether it
  /// happened; give up (nil) on anything else or when attempts run out.
  private func afterUnclearFailure(
    _ request: APIRequest, attempt: Int, maxAttempts: Int, started: ContinuousClock.Instant, status: Int?,
    retryAfter: TimeInterval?, response: HTTPResponse? = nil, notices: RetryNotice, reason: String
  ) async throws -> Outcome? {
    let id = response.flatMap(requestID)
    guard attempt < maxAttempts else { return nil }
    if !request.retrySafe {
      guard let check = request.tookEffect else { return nil }
      if try await check() {
        emit(request, attempt, started, status: status, requestID: id, note: "a check shows it took effect")
        return .confirmed(APIResponse(status: 200, confirmedByCheck: true))
      }
    }
    let wait = retry.delay(beforeRetry: attempt, retryAfter: retryAfter)
    emit(request, attempt, started, status: status, requestID: id, retryIn: wait)
    notices.retrying(attempt: attempt, of: maxAttempts, reason: reason, wait: wait, force: status == nil)
    try await retry.sleep(wait)
    return .retry
  }

  func httpRequest(_ request: APIRequest) throws -> HTTPRequest {
    var headers = ["Authorization": credential.authorizationHeader, "Accept": "application/json", "User-Agent": "lisa-cli"]
    var body = Data()
    if let json = request.body {
      headers["Content-Type"] = "application/json"
      body = Data(JSONWriter.compact(json).utf8)
    } else if let text = request.textBody {
      headers["Content-Type"] = "text/plain; charset=utf-8"
      body = Data(text.utf8)
    }
    return HTTPRequest(
      method: request.method.rawValue, url: try request.url(base: endpoint.url), headers: headers, body: body, caBundle: caBundle)
  }

  private func parse(_ body: Data, request: APIRequest) throws -> JSONValue {
    do {
      return try JSONValue.parse(body, source: "response")
    } catch {
      let host = endpoint.url.host ?? endpoint.url.absoluteString
      throw LisaError(
        .failure, "\(request.summary) at \(host) answered with something that is not JSON",
        hint: "check the API URL from \(endpoint.source); it should be LISA's API Gateway URL")
    }
  }

  /// A TLS certificate the trust store rejects: one line naming the host and the setting that fixes it.
  private func untrusted(_ error: TransportError) -> LisaError {
    let host = endpoint.url.host ?? endpoint.url.absoluteString
    let store = caBundle.map { "the CA bundle \($0)" } ?? "the system trust store"
    let checked = error.reason.hasPrefix("CA bundle") ? "" : " (checked against \(store))"
    return LisaError(
      .unavailable, "the LISA API at \(host): \(error.reason)\(checked)",
      hint: "set --api-ca-bundle FILE or LISA_CA_BUNDLE to the PEM file of the CA that signed it (LISA's ALB certificate)")
  }

  private func unreachable(_ request: APIRequest, error: TransportError, attempts: Int) -> LisaError {
    let host = endpoint.url.host ?? endpoint.url.absoluteString
    if request.retrySafe || request.tookEffect != nil {
      return LisaError(
        .unavailable,
        "cannot reach the LISA API at \(host) after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(error.reason)",
        hint: "check the network and the API URL from \(endpoint.source)")
    }
    return LisaError(
      .unavailable,
      "\(request.summary): no response from \(host) (\(error.reason)); it may or may not have been applied, so it was not retried"
    )
  }

  private func requestID(_ response: HTTPResponse) -> String? {
    response.headers["x-amzn-requestid"] ?? response.headers["x-amz-apigw-id"] ?? response.headers["x-request-id"]
  }

  private func emit(
    _ request: APIRequest, _ attempt: Int, _ started: ContinuousClock.Instant, status: Int?, requestID: String?,
    retryIn: TimeInterval? = nil, note: String? = nil
  ) {
    guard let trace else { return }
    let ms = (ContinuousClock.now - started).milliseconds
    trace(
      APITraceEvent(
        summary: request.summary, attempt: attempt, status: status, requestID: requestID, milliseconds: ms, retryIn: retryIn,
        note: note))
  }
}
