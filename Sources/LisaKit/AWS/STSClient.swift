import Foundation

/// Who the credentials belong to.
public struct CallerIdentity: Sendable, Equatable {
  public var account: String
  public var arn: String
  public var userID: String
}

/// STS: GetCallerIdentity and AssumeRole, over the Query protocol.
public struct STSClient: Sendable {
  public let client: AWSQueryClient

  public init(sender: AWSRequestSender) {
    client = AWSQueryClient(sender: sender, apiVersion: "2011-06-15")
  }

  public func getCallerIdentity() async throws -> CallerIdentity {
    let xml = try await client.call("GetCallerIdentity", [], retrySafe: true)
    guard let result = XMLFields.element("GetCallerIdentityResult", in: xml), let arn = XMLFields.first("Arn", in: result),
      let account = XMLFields.first("Account", in: result)
    else { throw LisaError(.failure, "sts:GetCallerIdentity returned a response without Arn/Account") }
    return CallerIdentity(account: account, arn: arn, userID: XMLFields.first("UserId", in: result) ?? "")
  }

  /// Temporary credentials for `roleARN`; `source` describes them in messages.
  public func assumeRole(
    roleARN: String, sessionName: String, externalID: String? = nil, durationSeconds: Int? = nil, source: String
  ) async throws -> AWSCredentials {
    var parameters = [("RoleArn", roleARN), ("RoleSessionName", sessionName)]
    if let externalID { parameters.append(("ExternalId", externalID)) }
    if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
    let xml = try await client.call("AssumeRole", parameters, resource: "role \(roleARN)", retrySafe: true)
    guard let credentials = XMLFields.element("Credentials", in: xml),
      let keyID = XMLFields.first("AccessKeyId", in: credentials),
      let secret = XMLFields.first("SecretAccessKey", in: credentials)
    else { throw LisaError(.failure, "sts:AssumeRole for \(roleARN) returned a response without credentials") }
    let expiration = XMLFields.first("Expiration", in: credentials).flatMap(AWSDates.parse)
    return AWSCredentials(
      accessKeyID: keyID, secretAccessKey: secret, sessionToken: XMLFields.first("SessionToken", in: credentials),
      expiration: expiration, source: source)
  }
}

/// ISO 8601 timestamps as AWS writes them, with or without fractional seconds.
enum AWSDates {
  static func parse(_ text: String) -> Date? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let plain = ISO8601DateFormatter()
    if let date = plain.date(from: trimmed) { return date }
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return fractional.date(from: trimmed)
  }
}
