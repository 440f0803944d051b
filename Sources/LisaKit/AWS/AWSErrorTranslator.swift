import Foundation

/// Turns AWS failures into the one line a user reads. Request ids stay in `-v` traces.
public enum AWSErrorTranslator {
  public static func translate(
    _ error: AWSServiceError, call: AWSCall, region: String, credentialSource: String, attempts: Int, exhaustedRetries: Bool
  ) -> LisaError {
    let target = call.resource.map { " on \($0)" } ?? ""
    let detail = error.description
    if error.isAccessDenied {
      return LisaError(
        .auth, "not allowed to \(call.action)\(target) with credentials from \(credentialSource)",
        hint: "grant \(call.action) to that identity or use another profile")
    }
    if error.isRejectedCredentials {
      return LisaError(
        .auth, "\(call.service) rejected the credentials from \(credentialSource) (\(detail))",
        hint: "refresh them (new session token, aws sso login) or use another profile")
    }
    if error.isNotFound {
      let what = call.resource ?? "the resource"
      return LisaError(.notFound, "\(what) not found (\(call.action) in \(region))")
    }
    if exhaustedRetries {
      return LisaError(
        .unavailable, "\(call.action)\(target) still failing after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(detail)",
        hint: "try again later")
    }
    if error.isServerError {
      return LisaError(
        .unavailable, "\(call.action)\(target) failed with \(detail); it may or may not have been applied, so it was not retried")
    }
    if error.code == "ResourceInUseException" {
      return LisaError(.conflict, "\(call.action)\(target): \(detail)")
    }
    return LisaError(.failure, "\(call.action)\(target) failed: \(detail)")
  }

  /// A TLS certificate the trust store rejects: one line naming the host and the setting that fixes it.
  public static func untrusted(_ call: AWSCall, endpoint: URL, error: TransportError, caBundle: String?) -> LisaError {
    let host = SigV4Signer.hostHeader(endpoint)
    let store = caBundle.map { "the CA bundle \($0)" } ?? "the system trust store"
    return LisaError(
      .unavailable,
      "\(call.service) at \(host): \(error.reason)\(error.reason.hasPrefix("CA bundle") ? "" : " (checked against \(store))")",
      hint: "set --ca-bundle FILE or AWS_CA_BUNDLE (or ca_bundle in the AWS profile) to the PEM file of the CA that signed it")
  }

  public static func unreachable(_ call: AWSCall, endpoint: URL, error: TransportError, attempts: Int) -> LisaError {
    let host = SigV4Signer.hostHeader(endpoint)
    if call.retrySafe {
      return LisaError(
        .unavailable,
        "cannot reach \(call.service) at \(host) after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(error.reason)",
        hint: "check the network, the region and --endpoint-url")
    }
    let target = call.resource.map { " on \($0)" } ?? ""
    return LisaError(
      .unavailable,
      "\(call.action)\(target): no response from \(host) (\(error.reason)); it may or may not have been applied, so it was not retried"
    )
  }
}
