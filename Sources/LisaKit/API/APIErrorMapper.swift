import Foundation

/// Turns a failed LISA API call into the one line a user reads and an exit status. LISA answers in
/// two shapes: FastAPI's `{"detail": …}` (a string, or pydantic's list of `{loc, msg}`) and
/// `{"message": …}` from its own handlers and from API Gateway (`{"Message": …}` on explicit denies).
public enum APIErrorMapper {
  static let maxMessageLength = 400

  public static func error(
    for response: HTTPResponse, request: APIRequest, credential: APICredential, endpoint: LisaAPIEndpoint, attempts: Int
  ) -> LisaError {
    let status = response.status
    let message = credential.redact(serverMessage(response.body) ?? reason(status))
    let call = "\(request.summary) (HTTP \(status))"
    let host = endpoint.url.host ?? endpoint.url.absoluteString
    switch status {
    case 401, 403:
      if status == 403, message.contains("Missing Authentication Token") {
        // API Gateway's answer for a route it does not have, whatever the credential.
        return LisaError(
          .notFound, "the API at \(host) has no route \(request.summary)",
          hint: "check the API URL from \(endpoint.source); it should end with the stage, e.g. /prod")
      }
      let verdict = status == 401 ? "rejected" : "refused the call with"
      let hint =
        status == 401
        ? "check that the credential is current for this deployment, or use another (LISA_API_TOKEN, --token-file)"
        : "this call needs a credential with admin rights (the management key or an admin API token)"
      return LisaError(.auth, "LISA API at \(host) \(verdict) \(credential) on \(call): \(message)", hint: hint)
    case 404:
      return LisaError(.notFound, "\(request.resource) not found (\(call): \(message))")
    case 409:
      return LisaError(.conflict, "\(request.resource): \(message) (\(call))")
    case 400:
      return LisaError(isStateConflict(message) ? .conflict : .invalid, "\(request.resource): LISA refused \(call): \(message)")
    case 422:
      return LisaError(.invalid, "\(request.resource): LISA rejected the request body (\(call)): \(message)")
    case 429:
      return LisaError(
        .unavailable, "\(call) still throttled after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(message)",
        hint: "try again later")
    case 500...599:
      // The server was reached: a 500 is LISA's answer (exit 1, or 4 for an authorizer's); 502-504 are the
      // gateway's, still unavailable after retries (docs/lisa/models-api.md#routes).
      let kind: ExitStatus =
        isAuthorizationFailure(message, headers: response.headers) ? .auth : status == 500 ? .failure : .unavailable
      let hint =
        request.serverErrorHint
        ?? (message == genericServerError ? "LISA does not say why; the API Lambda's CloudWatch log has the cause" : nil)
      if !request.retrySafe && request.tookEffect == nil {
        return LisaError(
          kind, "\(call) failed at \(host): \(message); it may or may not have been applied, so it was not retried", hint: hint)
      }
      return LisaError(
        kind, "\(call) failed at \(host) after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(message)", hint: hint)
    default:
      return LisaError(.failure, "\(request.resource): \(call): \(message)")
    }
  }

  /// The message of LISA's catch-all handler, which hides the cause.
  public static let genericServerError = "An unexpected error occurred while processing your request"

  /// A 5xx that is an authorization answer: an API Gateway authorizer that failed, or a body saying so.
  static func isAuthorizationFailure(_ message: String, headers: [String: String]) -> Bool {
    if headers["x-amzn-errortype"]?.hasPrefix("Authorizer") == true { return true }
    let lower = message.lowercased()
    return ["unauthorized", "not authorized", "forbidden", "access denied", "only admins", "permission"].contains {
      lower.contains($0)
    }
  }

  /// LISA answers a state-gated change with 400 (`InvalidStateTransitionError`, "already exists"),
  /// which is a conflict with the target's state, not bad input.
  static func isStateConflict(_ message: String) -> Bool {
    let lower = message.lowercased()
    return lower.contains("state") || lower.contains("already exists") || lower.contains("is in use")
  }

  /// The human part of an error body in either shape, or its first line of plain text.
  public static func serverMessage(_ body: Data) -> String? {
    guard !body.isEmpty else { return nil }
    if let json = try? JSONValue.parse(body, source: "response") {
      for key in ["detail", "message", "Message", "errorMessage", "error"] {
        if let value = json[key], let text = describe(value), !text.isEmpty { return clip(text) }
      }
      if json.objectPairs != nil || json.arrayItems != nil { return clip(JSONWriter.compact(json)) }
      if let text = json.stringValue { return clip(text) }
    }
    let text = String(decoding: body.prefix(2048), as: UTF8.self)
    let first = text.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
    return first.isEmpty ? nil : clip(first)
  }

  /// The `detail` (or `message`) string of an error body as sent, lines and all, unclipped.
  static func rawDetail(_ body: Data) -> String? {
    guard let json = try? JSONValue.parse(body, source: "response") else { return nil }
    return json["detail"]?.stringValue ?? json["message"]?.stringValue
  }

  /// A `detail` string, or pydantic errors as `path: message; path: message`.
  static func describe(_ value: JSONValue) -> String? {
    switch value {
    case .string(let text): return text
    case .array(let items):
      let parts = items.map { item -> String in
        guard let message = item["msg"]?.stringValue else { return describe(item) ?? JSONWriter.compact(item) }
        return (fieldPath(item["loc"]).map { "\($0): " } ?? "") + message
      }
      return parts.joined(separator: "; ")
    case .object:
      return value["message"]?.stringValue ?? value["msg"]?.stringValue ?? JSONWriter.compact(value)
    case .null: return nil
    default: return value.plainText
    }
  }

  /// pydantic's `loc` (`["body", "autoScalingConfig", "minCapacity"]`) as `autoScalingConfig.minCapacity`.
  static func fieldPath(_ loc: JSONValue?) -> String? {
    guard let parts = loc?.arrayItems, !parts.isEmpty else { return nil }
    var path = ""
    for (index, part) in parts.enumerated() {
      if index == 0, part.stringValue == "body" { continue }
      if case .number(let n) = part {
        path += "[\(n)]"
      } else {
        path += (path.isEmpty ? "" : ".") + part.plainText
      }
    }
    return path.isEmpty ? nil : path
  }

  static func clip(_ text: String) -> String {
    let line = LisaError.singleLine(text)
    return line.count > maxMessageLength ? String(line.prefix(maxMessageLength)) + "…" : line
  }

  static func reason(_ status: Int) -> String {
    let reasons = [
      400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
      413: "Payload Too Large", 422: "Unprocessable Content", 429: "Too Many Requests", 500: "Internal Server Error",
      502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]
    return reasons[status] ?? "no message"
  }
}

extension LisaAPIClient {
  /// The error `send` would have thrown for a status the caller accepted to look at first.
  public func error(for response: APIResponse, request: APIRequest) -> LisaError {
    APIErrorMapper.error(
      for: HTTPResponse(status: response.status, headers: response.headers, body: response.body), request: request,
      credential: credential, endpoint: endpoint, attempts: 1)
  }
}
