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

  public init(
    profile: String? = nil, region: String? = nil, endpointURL: String? = nil, configProfile: String? = nil,
    configRegion: String? = nil
  ) {
    self.profile = profile
    self.region = region
    self.endpointURL = endpointURL
    self.configProfile = configProfile
    self.configRegion = configRegion
  }
}
