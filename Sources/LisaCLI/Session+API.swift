import Foundation
import LisaKit

/// The LISA REST client, found as every API-backed command finds it (docs/ARCHITECTURE.md, "How a
/// command finds its deployment"). The config and AWS are used only when flags and environment leave
/// the URL or the credential open.
extension Session {
  /// A client for LISA's REST API; says under `-v` where the URL and the credential came from.
  /// `known` is a URL found before (by `lisaAPIEndpoint`).
  func lisaAPI(endpoint known: LisaAPIEndpoint? = nil) async throws -> LisaAPIClient {
    let deployment = globals.deployment
    var endpoint = try known ?? LisaAPIDiscovery.configuredEndpoint(flag: deployment.apiURL, environment: context.environment)
    var credential = try LisaAPIDiscovery.configuredCredential(context: context, tokenFile: deployment.tokenFile)
    if endpoint == nil || credential == nil {
      let (names, aws) = try await discoveryClients()
      if endpoint == nil { endpoint = try await discoveredEndpoint(names: names, aws: aws) }
      if credential == nil {
        credential = try await discoveryStep {
          try await LisaAPIDiscovery.managementKey(secrets: aws.secretsManager(), names: names)
        }
      }
    }
    guard let endpoint, let credential else { throw LisaError(.failure, "the LISA API could not be found") }
    detail("api: base URL \(endpoint.url.absoluteString) from \(endpoint.source)")
    detail("api: using \(credential)")
    let sink = detailSink
    var trace: (@Sendable (APITraceEvent) -> Void)?
    if verbose { trace = { event in sink(event.description) } }
    let bundle = (globals.network.apiCABundle ?? context.environment["LISA_CA_BUNDLE"]).flatMap { $0.isEmpty ? nil : $0 }
    if let bundle { detail("api: trusting the CAs in \(context.resolve(bundle))") }
    return LisaAPIClient(
      endpoint: endpoint, credential: credential, transport: context.transport, trace: trace,
      caBundle: bundle.map(context.resolve), notice: noticeSink)
  }

  func modelsAPI() async throws -> ModelsAPI { ModelsAPI(client: try await lisaAPI()) }

  /// The API URL alone, without looking for a credential: `--api-url`, `LISA_API_URL`, else SSM.
  func lisaAPIEndpoint() async throws -> LisaAPIEndpoint {
    let deployment = globals.deployment
    if let endpoint = try LisaAPIDiscovery.configuredEndpoint(flag: deployment.apiURL, environment: context.environment) {
      return endpoint
    }
    let (names, aws) = try await discoveryClients()
    return try await discoveredEndpoint(names: names, aws: aws)
  }

  private func discoveryClients() async throws -> (DerivedNames, AWSClients) {
    let config = try loadConfigIfPresent()
    let aws = try await discoveryStep { try awsClients(config: config) }
    return (DerivedNames(config: config?.mapping ?? YAMLMapping()), aws)
  }

  private func discoveredEndpoint(names: DerivedNames, aws: AWSClients) async throws -> LisaAPIEndpoint {
    try await discoveryStep { try await LisaAPIDiscovery.endpoint(ssm: aws.ssm(), names: names) }
  }

  /// Discovery through AWS can fail for reasons unrelated to LISA (no region, no credentials, no
  /// permission); the error then also says how to skip it.
  private func discoveryStep<T>(_ step: () async throws -> T) async rethrows -> T {
    do {
      return try await step()
    } catch var error as LisaError {
      let skip = "set \(LisaAPIDiscovery.urlVariable) and \(LisaAPIDiscovery.tokenVariable) to skip discovery"
      let hint = error.hint ?? ""
      if !hint.contains(LisaAPIDiscovery.urlVariable) && !hint.contains(LisaAPIDiscovery.tokenVariable) {
        error.message = "finding the LISA API: " + error.message
        error.hint = error.hint.map { "\($0); or \(skip)" } ?? skip
      }
      throw error
    }
  }
}
