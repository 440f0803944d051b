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

/// Finds the deployment's REST API and a credential for it, in ARCHITECTURE.md's order:
/// URL from `--api-url`, `LISA_API_URL`, else SSM `${deploymentPrefix}/LisaApiUrl`; credential from
/// `LISA_API_TOKEN`, `--token-file PATH|-`, else the management key in Secrets Manager.
/// The config and AWS are touched only when a step needs them.
public struct LisaAPIDiscovery: Sendable {
  public static let urlVariable = "LISA_API_URL"
  public static let tokenVariable = "LISA_API_TOKEN"
  /// Management-key secret names, newest first (see `DerivedNames`).
  public static let secretKeys = ["managementKey", "managementKeyLegacy", "managementKeyStageScoped", "managementKeyAppScoped"]

  public var context: LisaContext
  public var apiURLFlag: String?
  public var tokenFile: String?
  public var names: @Sendable () throws -> DerivedNames
  public var aws: @Sendable () throws -> AWSClients

  public init(
    context: LisaContext, apiURLFlag: String?, tokenFile: String?, names: @escaping @Sendable () throws -> DerivedNames,
    aws: @escaping @Sendable () throws -> AWSClients
  ) {
    self.context = context
    self.apiURLFlag = apiURLFlag
    self.tokenFile = tokenFile
    self.names = names
    self.aws = aws
  }

  public func baseURL() async throws -> LisaAPIEndpoint {
    if let flag = apiURLFlag { return try Self.endpoint(flag, source: "--api-url") }
    if let value = context.environment[Self.urlVariable], !value.isEmpty {
      return try Self.endpoint(value, source: Self.urlVariable)
    }
    let derived = try names()
    let parameter = derived.value(group: "ssmParameters", key: "apiUrl") ?? "\(derived.deploymentPrefix)/LisaApiUrl"
    do {
      let value = try await aws().ssm().getParameter(parameter).value
      return try Self.endpoint(value.trimmingCharacters(in: .whitespacesAndNewlines), source: "SSM parameter \(parameter)")
    } catch let error as LisaError where error.status == .notFound {
      throw LisaError(
        .notFound, "\(error.message); cannot find the LISA API URL",
        hint: "pass --api-url or set \(Self.urlVariable), or check deploymentName/deploymentPrefix in the config")
    }
  }

  public func credential() async throws -> APICredential {
    if let value = context.environment[Self.tokenVariable] {
      guard !value.isEmpty else {
        throw LisaError(.usage, "\(Self.tokenVariable) is set but empty", hint: "unset it or give it the API token")
      }
      return try APICredential.fromText(Data(value.utf8), source: Self.tokenVariable)
    }
    if let tokenFile {
      if tokenFile == "-" { return try APICredential.fromText(context.stdin(), source: "stdin (--token-file -)") }
      let path = context.resolve(tokenFile)
      let shown = context.display(path)
      let data = try FileIO.read(path, displayName: shown, limit: 64 * 1024)
      return try APICredential.fromText(data, source: "file \(shown)")
    }
    let derived = try names()
    let candidates = Self.secretKeys.compactMap { derived.value(group: "secrets", key: $0) }
    let secrets = try aws().secretsManager()
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
      "no API credential: \(Self.tokenVariable) is not set, no --token-file, and no management key secret "
        + "(tried \(candidates.joined(separator: ", ")))",
      hint: "set \(Self.tokenVariable) or pass --token-file PATH (or - for stdin)")
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
