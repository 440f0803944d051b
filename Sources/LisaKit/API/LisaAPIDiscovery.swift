import Foundation

/// The API base URL and where it came from ("--api-url", "LISA_API_URL", "SSM parameter /p/LisaApiUrl").
public struct LisaAPIEndpoint: Sendable, Equatable {
  public var url: URL
  public var source: String

  public init(url: URL, source: String) {
    self.url = url
    self.source = source
  }
}

/// Finds the deployment's REST API and a credential for it, in docs/ARCHITECTURE.md's order:
/// URL from `--api-url`, `LISA_API_URL`, else SSM `${deploymentPrefix}/LisaApiUrl`; credential from
/// `LISA_API_TOKEN`, `--token-file PATH|-`, else the management key in Secrets Manager. The steps are
/// separate so a caller touches the config and AWS only when the first ones find nothing.
public enum LisaAPIDiscovery {
  public static let urlVariable = "LISA_API_URL"
  public static let tokenVariable = "LISA_API_TOKEN"
  /// Management-key secret names, newest first (see `DerivedNames`).
  public static let secretKeys = ["managementKey", "managementKeyLegacy", "managementKeyStageScoped", "managementKeyAppScoped"]

  /// `--api-url`, else `LISA_API_URL`; nil when neither is set.
  public static func configuredEndpoint(flag: String?, environment: [String: String]) throws -> LisaAPIEndpoint? {
    if let flag { return try endpoint(flag, source: "--api-url") }
    if let value = environment[urlVariable], !value.isEmpty { return try endpoint(value, source: urlVariable) }
    return nil
  }

  /// SSM `${deploymentPrefix}/LisaApiUrl`.
  public static func endpoint(ssm: SSMClient, names: DerivedNames) async throws -> LisaAPIEndpoint {
    let parameter = names.value(group: "ssmParameters", key: "apiUrl") ?? "\(names.deploymentPrefix)/LisaApiUrl"
    do {
      let value = try await ssm.getParameter(parameter).value
      return try endpoint(value.trimmingCharacters(in: .whitespacesAndNewlines), source: "SSM parameter \(parameter)")
    } catch let error as LisaError where error.status == .notFound {
      throw LisaError(
        .notFound, "\(error.message); cannot find the LISA API URL",
        hint: "pass --api-url or set \(urlVariable), or check deploymentName/deploymentPrefix in the config")
    }
  }

  /// `LISA_API_TOKEN`, else `--token-file PATH` (`-`: stdin); nil when neither is given.
  public static func configuredCredential(context: LisaContext, tokenFile: String?) throws -> APICredential? {
    if let value = context.environment[tokenVariable] {
      guard !value.isEmpty else {
        throw LisaError(.usage, "\(tokenVariable) is set but empty", hint: "unset it or give it the API token")
      }
      return try APICredential.fromText(Data(value.utf8), source: tokenVariable)
    }
    guard let tokenFile else { return nil }
    if tokenFile == "-" {
      return try APICredential.fromText(context.readSecretInput("-").data, source: "stdin (--token-file -)")
    }
    let path = context.resolve(tokenFile)
    let shown = context.display(path)
    return try APICredential.fromText(FileIO.read(path, displayName: shown, limit: 64 * 1024), source: "file \(shown)")
  }

  /// The management key from Secrets Manager: `${deploymentName}-management-key`, then the older names.
  public static func managementKey(secrets: SecretsManagerClient, names: DerivedNames) async throws -> APICredential {
    let candidates = secretKeys.compactMap { names.value(group: "secrets", key: $0) }
    for name in candidates {
      do {
        let secret = try await secrets.getSecretValue(name)
        guard let text = secret.secretString else {
          throw LisaError(.dataError, "Secrets Manager secret \(name) holds binary data, expected the management key as text")
        }
        return try APICredential.managementKey(secretString: text, secretName: name)
      } catch let error as LisaError where error.status == .notFound {
        continue
      }
    }
    throw LisaError(
      .auth,
      "no API credential: \(tokenVariable) is not set, no --token-file, and no management key secret "
        + "(tried \(candidates.joined(separator: ", ")))",
      hint: "set \(tokenVariable) or pass --token-file PATH (or - for stdin)")
  }

  /// Checks and normalises a base URL. Plain http is refused except on loopback, so a credential is
  /// never sent in the clear to another machine.
  public static func endpoint(_ text: String, source: String) throws -> LisaAPIEndpoint {
    let status: ExitStatus = source.hasPrefix("SSM") ? .invalid : .usage
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
      let host = components.host, !host.isEmpty, ["http", "https"].contains(scheme), components.query == nil
    else {
      throw LisaError(
        status, "\(source): '\(text)' is not an http(s) URL", hint: "e.g. https://abc123.execute-api.us-east-1.amazonaws.com/prod"
      )
    }
    if scheme == "http", !["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) {
      throw LisaError(status, "\(source): refusing to send the API credential over plain http to \(host)", hint: "use https")
    }
    var trimmed = text
    while trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let url = URL(string: trimmed) else { throw LisaError(status, "\(source): '\(text)' is not a valid URL") }
    return LisaAPIEndpoint(url: url, source: source)
  }
}
