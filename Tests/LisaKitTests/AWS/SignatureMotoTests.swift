import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// moto with request authentication on: it recomputes every signature with botocore and applies IAM
/// policies, so this checks the signer against an independent implementation and the error lines
/// against real AccessDenied and signature failures.
@Suite struct SignatureMotoTests {
  static let iam = AWSService(
    signingName: "iam", endpointPrefix: "iam", environmentName: "IAM", targetPrefix: nil, jsonVersion: nil)
  static let policy = """
    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:CreateTable","dynamodb:DescribeTable",
    "dynamodb:PutItem","dynamodb:GetItem","sts:GetCallerIdentity"],"Resource":"*"}]}
    """

  /// Creates a user with `policy` while authentication is still off; returns its key pair.
  static func createUser(_ server: MotoServer) async throws -> (String, String) {
    let bootstrap = AWSCredentials(accessKeyID: "AKIDBOOTSTRAP", secretAccessKey: "x", source: "test")
    let sender = AWSRequestSender(
      service: iam, region: "us-east-1", endpoint: server.url, credentials: StaticCredentialsProvider(bootstrap),
      transport: URLSessionTransport(), now: { Date() })
    let client = AWSQueryClient(sender: sender, apiVersion: "2010-05-08")
    _ = try await client.call("CreateUser", [("UserName", "lisa-signer")], retrySafe: false)
    _ = try await client.call(
      "PutUserPolicy", [("UserName", "lisa-signer"), ("PolicyName", "lisa"), ("PolicyDocument", policy)], retrySafe: false)
    let xml = try await client.call("CreateAccessKey", [("UserName", "lisa-signer")], retrySafe: false)
    let keyID = try #require(xml.firstText(between: "<AccessKeyId>", and: "</AccessKeyId>"))
    let secret = try #require(xml.firstText(between: "<SecretAccessKey>", and: "</SecretAccessKey>"))
    let url = server.url.appendingPathComponent("moto-api/reset-auth")
    let reset = try await URLSessionTransport().send(
      HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "text/plain"], body: Data("0".utf8)), timeout: 10)
    #expect(reset.status == 200)
    return (keyID, secret)
  }

  @Test func signedRequestsPassAndPolicyDenialsReadWell() async throws {
    try await MotoServer.with { server in
      let (keyID, secret) = try await Self.createUser(server)
      let env = ["AWS_ACCESS_KEY_ID": keyID, "AWS_SECRET_ACCESS_KEY": secret]
      let clients = try motoClients(server, extra: env)
      let identity = try await clients.sts().getCallerIdentity()
      #expect(identity.arn == "arn:aws:iam::123456789012:user/lisa-signer")

      let db = try clients.dynamoDB()
      try await db.createTable(
        DynamoDBTableDefinition(tableName: "authz", partitionKey: DynamoDBAttributeDefinition("token", "S")))
      try await db.putItem(table: "authz", item: ["token": "t1", "note": "a value with spaces & symbols ✓"])
      #expect(try await db.getItem(table: "authz", key: ["token": "t1"])?["note"] == .s("a value with spaces & symbols ✓"))

      await #expect {
        try await db.scanPage(DynamoDBScanRequest(table: "authz"))
      } throws: { error in
        (error as? LisaError)?.status == .auth
          && (error as? LisaError)?.message
            == "not allowed to dynamodb:Scan on table authz with credentials from environment variables"
      }

      let wrongSecret = try motoClients(server, extra: ["AWS_ACCESS_KEY_ID": keyID, "AWS_SECRET_ACCESS_KEY": secret + "x"])
      await #expect {
        try await wrongSecret.dynamoDB().describeTable("authz")
      } throws: { error in
        let lisa = error as? LisaError
        return lisa?.status == .auth
          && lisa?.message.hasPrefix("dynamodb rejected the credentials from environment variables") == true
          && !(lisa?.description.contains(secret) ?? true)
      }
    }
  }
}

private extension String {
  func firstText(between start: String, and end: String) -> String? {
    guard let open = range(of: start), let close = range(of: end, range: open.upperBound..<endIndex) else { return nil }
    return String(self[open.upperBound..<close.lowerBound])
  }
}
