import Foundation
import LisaKit
import LisaTestSupport
import Testing

func legacy(_ text: String) throws -> YAMLMapping {
  try #require(try YAMLLoader.parse(text: text, file: "config.yaml", keepComments: true).mapping)
}

func migrate(_ text: String, env: String? = nil, base: String? = nil, keepDefaults: Bool = false) throws -> ConfigMigrator.Result
{
  let root = try legacy(text)
  let baseNode = try YAMLLoader.parse(
    text: base ?? String(contentsOf: TestPaths.repository.appendingPathComponent("config-base.yaml"), encoding: .utf8),
    file: "config-base.yaml")
  let name = try ConfigMigrator.selectEnvironment(in: root, requested: env, file: "config.yaml")
  return ConfigMigrator(base: baseNode, keepDefaults: keepDefaults).migrate(root: root, environment: name, file: "config.yaml")
}

/// A complete, valid legacy environment block, indented for use under an environment key.
func legacyBlock(account: String = "\"111122223333\"", masterKey: String = "sk-prod-master") -> String {
  """
    accountNumber: \(account)
    region: us-west-2
    deploymentName: acme
    s3BucketModels: models-bucket
    authConfig:
      authority: https://idp.example.com/
      clientId: lisa
      adminGroup: admins
      jwtGroupsProperty: groups
    restApiConfig:
      apiVersion: v2
      internetFacing: false
      loadBalancerConfig:
        sslCertIamArn: arn:aws:iam::111122223333:server-certificate/lisa
        domainName: api.example.com
        healthCheckConfig:
          path: /health
    ragRepositories: []
    litellmConfig:
      general_settings:
        master_key: \(masterKey)
      model_list:

  """
}

@Suite struct ConfigMigratorTests {
  @Test func migratesTheFixtureLikeLisaMeantTo() throws {
    let text = try String(contentsOf: TestPaths.fixture("v3.1/config.yaml"), encoding: .utf8)
    let result = try migrate(text)
    #expect(result.environment == "dev")
    let node = result.node
    #expect(node.lookup(["litellmConfig", "db_key"])?.scalar?.text == "sk-5f0e1d2c-3b4a-4968-8776-a5b4c3d2e1f0")
    #expect(node.lookup(["litellmConfig", "dbKey"]) == nil)
    #expect(node.lookup(["litellmConfig", "general_settings"]) == nil)
    #expect(node.lookup(["litellmConfig", "model_list"]) == nil)
    #expect(node.lookup(["litellmConfig", "litellm_settings", "telemetry"])?.scalar?.text == "false")
    #expect(node.lookup(["restApiConfig"])?.mapping?.keys == ["sslCertIamArn", "internetFacing"])
    #expect(node.lookup(["lambdaConfig"]) == nil)
    #expect(node.lookup(["profile"]) == nil && node.lookup(["deploymentName"]) == nil)
    #expect(node.lookup(["mountS3DebUrl"]) == nil, "equal to config-base.yaml")
    #expect(node.lookup(["accountNumber"])?.scalar?.resolved == .string("001234567890"))
    let dropped = Set(result.report.dropped.map(\.path))
    #expect(
      dropped.isSuperset(of: [
        "lambdaConfig", "profile", "deploymentName", "restApiConfig.apiVersion", "restApiConfig.instanceType",
        "restApiConfig.containerConfig", "restApiConfig.autoScalingConfig", "restApiConfig.loadBalancerConfig.healthCheckConfig",
        "litellmConfig.model_list",
      ]))
    #expect(result.report.renamed.map(\.path).contains("litellmConfig.general_settings.master_key"))
    #expect(result.report.dropped.first { $0.path == "lambdaConfig" }?.line == 26)
    // The fixture leaves authConfig empty, which LISA rejects; the migration says so instead of writing it.
    #expect(
      Set(result.errors.map(\.path)) == [
        "authConfig.authority", "authConfig.clientId", "authConfig.adminGroup", "authConfig.jwtGroupsProperty",
      ])
    // Comments of surviving keys come along; those of dropped keys do not.
    #expect(
      result.yaml.contains(
        "  db_key: sk-5f0e1d2c-3b4a-4968-8776-a5b4c3d2e1f0  # required for model management\n"))
    #expect(result.yaml.contains("# NOTE: a custom domain for the chat UI"))
    #expect(result.yaml.contains("  # - repositoryId: default\n"))
    #expect(!result.yaml.contains("model_name: mymodel"))
    #expect(try YAMLLoader.parse(text: result.yaml, file: "out.yaml").sameValue(as: node))
  }

  @Test(arguments: [
    "v3.2/config-base.yaml", "v6.6/config-base.yaml", "v3.2/config-custom.yaml", "v6.6/config-custom.yaml",
  ])
  func splitLayoutFixturesAreRecognised(fixture: String) throws {
    let text = try String(contentsOf: TestPaths.fixture(fixture), encoding: .utf8)
    let error = try #require(throws: LisaError.self) { try migrate(text) }
    #expect(error.status == .invalid)
    #expect(error.description.contains("already in the split layout"))
  }

  @Test func theEnvironmentEnvNamesWinsNotTheLastBlock() throws {
    let text = "env: prod\nprod:\n" + legacyBlock(masterKey: "sk-prod") + "dev:\n" + legacyBlock(masterKey: "sk-dev")
    let result = try migrate(text)
    #expect(result.environment == "prod")
    #expect(result.node.lookup(["litellmConfig", "db_key"])?.scalar?.text == "sk-prod")
    #expect(result.errors.isEmpty, "\(result.errors.map(\.line))")
    let dev = try migrate(text, env: "dev")
    #expect(dev.node.lookup(["litellmConfig", "db_key"])?.scalar?.text == "sk-dev")
  }

  @Test func environmentSelectionErrors() throws {
    let two = "dev:\n" + legacyBlock() + "prod:\n" + legacyBlock()
    let ambiguous = try #require(throws: LisaError.self) { try migrate(two) }
    #expect(ambiguous.description.contains("2 environment blocks (dev, prod)"))
    #expect(try migrate("dev:\n" + legacyBlock()).environment == "dev")
    let missing = try #require(throws: LisaError.self) { try migrate("env: qa\ndev:\n" + legacyBlock()) }
    #expect(missing.status == .notFound)
    #expect(missing.description == "config.yaml:1:6: environment 'qa' not found (environments: dev)")
    let notMap = try #require(throws: LisaError.self) { try migrate("env: dev\ndev: 3\nprod:\n" + legacyBlock()) }
    #expect(notMap.status == .notFound || notMap.status == .invalid)
  }

  @Test func missingSectionsAreNotACrash() throws {
    let bare =
      "env: dev\ndev:\n  accountNumber: \"111122223333\"\n  region: us-west-2\n  s3BucketModels: b\n  deployChat: false\n  deployRag: false\n  deployUi: false\n  ragRepositories: []\n"
    let result = try migrate(bare)
    #expect(result.errors.isEmpty)
    #expect(result.report.notes.contains { $0.contains("no litellmConfig section") })
    #expect(result.diagnostics.contains { $0.path == "litellmConfig.db_key" && $0.severity == .warning })
    let noLoadBalancer = try migrate(
      "env: dev\ndev:\n  restApiConfig:\n    internetFacing: true\n  litellmConfig:\n    litellm_settings: {}\n")
    #expect(noLoadBalancer.node.lookup(["restApiConfig", "internetFacing"])?.scalar?.text == "true")
    #expect(noLoadBalancer.report.notes.contains { $0.contains("no litellmConfig.general_settings.master_key") })
  }

  @Test func liftsLoadBalancerSettingsAndRenamesDbKey() throws {
    let result = try migrate("env: dev\ndev:\n" + legacyBlock())
    #expect(result.node.lookup(["restApiConfig"])?.mapping?.keys == ["sslCertIamArn", "internetFacing", "domainName"])
    #expect(result.node.lookup(["restApiConfig", "domainName"])?.scalar?.text == "api.example.com")
    let fromBuggyScript = try migrate("env: dev\ndev:\n  litellmConfig:\n    dbKey: sk-kept\n")
    #expect(fromBuggyScript.node.lookup(["litellmConfig", "db_key"])?.scalar?.text == "sk-kept")
    #expect(fromBuggyScript.report.renamed.first?.path == "litellmConfig.dbKey")
  }

  @Test func defaultsAreLeftToTheBaseUnlessKept() throws {
    let base =
      "mountS3DebUrl: https://x\nragFileProcessingConfig:\n  chunkSize: 512\n  chunkOverlap: 51\nlitellmConfig:\n  db_key: sk-base\n"
    let text =
      "env: dev\ndev:\n  mountS3DebUrl: https://x\n  ragFileProcessingConfig:\n    chunkSize: 512\n    chunkOverlap: 60\n  region: r\n"
    let lean = try migrate(text, base: base)
    #expect(lean.node.lookup(["mountS3DebUrl"]) == nil)
    #expect(lean.node.lookup(["ragFileProcessingConfig"])?.mapping?.keys == ["chunkOverlap"])
    #expect(Set(lean.report.omittedDefaults.map(\.path)) == ["mountS3DebUrl", "ragFileProcessingConfig.chunkSize"])
    let kept = try migrate(text, base: base, keepDefaults: true)
    #expect(kept.node.lookup(["mountS3DebUrl"])?.scalar?.text == "https://x")
    #expect(kept.report.omittedDefaults.isEmpty)
  }

  @Test func unknownKeysAreDroppedAndReported() throws {
    let result = try migrate(
      "env: dev\ndev:\n  region: r\n  deployUI: true\n  authConfig:\n    authority: a\n    clientId: c\n    groupClaim: x\n")
    let byPath = Dictionary(uniqueKeysWithValues: result.report.dropped.map { ($0.path, $0.detail) })
    #expect(byPath["deployUI"]?.contains("did you mean 'deployUi'?") == true)
    #expect(byPath["authConfig.groupClaim"] != nil)
    #expect(result.node.lookup(["authConfig"])?.mapping?.keys == ["authority", "clientId"])
  }
}
