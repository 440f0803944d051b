import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// moto with request authentication on: it recomputes every signature with botocore and applies IAM
/// policies, so this checks the signer against an independent implementation and the error lines
/// against real AccessDenied and signature failures.
@Suite struct SignatureMotoTests {
  static let policy = MotoIAM.policy(allowing: [
    "dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:GetItem", "sts:GetCallerIdentity",
  ])

  /// Creates a user with `policy` while authentication is still off, then turns authentication on.
  static func createUser(_ server: MotoServer) async throws -> (String, String) {
    let user = try await MotoIAM.createUser(on: server, name: "lisa-signer", policy: policy)
    try await MotoIAM.enableAuthentication(on: server)
    return (user.accessKeyID, user.secretAccessKey)
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
