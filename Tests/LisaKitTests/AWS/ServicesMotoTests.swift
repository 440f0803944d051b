import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// SSM, Secrets Manager, KMS and STS against a real moto_server over HTTP.
@Suite struct ServicesMotoTests {
  @Test func ssmParameters() async throws {
    try await MotoServer.with { server in
      let ssm = try motoClients(server).ssm()
      try await ssm.putParameter("/prod/prod/lisa/tokenTableName", value: "prod-LISAApiBaseTokenTable")
      try await ssm.putParameter("/prod/prod/lisa/secret", value: "hunter2-value", type: "SecureString")
      let plain = try await ssm.getParameter("/prod/prod/lisa/tokenTableName")
      #expect(plain.value == "prod-LISAApiBaseTokenTable" && plain.type == "String" && plain.version == 1)
      let secure = try await ssm.getParameter("/prod/prod/lisa/secret", withDecryption: true)
      #expect(secure.value == "hunter2-value" && secure.isSecure)
      #expect(!secure.description.contains("hunter2"))
      await #expect {
        try await ssm.getParameter("/prod/prod/lisa/LisaApiUrl")
      } throws: { error in
        (error as? LisaError)?.status == .notFound
          && (error as? LisaError)?.message == "parameter /prod/prod/lisa/LisaApiUrl not found (ssm:GetParameter in us-east-1)"
      }
    }
  }

  @Test func secretsManagerValues() async throws {
    try await MotoServer.with { server in
      let secrets = try motoClients(server).secretsManager()
      try await secrets.createSecret("prod-management-key", secretString: "mgmt-key-value-123")
      let current = try await secrets.getSecretValue("prod-management-key")
      #expect(current.secretString == "mgmt-key-value-123")
      #expect(current.versionStages.contains("AWSCURRENT"))
      #expect(!current.description.contains("value-123"))
      let staged = try await secrets.getSecretValue("prod-management-key", versionStage: "AWSCURRENT")
      #expect(staged.versionID == current.versionID)
      await #expect {
        try await secrets.getSecretValue("prod-lisa-management-key")
      } throws: { error in
        (error as? LisaError)?.status == .notFound
          && (error as? LisaError)?.message.hasPrefix("secret prod-lisa-management-key not found") == true
      }
    }
  }

  @Test func kmsDataKeyRoundTrip() async throws {
    try await MotoServer.with { server in
      let kms = try motoClients(server).kms()
      let keyID = try await kms.createKey(description: "lisa backups")
      let context = ["purpose": "lisa-backup"]
      let dataKey = try await kms.generateDataKey(keyID: keyID, encryptionContext: context)
      #expect(dataKey.plaintext.count == 32)
      #expect(dataKey.ciphertextBlob != dataKey.plaintext)
      #expect(!dataKey.description.contains(dataKey.plaintext.base64EncodedString()))
      let decrypted = try await kms.decrypt(dataKey.ciphertextBlob, encryptionContext: context)
      #expect(decrypted == dataKey.plaintext)
      let another = try await kms.generateDataKey(keyID: keyID)
      #expect(another.plaintext != dataKey.plaintext)
    }
  }

  @Test func callerIdentity() async throws {
    try await MotoServer.with { server in
      let identity = try await motoClients(server).sts().getCallerIdentity()
      #expect(identity.account == "123456789012")
      #expect(identity.arn.hasPrefix("arn:aws:"))
    }
  }

  /// A profile chain base → mid → top, each hop an AssumeRole at moto's STS.
  @Test func roleProfilesChainThroughAssumeRole() async throws {
    try await MotoServer.with { server in
      let home = TestPaths.temporaryDirectory("aws-roles")
      try AWSFixture.write(
        home, ".aws/credentials", "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n")
      try AWSFixture.write(
        home, ".aws/config",
        """
        [profile mid]
        role_arn = arn:aws:iam::123456789012:role/mid
        source_profile = base
        [profile top]
        role_arn = arn:aws:iam::123456789012:role/top
        source_profile = mid
        role_session_name = lisa-upgrade
        external_id = ext-42
        duration_seconds = 900
        region = us-west-2
        """)
      let now = Date()
      let env = ["AWS_ENDPOINT_URL": server.url.absoluteString, "AWS_EC2_METADATA_DISABLED": "true"]
      let context = awsContext(environment: env, home: home, now: { now })
      let credentials = try await AWSCredentialResolver(context: context, settings: AWSSettings(profile: "top")).resolve()
      #expect(credentials.accessKeyID != "AKIDBASE")
      #expect(credentials.sessionToken?.isEmpty == false)
      #expect(
        credentials.source.hasPrefix(
          "role arn:aws:iam::123456789012:role/top (profile 'top' via role arn:aws:iam::123456789012:role/mid"))
      let expiration = try #require(credentials.expiration)
      #expect(abs(expiration.timeIntervalSince(now) - 900) < 120)

      let clients = try AWSClients(context: context, settings: AWSSettings(profile: "top"))
      #expect(clients.region == "us-west-2")
      let identity = try await clients.sts().getCallerIdentity()
      #expect(identity.arn == "arn:aws:sts::123456789012:assumed-role/top/lisa-upgrade")
    }
  }
}
