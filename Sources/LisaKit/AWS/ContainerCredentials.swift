import Foundation

/// The credential document ECS/EKS endpoints and EC2 instance metadata both return.
struct CredentialDocument: Decodable {
  var Code: String?
  var Message: String?
  var AccessKeyId: String?
  var SecretAccessKey: String?
  var Token: String?
  var Expiration: String?

  func credentials(source: String) throws -> AWSCredentials {
    if let code = Code, code != "Success" {
      throw LisaError(.auth, "\(source) answered \(code)\(Message.map { ": \($0)" } ?? "")")
    }
    guard let keyID = AccessKeyId, !keyID.isEmpty, let secret = SecretAccessKey, !secret.isEmpty else {
      throw LisaError(.auth, "\(source) answered without AccessKeyId/SecretAccessKey")
    }
    return AWSCredentials(
      accessKeyID: keyID, secretAccessKey: secret, sessionToken: Token, expiration: Expiration.flatMap(AWSDates.parse),
      source: source)
  }

  static func decode(_ data: Data, source: String) throws -> CredentialDocument {
    guard let document = try? JSONDecoder().decode(CredentialDocument.self, from: data) else {
      throw LisaError(.auth, "\(source) answered with something that is not a credential document")
    }
    return document
  }
}

/// ECS/EKS container credentials: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (against 169.254.170.2) or
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with `AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE)`.
struct ContainerCredentialsFetcher: Sendable {
  static let ecsHost = "169.254.170.2"
  /// Hosts a full URI may name over plain http; anything else must be https, so the token is never
  /// sent in clear text to an arbitrary host.
  static let allowedHTTPHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]", "localhost"]

  let context: LisaContext
  let timeout: TimeInterval
  let attempts: Int

  var isConfigured: Bool { relativeURI != nil || fullURI != nil }
  private var relativeURI: String? {
    context.environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"].flatMap { $0.isEmpty ? nil : $0 }
  }
  private var fullURI: String? { context.environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"].flatMap { $0.isEmpty ? nil : $0 } }

  func fetch() async throws -> AWSCredentials {
    let url = try endpoint()
    let source = "container credentials (\(SigV4Signer.hostHeader(url)))"
    var headers: [String: String] = [:]
    if let token = try authorizationToken() { headers["Authorization"] = token }
    var lastFailure = ""
    for attempt in 1...max(1, attempts) {
      do {
        let response = try await context.transport.send(HTTPRequest(method: "GET", url: url, headers: headers), timeout: timeout)
        if response.status == 200 {
          return try CredentialDocument.decode(response.body, source: source).credentials(source: source)
        }
        lastFailure = "HTTP \(response.status)"
        if response.status < 500 { break }
      } catch let error as TransportError {
        lastFailure = error.reason
      }
      if attempt < attempts { try await Task.sleep(nanoseconds: 100_000_000) }
    }
    throw LisaError(
      .auth, "\(source) did not give credentials: \(lastFailure)", hint: "check the task role and AWS_CONTAINER_* variables")
  }

  private func endpoint() throws -> URL {
    if let relative = relativeURI {
      let path = relative.hasPrefix("/") ? relative : "/" + relative
      guard let url = URL(string: "http://\(Self.ecsHost)\(path)") else {
        throw LisaError.usage("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI '\(relative)' is not a URL path")
      }
      return url
    }
    let full = fullURI ?? ""
    guard let url = URL(string: full), let scheme = url.scheme?.lowercased(), let host = url.host else {
      throw LisaError.usage("AWS_CONTAINER_CREDENTIALS_FULL_URI '\(full)' is not a URL")
    }
    guard scheme == "https" || (scheme == "http" && (Self.allowedHTTPHosts.contains(host) || Self.isLoopback(host))) else {
      throw LisaError.usage(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI host \(host) is not allowed over http",
        hint: "use https, a loopback address or the ECS/EKS credential address")
    }
    return url
  }

  private func authorizationToken() throws -> String? {
    let env = context.environment
    var token: String?
    if let file = env["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"], !file.isEmpty {
      let data = try FileIO.read(
        context.resolve(file), displayName: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (\(file))", limit: 64 * 1024)
      token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    } else if let value = env["AWS_CONTAINER_AUTHORIZATION_TOKEN"], !value.isEmpty {
      token = value
    }
    if let token, token.contains(where: { $0 == "\r" || $0 == "\n" }) {
      throw LisaError.usage("the container authorization token contains a line break")
    }
    return token
  }

  static func isLoopback(_ host: String) -> Bool {
    host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }
}
