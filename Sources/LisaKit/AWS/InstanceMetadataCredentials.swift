import Foundation

/// EC2 instance metadata, IMDSv2 only: PUT a session token, read the role name, then its credentials.
/// `AWS_EC2_METADATA_DISABLED=true` turns it off; `AWS_EC2_METADATA_SERVICE_ENDPOINT` moves it (tests).
struct InstanceMetadataFetcher: Sendable {
  enum Outcome: Sendable {
    case credentials(AWSCredentials)
    /// Not on EC2, no role attached, or the service did not answer; the reason goes in the "tried" list.
    case unavailable(String)
  }

  static let tokenTTLHeader = "X-aws-ec2-metadata-token-ttl-seconds"
  static let tokenHeader = "X-aws-ec2-metadata-token"
  static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

  let context: LisaContext
  let defaultTimeout: TimeInterval

  var isDisabled: Bool { context.environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" }

  var endpoint: String {
    let env = context.environment
    if let explicit = env["AWS_EC2_METADATA_SERVICE_ENDPOINT"], !explicit.isEmpty {
      return explicit.hasSuffix("/") ? String(explicit.dropLast()) : explicit
    }
    return env["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"]?.lowercased() == "ipv6"
      ? "http://[fd00:ec2::254]" : "http://169.254.169.254"
  }

  private var timeout: TimeInterval {
    context.environment["AWS_METADATA_SERVICE_TIMEOUT"].flatMap(TimeInterval.init) ?? defaultTimeout
  }

  func fetch() async throws -> Outcome {
    guard let tokenURL = URL(string: endpoint + "/latest/api/token"), let listURL = URL(string: endpoint + Self.credentialsPath)
    else {
      throw LisaError.usage("AWS_EC2_METADATA_SERVICE_ENDPOINT '\(endpoint)' is not a URL")
    }
    let tokenResponse: HTTPResponse
    do {
      tokenResponse = try await send(HTTPRequest(method: "PUT", url: tokenURL, headers: [Self.tokenTTLHeader: "21600"]))
    } catch let error as TransportError {
      return .unavailable(error.reason)
    }
    guard tokenResponse.status == 200 else { return .unavailable("token request answered HTTP \(tokenResponse.status)") }
    let token = String(decoding: tokenResponse.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    do {
      let list = try await send(HTTPRequest(method: "GET", url: listURL, headers: [Self.tokenHeader: token]))
      if list.status == 404 { return .unavailable("no IAM role is attached to this instance") }
      guard list.status == 200 else { return .unavailable("role list answered HTTP \(list.status)") }
      let roles = String(decoding: list.body, as: UTF8.self).split(whereSeparator: \.isNewline).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard let role = roles.first(where: { !$0.isEmpty }) else {
        return .unavailable("no IAM role is attached to this instance")
      }
      guard let roleURL = URL(string: endpoint + Self.credentialsPath + SigV4Signer.uriEncode(role)) else {
        return .unavailable("role name '\(role)' cannot be put in a URL")
      }
      let source = "EC2 instance metadata (role '\(role)')"
      let response = try await send(HTTPRequest(method: "GET", url: roleURL, headers: [Self.tokenHeader: token]))
      guard response.status == 200 else { throw LisaError(.auth, "\(source) answered HTTP \(response.status)") }
      return .credentials(try CredentialDocument.decode(response.body, source: source).credentials(source: source))
    } catch let error as TransportError {
      return .unavailable(error.reason)
    }
  }

  private func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    try await context.transport.send(request, timeout: timeout)
  }
}
