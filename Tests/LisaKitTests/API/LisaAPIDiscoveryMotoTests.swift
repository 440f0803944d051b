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

  @Test func urlFromSSMAndKeyFromTheCurrentSecretName() async throws {
    try await MotoServer.with { server in
      let clients = try motoClients(server)
      try await clients.ssm().putParameter(
        "/prod/acme/lisa/LisaApiUrl", value: "https://abc123.execute-api.us-east-1.amazonaws.com/prod\n")
      try await clients.secretsManager().createSecret("acme-management-key", secretString: "mgmt-Key-0001")
      try await clients.secretsManager().createSecret("acme-lisa-management-key", secretString: "legacy-key-not-used")
      let endpoint = try await LisaAPIDiscovery.endpoint(ssm: clients.ssm(), names: Self.names())
      #expect(endpoint.url.absoluteString == "https://abc123.execute-api.us-east-1.amazonaws.com/prod")
      #expect(endpoint.source == "SSM parameter /prod/acme/lisa/LisaApiUrl")
      let credential = try await LisaAPIDiscovery.managementKey(secrets: clients.secretsManager(), names: Self.names())
      #expect(credential.kind == .managementKey && credential.authorizationHeader == "Bearer mgmt-Key-0001")
      #expect(credential.description == "the management key from Secrets Manager secret acme-management-key")
    }
  }

  @Test func aConfiguredPrefixAndOlderSecretNamesWithJSONValues() async throws {
    try await MotoServer.with { server in
      let clients = try motoClients(server)
      let names = try Self.names("deploymentName: acme\ndeploymentPrefix: /custom/acme\n")
      try await clients.ssm().putParameter("/custom/acme/LisaApiUrl", value: "https://lisa.example.com")
      try await clients.secretsManager().createSecret(
        "acme-lisa-management-key", secretString: #"{"managementKey": "legacy-Key-0002"}"#)
      #expect(
        try await LisaAPIDiscovery.endpoint(ssm: clients.ssm(), names: names).url.absoluteString == "https://lisa.example.com")
      let credential = try await LisaAPIDiscovery.managementKey(secrets: clients.secretsManager(), names: names)
      #expect(credential.authorizationHeader == "Bearer legacy-Key-0002")
      #expect(credential.source == "Secrets Manager secret acme-lisa-management-key")
    }
  }

  @Test func nothingFoundSaysWhatWasTried() async throws {
    try await MotoServer.with { server in
      let clients = try motoClients(server)
      await #expect { try await LisaAPIDiscovery.endpoint(ssm: clients.ssm(), names: Self.names()) } throws: { error in
        let error = error as? LisaError
        return error?.status == .notFound && error?.message.hasPrefix("parameter /prod/acme/lisa/LisaApiUrl not found") == true
          && error?.hint?.contains("--api-url") == true
      }
      await #expect { try await LisaAPIDiscovery.managementKey(secrets: clients.secretsManager(), names: Self.names()) } throws: {
        error in
        let error = error as? LisaError
        return error?.status == .auth
          && error?.message.contains(
            "tried acme-management-key, acme-lisa-management-key, prod-acme-management-key, lisa-acme-management-key") == true
      }
    }
  }

  @Test func flagBeatsEnvironment() throws {
    let env = ["LISA_API_URL": "https://env.example.com/prod"]
    #expect(try LisaAPIDiscovery.configuredEndpoint(flag: nil, environment: env)?.source == "LISA_API_URL")
    #expect(try LisaAPIDiscovery.configuredEndpoint(flag: "https://flag.example.com", environment: env)?.source == "--api-url")
  }
}
