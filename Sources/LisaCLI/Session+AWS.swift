import Foundation
import LisaKit

extension Session {
  /// The deployment's config when there is one. A directory named by `--config-dir` or
  /// `LISA_CONFIG_DIR` must hold it; the working directory may simply not be a LISA checkout.
  func loadConfigIfPresent() throws -> LoadedConfig? {
    let named = globals.deployment.configDir ?? context.environment["LISA_CONFIG_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    let directory = ConfigLoader.directory(flag: globals.deployment.configDir, context: context)
    if named == nil, !FileIO.exists((directory as NSString).appendingPathComponent(ConfigLoader.customFile)) {
      detail("config: no \(ConfigLoader.customFile) in \(context.display(directory)); using LISA's default names")
      return nil
    }
    return try loadConfig()
  }

  /// AWS clients from `--profile`/`--region`/`--endpoint-url`, the environment and ~/.aws, then the
  /// config's `profile`/`region`. Under `-v` every AWS call attempt is traced on stderr.
  func awsClients(config: LoadedConfig?) throws -> AWSClients {
    let options = globals.deployment
    let settings = AWSSettings(
      profile: options.profile, region: options.region, endpointURL: options.endpointURL,
      configProfile: config?.string("profile"), configRegion: config?.string("region"), caBundle: globals.network.caBundle)
    let sink = detailSink
    var trace: (@Sendable (AWSTraceEvent) -> Void)?
    if verbose { trace = { event in sink("aws: \(event)") } }
    var clients = try AWSClients(context: context, settings: settings, trace: trace)
    clients.notice = noticeSink
    detail("aws: region \(clients.region), profile \(clients.profileName)")
    if let bundle = clients.caBundle { detail("aws: trusting the CAs in \(bundle)") }
    return clients
  }
}
