import Foundation

/// An error response from an AWS service, before it is translated for the user.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The bare error code: "ResourceNotFoundException", "AccessDenied".
  public var code: String
  public var message: String
  public var httpStatus: Int
  public var requestID: String?

  public init(code: String, message: String, httpStatus: Int, requestID: String? = nil) {
    self.code = code
    self.message = message
    self.httpStatus = httpStatus
    self.requestID = requestID
  }

  public var description: String { message.isEmpty ? "\(code) (HTTP \(httpStatus))" : "\(code): \(message)" }

  static let throttlingCodes: Set<String> = [
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
    "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
    "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
    "EC2ThrottledException",
  ]

  static let accessDeniedCodes: Set<String> = [
    "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "AuthorizationErrorException",
  ]

  static let rejectedCredentialCodes: Set<String> = [
    "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException", "SignatureDoesNotMatch",
    "IncompleteSignature", "IncompleteSignatureException", "MissingAuthenticationToken", "MissingAuthenticationTokenException",
    "InvalidAccessKeyId", "ExpiredToken", "ExpiredTokenException", "RequestExpired", "AuthFailure", "InvalidToken",
  ]

  static let notFoundCodes: Set<String> = [
    "ResourceNotFoundException", "ParameterNotFound", "NotFoundException", "NoSuchEntity", "TableNotFoundException",
  ]

  /// The request was refused before the service acted on it, so repeating it cannot apply it twice.
  public var isThrottling: Bool { Self.throttlingCodes.contains(code) || httpStatus == 429 }
  public var isServerError: Bool { httpStatus >= 500 }
  public var isAccessDenied: Bool { Self.accessDeniedCodes.contains(code) }
  public var isRejectedCredentials: Bool { Self.rejectedCredentialCodes.contains(code) }
  public var isNotFound: Bool { Self.notFoundCodes.contains(code) }

  /// Parses a JSON-protocol error (`__type` in the body or `x-amzn-ErrorType`) or a Query-protocol XML one.
  public static func from(_ response: HTTPResponse) -> AWSServiceError {
    let requestID = response.headers["x-amzn-requestid"] ?? response.headers["x-amz-request-id"]
    var code = response.headers["x-amzn-errortype"] ?? ""
    var message = ""
    if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
      if let type = object["__type"] as? String ?? object["code"] as? String { code = type }
      message = object["message"] as? String ?? object["Message"] as? String ?? ""
    } else if let text = String(data: response.body, encoding: .utf8), text.contains("<") {
      code = XMLFields.first("Code", in: text) ?? code
      message = XMLFields.first("Message", in: text) ?? ""
    }
    return AWSServiceError(
      code: bareCode(code).isEmpty ? "HTTP\(response.status)" : bareCode(code),
      message: LisaError.singleLine(message), httpStatus: response.status,
      requestID: requestID ?? XMLFields.first("RequestId", in: String(decoding: response.body, as: UTF8.self)))
  }

  /// "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException" and "X:http://…" become "ResourceNotFoundException".
  static func bareCode(_ raw: String) -> String {
    var code = Substring(raw)
    if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
    if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
    return code.trimmingCharacters(in: .whitespaces)
  }
}
