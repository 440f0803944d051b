import Foundation
import LisaKit

/// The deployment's AWS clients and LISA REST client, as every API-backed command finds them
/// (ARCHITECTURE.md, "Where a command gets its deployment"). The config is read at most once and
/// only when a step needs it (AWS profile/region, SSM and secret names).
extension Session {
  /// A client for LISA's REST API; says under `-v` where the URL and the credential came from.
  func lisaAPI() async throws -> LisaAPIClient {
    let deployment = globals.deployment
    let cache = configCache
    let makeClients = awsClientsMaker(cache)
    let discovery = LisaAPIDiscovery(
      context: context, apiURLFlag: deployment.apiURL, tokenFile: deployment.tokenFile,
      names: { DerivedNames(config: try cache.config().mapping) }, aws: makeClients)
    let endpoint = try await discovery.baseURL()
    detail("api: base URL \(endpoint.url.absoluteString) from \(endpoint.source)")
    let credential = try await discovery.credential()
    detail("api: using \(credential)")
    var apiTrace: (@Sendable (APITraceEvent) -> Void)?
    if let trace = verboseTrace { apiTrace = { event in trace(event.description) } }
    return LisaAPIClient(endpoint: endpoint, credential: credential, transport: context.transport, trace: apiTrace)
  }

  /// AWS clients from the flags, the environment and (when present) the config's profile and region.
  func awsClients() throws -> AWSClients { try awsClientsMaker(configCache)() }

  private var configCache: ConfigCache {
    ConfigCache(directory: ConfigLoader.directory(flag: globals.deployment.configDir, context: context), context: context)
  }

  private func awsClientsMaker(_ cache: ConfigCache) -> @Sendable () throws -> AWSClients {
    let deployment = globals.deployment
    let flags = AWSSettingsFlags(profile: deployment.profile, region: deployment.region, endpointURL: deployment.endpointURL)
    let context = context
    var awsTrace: (@Sendable (AWSTraceEvent) -> Void)?
    if let trace = verboseTrace { awsTrace = { event in trace("aws: " + event.description) } }
    let traceOnce = awsTrace
    return {
      let config = try? cache.config()
      let settings = AWSSettings(
        profile: flags.profile, region: flags.region, endpointURL: flags.endpointURL,
        configProfile: config?.string("profile"), configRegion: config?.string("region"))
      return try AWSClients(context: context, settings: settings, trace: traceOnce)
    }
  }

  func modelsAPI() async throws -> ModelsAPI { ModelsAPI(client: try await lisaAPI()) }

  /// Writes one dim line to stderr per event under `-v`; nil otherwise.
  var verboseTrace: (@Sendable (String) -> Void)? {
    guard verbose else { return nil }
    let stderr = context.stderr
    let color = terminal.colorOnStderr
    return { line in stderr.write(Style.dim.apply(line, enabled: color) + "\n") }
  }
}

private struct AWSSettingsFlags: Sendable {
  var profile: String?
  var region: String?
  var endpointURL: String?
}

/// Loads the deployment config once, on first use, from whichever task asks first.
private final class ConfigCache: @unchecked Sendable {
  private let directory: String
  private let context: LisaContext
  private let lock = NSLock()
  private var loaded: Result<LoadedConfig, any Error>?

  init(directory: String, context: LisaContext) {
    self.directory = directory
    self.context = context
  }

  func config() throws -> LoadedConfig {
    lock.lock()
    defer { lock.unlock() }
    if loaded == nil {
      loaded = Result {
        do {
          return try ConfigLoader.load(directory: directory, context: context)
        } catch var error as LisaError where error.status == .notFound {
          error.message += "; it is needed to find the LISA API"
          error.hint =
            "set \(LisaAPIDiscovery.urlVariable) and \(LisaAPIDiscovery.tokenVariable), or point --config-dir at your LISA config"
          throw error
        }
      }
    }
    return try loaded?.get() ?? ConfigLoader.load(directory: directory, context: context)
  }
}
