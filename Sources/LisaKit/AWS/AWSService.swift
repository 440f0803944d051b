/// The facts about one AWS service that signing, endpoints and the wire protocol need.
public struct AWSService: Sendable, Hashable, CustomStringConvertible {
  /// The IAM action prefix and SigV4 signing name, e.g. "dynamodb".
  public let signingName: String
  /// The host label in the default endpoint, e.g. "secretsmanager" in secretsmanager.us-east-1.amazonaws.com.
  public let endpointPrefix: String
  /// The suffix in `AWS_ENDPOINT_URL_<SERVICE>`, e.g. "SECRETS_MANAGER".
  public let environmentName: String
  /// `X-Amz-Target` prefix for JSON-protocol services; nil for Query-protocol ones (STS).
  public let targetPrefix: String?
  /// `application/x-amz-json-<version>`.
  public let jsonVersion: String?

  public init(signingName: String, endpointPrefix: String, environmentName: String, targetPrefix: String?, jsonVersion: String?) {
    self.signingName = signingName
    self.endpointPrefix = endpointPrefix
    self.environmentName = environmentName
    self.targetPrefix = targetPrefix
    self.jsonVersion = jsonVersion
  }

  public var description: String { signingName }

  public static let dynamoDB = AWSService(
    signingName: "dynamodb", endpointPrefix: "dynamodb", environmentName: "DYNAMODB", targetPrefix: "DynamoDB_20120810",
    jsonVersion: "1.0")
  public static let ssm = AWSService(
    signingName: "ssm", endpointPrefix: "ssm", environmentName: "SSM", targetPrefix: "AmazonSSM", jsonVersion: "1.1")
  public static let secretsManager = AWSService(
    signingName: "secretsmanager", endpointPrefix: "secretsmanager", environmentName: "SECRETS_MANAGER",
    targetPrefix: "secretsmanager", jsonVersion: "1.1")
  public static let kms = AWSService(
    signingName: "kms", endpointPrefix: "kms", environmentName: "KMS", targetPrefix: "TrentService", jsonVersion: "1.1")
  public static let sts = AWSService(
    signingName: "sts", endpointPrefix: "sts", environmentName: "STS", targetPrefix: nil, jsonVersion: nil)
  public static let cloudFormation = AWSService(
    signingName: "cloudformation", endpointPrefix: "cloudformation", environmentName: "CLOUDFORMATION", targetPrefix: nil,
    jsonVersion: nil)
}
