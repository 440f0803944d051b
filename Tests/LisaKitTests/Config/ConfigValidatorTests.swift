import LisaKit
import LisaTestSupport
import Testing

/// A config LISA accepts, and one failing variant per rule.
let validCustom = """
  accountNumber: "012345678901"
  region: us-east-1
  s3BucketModels: my-models
  authConfig:
    authority: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc
    clientId: client
    adminGroup: admins
    jwtGroupsProperty: cognito:groups
  ragRepositories:
    - repositoryId: pgvector-rag
      type: pgvector
      rdsConfig:
        username: postgres
  litellmConfig:
    db_key: sk-0a1b2c3d
  restApiConfig:
    rateLimitOverrides:
      "user:alice":
        rpm: 120

  """

let validBase = """
  mountS3DebUrl: https://s3.amazonaws.com/mountpoint-s3-release/latest/x86_64/mount-s3.deb
  litellmConfig:
    db_key: sk-a8814208-0388-480c-9fc7-fea59607ca38

  """

func diagnostics(_ custom: String, base: String = validBase) throws -> [ConfigDiagnostic] {
  ConfigValidator.validate(
    LodashMerge.merge(try yaml(base, file: "config-base.yaml"), try yaml(custom, file: "config-custom.yaml")))
}

func errors(_ custom: String, base: String = validBase) throws -> [ConfigDiagnostic] {
  try diagnostics(custom, base: base).filter { $0.severity == .error }
}

@Suite struct ConfigValidatorTests {
  @Test func validConfigHasNoErrorsOrWarnings() throws {
    #expect(try diagnostics(validCustom).isEmpty)
  }

  @Test func lisaExampleConfigWithAuthFilledInIsValid() throws {
    let example = try String(contentsOf: TestPaths.fixture("v6.6/config-custom.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "  authority:\n", with: "  authority: https://idp\n")
      .replacingOccurrences(of: "  clientId:\n", with: "  clientId: c\n")
      .replacingOccurrences(of: "  adminGroup:\n", with: "  adminGroup: a\n")
      .replacingOccurrences(of: "  ragAdminGroup:\n", with: "  ragAdminGroup: r\n")
      .replacingOccurrences(of: "  jwtGroupsProperty:\n", with: "  jwtGroupsProperty: g\n")
    let base = try String(contentsOf: TestPaths.fixture("v6.6/config-base.yaml"), encoding: .utf8)
    #expect(try errors(example, base: base).isEmpty)
  }

  /// (replace this, with that, expected path, expected message fragment)
  @Test(arguments: [
    ("region: us-east-1\n", "", "region", "required key is missing"),
    ("s3BucketModels: my-models\n", "", "s3BucketModels", "required key is missing"),
    ("accountNumber: \"012345678901\"\n", "", "accountNumber", "required key is missing"),
    ("accountNumber: \"012345678901\"\n", "accountNumber: \"1234\"\n", "accountNumber", "12 digits"),
    ("accountNumber: \"012345678901\"\n", "accountNumber: 012345678901\n", "accountNumber", "quote it"),
    ("  db_key: sk-0a1b2c3d\n", "  db_key: abc\n", "litellmConfig.db_key", "must start with \"sk-\""),
    ("region: us-east-1\n", "region: us-east-1\ndeployChat: false\n", "deployUi", "needs the chat stack"),
    ("region: us-east-1\n", "region: 42\n", "region", "expected a string, found a number '42'"),
    ("region: us-east-1\n", "region: us-east-1\nremovalPolicy: keep\n", "removalPolicy", "expected one of 'destroy', 'retain'"),
    ("region: us-east-1\n", "region: us-east-1\nremovalPolicy: Retain\n", "removalPolicy", "did you mean 'retain'?"),
    ("region: us-east-1\n", "region: us-east-1\nlogLevel: TRACE\n", "logLevel", "expected one of"),
    ("region: us-east-1\n", "region: us-east-1\nrunCdkNag: yes\n", "runCdkNag", "YAML 1.2"),
    ("region: us-east-1\n", "region: us-isob-east-1\n", "pypiConfig.indexUrl", "iso region"),
    ("    \"user:alice\":\n", "    \"alice\":\n", "restApiConfig.rateLimitOverrides.alice", "token:<tokenUUID>"),
    ("      rpm: 120\n", "      rpm: 0\n", "restApiConfig.rateLimitOverrides.user:alice.rpm", "at least 1"),
    ("restApiConfig:\n", "restApiConfig:\n  rateLimitRpm: 1.5\n", "restApiConfig.rateLimitRpm", "integer"),
    (
      "restApiConfig:\n", "restApiConfig:\n  rdsConfig:\n    dbHost: db.example\n", "restApiConfig.rdsConfig.dbHost",
      "must not be set"
    ),
    (
      "  - repositoryId: pgvector-rag\n", "  - repositoryId: -rag-\n", "ragRepositories[0].repositoryId",
      "cannot start or end with '-'"
    ),
    ("  - repositoryId: pgvector-rag\n", "  - repositoryId: PG\n", "ragRepositories[0].repositoryId", "lowercase"),
    (
      "    rdsConfig:\n      username: postgres\n", "    opensearchConfig:\n      endpoint: x\n", "ragRepositories[0].rdsConfig",
      "required for a pgvector"
    ),
    ("    type: pgvector\n", "    type: chroma\n", "ragRepositories[0].type", "expected one of"),
    (
      "ragRepositories:\n", "ecsModels:\n  - modelName: m\n    baseImage: b\n    inferenceContainer: tgi2\nragRepositories:\n",
      "ecsModels[0].inferenceContainer", "expected one of 'tgi', 'tei', 'instructor', 'vllm'"
    ),
    (
      "ragRepositories:\n", "ecsModels:\n  - modelName: m\n    inferenceContainer: tgi\nragRepositories:\n",
      "ecsModels[0].baseImage", "required key is missing"
    ),
    ("authConfig:\n", "roles:\n  ECSModelTaskRole: x\nauthConfig:\n", "roles.ApiTokensApiRole", "required key is missing"),
    ("  clientId: client\n", "  clientId:\n", "authConfig.clientId", "found null"),
    (
      "ragRepositories:\n",
      "subnets:\n  - subnetId: sn-1\n    ipv4CidrBlock: 10.0.0.0/24\n    availabilityZone: us-east-1a\nragRepositories:\n",
      "subnets[0].subnetId", "must start with \"subnet-\""
    ),
    (
      "ragRepositories:\n", "ragFileProcessingConfig:\n  chunkSize: 50\n  chunkOverlap: 1\nragRepositories:\n",
      "ragFileProcessingConfig.chunkSize", "at least 100"
    ),
    (
      "ragRepositories:\n",
      "permissionsBoundaryAspect:\n  permissionsBoundaryPolicyName: p\n  rolePrefix: ThisPrefixIsFarTooLongForIAM\nragRepositories:\n",
      "permissionsBoundaryAspect.rolePrefix", "at most 20"
    ),
    ("ragRepositories:\n", "stackSynthesizer: Custom\nragRepositories:\n", "stackSynthesizer", "expected one of"),
    (
      "    rdsConfig:\n", "    pipelines:\n      - s3Bucket: b\n        s3Prefix: docs/../x\n    rdsConfig:\n",
      "ragRepositories[0].pipelines[0].s3Prefix", "relative path"
    ),
    (
      "    rdsConfig:\n",
      "    pipelines:\n      - s3Bucket: b\n        chunkingStrategy:\n          type: fixed\n          size: 200\n          overlap: 150\n    rdsConfig:\n",
      "ragRepositories[0].pipelines[0].chunkingStrategy.overlap", "half of size"
    ),
  ])
  func eachRuleRejects(replacing: String, with replacement: String, path: String, fragment: String) throws {
    #expect(validCustom.contains(replacing), "fixture does not contain \(replacing)")
    let found = try errors(validCustom.replacingOccurrences(of: replacing, with: replacement))
    #expect(found.contains { $0.path == path && $0.message.contains(fragment) }, "\(found.map(\.line))")
  }

  @Test func authConfigIsRequiredWhenChatRagOrUiAreOn() throws {
    let noAuth = validCustom.components(separatedBy: "\n").filter {
      !$0.hasPrefix("  authority") && !$0.hasPrefix("  clientId") && !$0.hasPrefix("  adminGroup") && !$0.hasPrefix("  jwtGroups")
        && $0 != "authConfig:"
    }.joined(separator: "\n")
    #expect(try errors(noAuth).contains { $0.path == "authConfig" && $0.message.contains("deployChat, deployRag, deployUi") })
    #expect(try errors(noAuth + "deployChat: false\ndeployRag: false\ndeployUi: false\n").isEmpty)
  }

  @Test func duplicateRepositoryIdsAreErrors() throws {
    let twice = validCustom.replacingOccurrences(
      of: "litellmConfig:", with: "  - repositoryId: pgvector-rag\n    type: pgvector\n    rdsConfig: {}\nlitellmConfig:")
    #expect(try errors(twice).contains { $0.path == "ragRepositories[1].repositoryId" && $0.message.contains("already used") })
  }

  @Test func unknownKeysAreWarningsWithSuggestions() throws {
    let found = try diagnostics(
      validCustom.replacingOccurrences(of: "  db_key: sk-0a1b2c3d\n", with: "  db_key: sk-0a1b2c3d\n  dbKey: sk-x\n")
        + "deployUI: true\nlambdaConfig: {}\n")
    #expect(found.allSatisfy { $0.severity == .warning })
    let byPath = Dictionary(uniqueKeysWithValues: found.map { ($0.path, $0.message) })
    #expect(byPath["litellmConfig.dbKey"]?.contains("did you mean 'db_key'?") == true)
    #expect(byPath["deployUI"]?.contains("did you mean 'deployUi'?") == true)
    #expect(byPath["lambdaConfig"]?.contains("removed in LISA v3.2") == true)
  }

  @Test func thePublishedDefaultDbKeyIsAWarning() throws {
    let found = try diagnostics(validCustom.replacingOccurrences(of: "litellmConfig:\n  db_key: sk-0a1b2c3d\n", with: ""))
    #expect(found.count == 1)
    #expect(found.first?.severity == .warning)
    #expect(found.first?.path == "litellmConfig.db_key")
    #expect(found.first?.location?.file == "config-base.yaml")
  }

  @Test func diagnosticsPointAtTheLineInTheFileThatSetTheValue() throws {
    let found = try errors(validCustom.replacingOccurrences(of: "  db_key: sk-0a1b2c3d\n", with: "  db_key: nope\n"))
    #expect(
      found.first?.line
        == "config-custom.yaml:15:11: error: litellmConfig.db_key: must start with \"sk-\" (any string works; a random UUID is recommended)"
    )
  }
}
