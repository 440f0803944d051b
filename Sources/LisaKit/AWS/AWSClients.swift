import Foundation

/// Everything a command needs to call AWS, resolved once from the context and the CLI's settings:
/// region, endpoints, credentials (resolved on first use, refreshed before they expire), retries.
public struct AWSClients: Sendable {
  public let context: LisaContext
  public let settings: AWSSettings
  public let region: String
  public let profileName: String
  public let credentials: any AWSCredentialsProvider
  public var retry: AWSRetryPolicy
  /// DynamoDB's retries (`AWSRetryPolicy.dynamoDB`); `retry` serves every other service.
  public var dynamoDBRetry: AWSRetryPolicy = .dynamoDB
  public var timeout: TimeInterval
  /// The PEM bundle trusted for AWS endpoints (`AWSSettings.resolvedCABundle`), nil for the system store.
  public let caBundle: String?
  /// Gets one line per retry of a slow or failed call (host, attempt, reason); the CLI prints it unless -q.
  public var notice: (@Sendable (String) -> Void)?
  /// Called once per attempt with action, status, request id and timing; the CLI prints these under `-v`.
  public var trace: (@Sendable (AWSTraceEvent) -> Void)?

  public init(
    context: LisaContext, settings: AWSSettings, retry: AWSRetryPolicy = .standard, timeout: TimeInterval = 30,
    credentials: (any AWSCredentialsProvider)? = nil, trace: (@Sendable (AWSTraceEvent) -> Void)? = nil
  ) throws {
    let names = AWSRegionResolver(settings: settings, environment: context.environment)
    let files = try AWSSharedFiles.load(context: context)
    self.context = context
    self.settings = settings
    profileName = names.profileName
    let profile = files.profile(names.profileName)
    region = try names.region(profile: profile)
    caBundle = settings.resolvedCABundle(context: context, profile: profile)
    self.retry = retry
    self.timeout = timeout
    self.trace = trace
    self.credentials = credentials ?? AWSCredentialResolver(context: context, settings: settings, retry: retry).provider()
  }

  public func endpoint(for service: AWSService) throws -> URL {
    try AWSEndpointResolver(explicitURL: settings.endpointURL, environment: context.environment).endpoint(
      for: service, region: region)
  }

  public func sender(for service: AWSService) throws -> AWSRequestSender {
    AWSRequestSender(
      service: service, region: region, endpoint: try endpoint(for: service), credentials: credentials,
      transport: context.transport,
      retry: service == .dynamoDB ? dynamoDBRetry : retry, timeout: timeout, now: context.now, trace: trace, caBundle: caBundle,
      notice: notice)
  }

  public func dynamoDB() throws -> DynamoDBClient { DynamoDBClient(sender: try sender(for: .dynamoDB)) }
  public func ssm() throws -> SSMClient { SSMClient(sender: try sender(for: .ssm)) }
  public func secretsManager() throws -> SecretsManagerClient { SecretsManagerClient(sender: try sender(for: .secretsManager)) }
  public func kms() throws -> KMSClient { KMSClient(sender: try sender(for: .kms)) }
  public func sts() throws -> STSClient { STSClient(sender: try sender(for: .sts)) }
  public func cloudFormation() throws -> CloudFormationClient { CloudFormationClient(sender: try sender(for: .cloudFormation)) }
}
