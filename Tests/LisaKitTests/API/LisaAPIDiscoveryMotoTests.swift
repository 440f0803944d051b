import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

/// URL and management-key discovery against a real moto_server: SSM `${deploymentPrefix}/LisaApiUrl`,
/// Secrets Manager `${deploymentName}-management-key`, then the older names.
@Suite(.serialized) struct LisaAPIDiscoveryMotoTests {
  static func names(_ yaml: String = "deploymentName: acme\n") throws -> DerivedNames {
    DerivedNames(config: try YAMLLoader.parse(text: yaml, file: "config").mapping ?? YAMLMapping())
  }

  func discovery(_ server: MotoServer, env: [String: String] = [:], flag: String? = nil) throws -> LisaAPIDiscovery {
    let clients = try motoClients(server)
    let names = try Self.names()
    return LisaAPIDiscovery(
      context: awsContext(environment: motoEnvironment(server, extra: env)), apiURLFlag: flag, tokenFile: nil, names: { names },
      aws: { clients })
  }

  @Test func urlFromSSMAndKeyFromTheCurrentSecretName() async throws {
    try await MotoServer.with { server in
      let clients = try motoClients(server)
      try await clients.ssm().putParameter(
        "/prod/acme/lisa/LisaApiUrl", value: "https://abc123.execute-api.us-east-1.amazonaws.com/prod\n")
      try await clients.secretsManager().createSecret("acme-management-key", secretString: "mgmt-Key-0001")
      try await clients.secretsManager().createSecret("acme-lisa-management-key", secretString: "legacy-key-not-used")
      let found = try discovery(server)
      let endpoint = try await found.baseURL()
      #expect(endpoint.url.absoluteString == "https://abc123.execute-api.us-east-1.amazonaws.com/prod")
      #expect(endpoint.source == "SSM parameter /prod/acme/lisa/LisaApiUrl")
      let credential = try await found.credential()
      #expect(credential.kind == .managementKey && credential.authorizationHeader == "Bearer mgmt-Key-0001")
      #expect(credential.description == "the management key from Secrets Manager secret acme-management-key")
    }
  }

  @Test func olderSecretNamesAndJSONValues() async throws {
    try await MotoServer.with { server in
      let clients = try motoClients(server)
      try await clients.secretsManager().createSecret(
        "acme-lisa-management-key", secretString: #"{"managementKey": "legacy-Key-0002"}"#)
      let credential = try await discovery(server).credential()
      #expect(credential.authorizationHeader == "Bearer legacy-Key-0002")
      #expect(credential.source == "Secrets Manager secret acme-lisa-management-key")
    }
  }

  @Test func nothingFoundSaysWhatWasTried() async throws {
    try await MotoServer.with { server in
      let found = try discovery(server)
      await #expect { try await found.baseURL() } throws: { error in
        let error = error as? LisaError
        return error?.status == .notFound && error?.message.hasPrefix("parameter /prod/acme/lisa/LisaApiUrl not found") == true
          && error?.hint?.contains("--api-url") == true
      }
      await #expect { try await found.credential() } throws: { error in
        let error = error as? LisaError
        return error?.status == .auth
          && error?.message.contains(
            "tried acme-management-key, acme-lisa-management-key, prod-acme-management-key, lisa-acme-management-key") == true
      }
    }
  }

  @Test func flagAndEnvironmentNeverTouchAWS() async throws {
    let context = awsContext(environment: ["LISA_API_URL": "https://env.example.com/prod", "LISA_API_TOKEN": "env-token"])
    let offline = LisaAPIDiscovery(
      context: context, apiURLFlag: nil, tokenFile: nil, names: { throw LisaError(.failure, "no config") },
      aws: { throw LisaError(.failure, "no AWS") })
    #expect(
      try await offline.baseURL()
        == LisaAPIEndpoint(url: try #require(URL(string: "https://env.example.com/prod")), source: "LISA_API_URL"))
    #expect(try await offline.credential().source == "LISA_API_TOKEN")
    var flagged = offline
    flagged.apiURLFlag = "https://flag.example.com"
    #expect(try await flagged.baseURL().source == "--api-url")
  }
}
