/// What the command line and the LISA config say about AWS; the CLI fills it from flags.
/// Environment variables and ~/.aws files are consulted by the resolvers, not stored here.
public struct AWSSettings: Sendable, Equatable {
  /// `--profile`: use this profile and nothing else for credentials.
  public var profile: String?
  /// `--region`.
  public var region: String?
  /// `--endpoint-url`: overrides every service's endpoint.
  public var endpointURL: String?
  /// `profile` from the merged LISA config; used after `AWS_PROFILE`.
  public var configProfile: String?
  /// `region` from the merged LISA config; used after `AWS_REGION`/`AWS_DEFAULT_REGION`.
  public var configRegion: String?
  /// `--ca-bundle`: the PEM file of CAs trusted for AWS endpoints; before `AWS_CA_BUNDLE` and the profile's `ca_bundle`.
  public var caBundle: String?

  public init(
    profile: String? = nil, region: String? = nil, endpointURL: String? = nil, configProfile: String? = nil,
    configRegion: String? = nil, caBundle: String? = nil
  ) {
    self.caBundle = caBundle
    self.profile = profile
    self.region = region
    self.endpointURL = endpointURL
    self.configProfile = configProfile
    self.configRegion = configRegion
  }
}

extension AWSSettings {
  /// The CA bundle for AWS endpoints as the aws CLI picks it: `--ca-bundle`, `AWS_CA_BUNDLE`, the profile's
  /// `ca_bundle`; nil for the system trust store. A relative path is taken from the working directory.
  public func resolvedCABundle(context: LisaContext, profile: AWSProfile?) -> String? {
    let named = [caBundle, context.environment["AWS_CA_BUNDLE"], profile?["ca_bundle"]].compactMap { $0 }.first { !$0.isEmpty }
    return named.map(context.resolve)
  }
}
