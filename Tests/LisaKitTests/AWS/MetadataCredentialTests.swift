import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// Container (ECS/EKS) and EC2 instance metadata credentials against loopback fakes over real HTTP.
@Suite struct MetadataCredentialTests {
  static let document = """
    {"Code":"Success","AccessKeyId":"ASIAMETADATA","SecretAccessKey":"metadata-secret","Token":"metadata-token",
     "Expiration":"2031-01-02T03:04:05Z"}
    """

  /// An IMDSv2 fake: a token only for a PUT with the TTL header, and answers only with that token.
  static func instanceMetadata(role: String? = "lisa-node") throws -> LoopbackHTTPServer {
    try LoopbackHTTPServer { request in
      if request.method == "PUT" && request.path == "/latest/api/token" {
        return request.headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600" ? .text("IMDS-TOKEN-1") : .text("", status: 400)
      }
      guard request.method == "GET", request.headers["x-aws-ec2-metadata-token"] == "IMDS-TOKEN-1" else {
        return .text("", status: 401)
      }
      switch request.path {
      case "/latest/meta-data/iam/security-credentials/": return role.map { .text($0 + "\n") } ?? .text("", status: 404)
      case "/latest/meta-data/iam/security-credentials/\(role ?? "")": return .json(document)
      default: return .text("", status: 404)
      }
    }
  }

  @Test func instanceMetadataV2GivesCredentials() async throws {
    let server = try Self.instanceMetadata()
    defer { server.stop() }
    let context = awsContext(environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.url.absoluteString])
    let credentials = try await AWSCredentialResolver(context: context, settings: AWSSettings()).resolve()
    #expect(credentials.accessKeyID == "ASIAMETADATA")
    #expect(credentials.sessionToken == "metadata-token")
    #expect(credentials.expiration == Date(timeIntervalSince1970: 1_925_089_445))
    #expect(credentials.source == "EC2 instance metadata (role 'lisa-node')")
    let seen = server.requests.map { "\($0.method) \($0.path)" }
    #expect(
      seen == [
        "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
        "GET /latest/meta-data/iam/security-credentials/lisa-node",
      ])
  }

  @Test func instanceWithoutRoleEndsTheChainWithTheReason() async throws {
    let server = try Self.instanceMetadata(role: nil)
    defer { server.stop() }
    let context = awsContext(environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.url.absoluteString + "/"])
    await #expect {
      try await AWSCredentialResolver(context: context, settings: AWSSettings()).resolve()
    } throws: { error in
      (error as? LisaError)?.message.contains("(no IAM role is attached to this instance)") == true
    }
  }

  @Test func disabledMetadataIsNeverContacted() async throws {
    let server = try Self.instanceMetadata()
    defer { server.stop() }
    let env = ["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.url.absoluteString, "AWS_EC2_METADATA_DISABLED": "true"]
    await #expect(throws: LisaError.self) {
      try await AWSCredentialResolver(context: awsContext(environment: env), settings: AWSSettings()).resolve()
    }
    #expect(server.requests.isEmpty)
  }

  static func container(expectedAuthorization: String) throws -> LoopbackHTTPServer {
    try LoopbackHTTPServer { request in
      guard request.path == "/v2/credentials/task", request.headers["authorization"] == expectedAuthorization else {
        return .json(#"{"message":"denied"}"#, status: 403)
      }
      return .json(document)
    }
  }

  @Test func containerFullURIWithTokenFromEnvironment() async throws {
    let server = try Self.container(expectedAuthorization: "container-token-abc")
    defer { server.stop() }
    let env = [
      "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url.absoluteString + "/v2/credentials/task",
      "AWS_CONTAINER_AUTHORIZATION_TOKEN": "container-token-abc", "AWS_EC2_METADATA_DISABLED": "true",
    ]
    let credentials = try await AWSCredentialResolver(context: awsContext(environment: env), settings: AWSSettings()).resolve()
    #expect(credentials.accessKeyID == "ASIAMETADATA")
    #expect(credentials.source == "container credentials (127.0.0.1:\(server.port))")
  }

  @Test func containerTokenFileWinsOverTheVariable() async throws {
    let server = try Self.container(expectedAuthorization: "token-from-file")
    defer { server.stop() }
    let dir = TestPaths.temporaryDirectory("aws-container")
    let tokenFile = try AWSFixture.write(dir, "token", "token-from-file\n")
    let env = [
      "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url.absoluteString + "/v2/credentials/task",
      "AWS_CONTAINER_AUTHORIZATION_TOKEN": "token-from-env", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile.path,
    ]
    let credentials = try await AWSCredentialResolver(context: awsContext(environment: env), settings: AWSSettings()).resolve()
    #expect(credentials.accessKeyID == "ASIAMETADATA")
  }

  @Test func containerRefusalIsAnAuthErrorWithoutTheToken() async throws {
    let server = try Self.container(expectedAuthorization: "right")
    defer { server.stop() }
    let env = [
      "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url.absoluteString + "/v2/credentials/task",
      "AWS_CONTAINER_AUTHORIZATION_TOKEN": "wrong-secret-token",
    ]
    await #expect {
      try await AWSCredentialResolver(context: awsContext(environment: env), settings: AWSSettings()).resolve()
    } throws: { error in
      let text = (error as? LisaError)?.description ?? ""
      return (error as? LisaError)?.status == .auth && text.contains("HTTP 403") && !text.contains("wrong-secret-token")
    }
  }

  @Test func containerFullURIMustNotSendTheTokenToArbitraryHTTPHosts() async throws {
    let env = [
      "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://metadata.example.com/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "t",
    ]
    await #expect {
      try await AWSCredentialResolver(context: awsContext(environment: env), settings: AWSSettings()).resolve()
    } throws: { ($0 as? LisaError)?.status == .usage }
  }

  @Test func profilesBeatContainerAndMetadata() async throws {
    let server = try Self.instanceMetadata()
    defer { server.stop() }
    let home = TestPaths.temporaryDirectory("aws-chain")
    try AWSFixture.write(home, ".aws/credentials", "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = p\n")
    let env = ["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.url.absoluteString]
    let credentials = try await AWSCredentialResolver(context: awsContext(environment: env, home: home), settings: AWSSettings())
      .resolve()
    #expect(credentials.accessKeyID == "AKIDPROFILE")
    #expect(server.requests.isEmpty)
  }

  @Test func credentialSourceEc2InstanceMetadataFeedsARole() async throws {
    let server = try Self.instanceMetadata()
    defer { server.stop() }
    let home = TestPaths.temporaryDirectory("aws-chain")
    try AWSFixture.write(home, ".aws/config", "[profile bad]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Floppy\n")
    await #expect {
      try await AWSCredentialResolver(context: awsContext(home: home), settings: AWSSettings(profile: "bad")).resolve()
    } throws: { ($0 as? LisaError)?.message.contains("credential_source 'Floppy'") == true }
  }

  @Test func containerRelativeURIGoesToTheECSAddressWithAShortTimeout() async throws {
    let transport = AWSScriptedTransport([.respond(200, Self.document, [:])])
    let env = ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/3f2a-task"]
    let credentials = try await AWSCredentialResolver(
      context: awsContext(environment: env, transport: transport), settings: AWSSettings()
    )
    .resolve()
    #expect(credentials.source == "container credentials (169.254.170.2)")
    #expect(transport.requests.map(\.url.absoluteString) == ["http://169.254.170.2/v2/credentials/3f2a-task"])
    #expect(transport.requests.first?.headers["Authorization"] == nil)
    #expect(transport.timeouts.allSatisfy { $0 <= 2 })
  }

  @Test func instanceMetadataProbesUseShortTimeouts() async throws {
    let transport = AWSScriptedTransport([])
    await #expect(throws: LisaError.self) {
      try await AWSCredentialResolver(context: awsContext(transport: transport), settings: AWSSettings()).resolve()
    }
    #expect(transport.requests.map(\.url.absoluteString) == ["http://169.254.169.254/latest/api/token"])
    #expect(transport.requests.first?.method == "PUT")
    #expect(transport.timeouts == [1])
  }

  @Test func containerComesBeforeInstanceMetadata() async throws {
    let metadata = try Self.instanceMetadata()
    let container = try Self.container(expectedAuthorization: "t")
    defer {
      metadata.stop()
      container.stop()
    }
    let env = [
      "AWS_CONTAINER_CREDENTIALS_FULL_URI": container.url.absoluteString + "/v2/credentials/task",
      "AWS_CONTAINER_AUTHORIZATION_TOKEN": "t",
      "AWS_EC2_METADATA_SERVICE_ENDPOINT": metadata.url.absoluteString,
    ]
    let credentials = try await AWSCredentialResolver(context: awsContext(environment: env), settings: AWSSettings()).resolve()
    #expect(credentials.source.hasPrefix("container credentials"))
    #expect(metadata.requests.isEmpty && container.requests.count == 1)
  }
}
