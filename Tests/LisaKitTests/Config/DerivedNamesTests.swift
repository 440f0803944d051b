import LisaKit
import Testing

@Suite struct DerivedNamesTests {
  @Test func defaultsFollowLisaSchema() throws {
    let names = DerivedNames(config: try yaml("region: us-east-1\n").mapping!)
    #expect(names.deploymentPrefix == "/prod/prod/lisa")
    #expect(names.value(group: "tables", key: "tokenTable") == "prod-LISAApiBaseTokenTable")
    #expect(names.value(group: "tables", key: "tokenTableLegacy") == "prod-LISAApiTokenTable")
    #expect(names.value(group: "ssmParameters", key: "tokenTableName") == "/prod/prod/lisa/tokenTableName")
    #expect(names.value(group: "secrets", key: "managementKey") == "prod-management-key")
    #expect(names.value(group: "secrets", key: "managementKeyLegacy") == "prod-lisa-management-key")
    #expect(names.value(group: "stacks", key: "apiBase") == "prod-lisa-API")
    #expect(names.value(group: "stacks", key: "serve") == "prod-lisa-serve-prod")
    #expect(names.value(group: "stacks", key: "apiTokens") == nil)
  }

  @Test func customNamesAndPrefixAndConditionalStacks() throws {
    let config = try yaml(
      """
      deploymentName: acme
      deploymentStage: dev
      appName: chat
      authConfig: {authority: x, clientId: y}
      deployChat: false
      deployMcp: false

      """
    ).mapping!
    let names = DerivedNames(config: config)
    #expect(names.deploymentPrefix == "/dev/acme/chat")
    #expect(names.value(group: "stacks", key: "apiTokens") == "acme-chat-api-tokens-dev")
    #expect(names.value(group: "stacks", key: "chat") == nil)
    #expect(names.value(group: "stacks", key: "ui") == nil)
    #expect(names.value(group: "stacks", key: "mcp") == nil)
    #expect(names.value(group: "tables", key: "ragRepositoryConfigTable") == "acme-dev-rag-repository-config")
    #expect(names.value(group: "secrets", key: "managementKeyStageScoped") == "dev-acme-management-key")
    let explicit = DerivedNames(config: try yaml("deploymentPrefix: /custom/prefix\n").mapping!)
    #expect(explicit.value(group: "ssmParameters", key: "apiUrl") == "/custom/prefix/LisaApiUrl")
  }
}
