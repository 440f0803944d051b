import Foundation

/// LISA's configuration schema (`lib/schema/configSchema.ts`, `ragSchema.ts`, `cdk.ts`, v6.6.0) as
/// `SchemaShape`s. Cross-field refinements live in `ConfigValidator`.
public enum LisaConfigSchema {
  public static let lisaVersion = "6.6.0"

  static let validInstanceTypes = [
    "m5.large", "m5.xlarge", "m5.2xlarge", "m5d.xlarge", "m5d.2xlarge",
    "g4dn.xlarge", "g4dn.2xlarge", "g4dn.4xlarge", "g4dn.8xlarge", "g4dn.16xlarge", "g4dn.12xlarge", "g4dn.metal",
    "g5.xlarge", "g5.2xlarge", "g5.4xlarge", "g5.8xlarge", "g5.16xlarge", "g5.12xlarge", "g5.24xlarge", "g5.48xlarge",
    "g6.xlarge", "g6.2xlarge", "g6.4xlarge", "g6.8xlarge", "g6.16xlarge", "g6.12xlarge", "g6.24xlarge", "g6.48xlarge",
    "g6e.xlarge", "g6e.2xlarge", "g6e.4xlarge", "g6e.8xlarge", "g6e.16xlarge", "g6e.12xlarge", "g6e.24xlarge", "g6e.48xlarge",
    "p4d.24xlarge", "p4de.24xlarge", "p5.48xlarge", "p5e.48xlarge", "p5en.48xlarge",
  ]

  static let imageAsset = SchemaShape.union([
    .obj(.req("path", .str), .req("type", .oneOf(["tarball"]))),
    .obj(.req("baseImage", .str), .req("path", .str), .req("type", .oneOf(["asset"]))),
    .obj(.req("repositoryArn", .str), .opt("tag", .str), .req("type", .oneOf(["ecr"]))),
    .obj(.req("registry", .str), .req("type", .oneOf(["registry"]))),
    .obj(.req("type", .oneOf(["external"])), .opt("code", .any)),
  ])

  static let rdsConfig = SchemaShape.obj(
    .opt("username", .str), .opt("passwordSecretId", .str), .opt("dbHost", .str), .opt("dbName", .str), .opt("dbPort", .num))

  static let chunkingStrategy = SchemaShape.union([
    .obj(.req("type", .oneOf(["fixed"])), .opt("size", .num(min: 100, max: 10000)), .opt("overlap", .num(min: 0))),
    .obj(.req("type", .oneOf(["none"]))),
  ])

  static let pipeline = SchemaShape.obj(
    .opt("chunkSize", .num), .opt("chunkOverlap", .num), .opt("chunkingStrategy", chunkingStrategy),
    .opt("embeddingModel", .str), .opt("collectionId", .str), .req("s3Bucket", .str), .opt("s3Prefix", .str),
    .opt("trigger", .oneOf(["daily", "event"])), .opt("autoRemove", .bool))

  static let ragRepository = SchemaShape.obj(
    .req("repositoryId", .string(StringRules(nonEmpty: true))),
    .opt("repositoryName", .str), .opt("description", .str), .opt("embeddingModelId", .str),
    .req("type", .oneOf(["opensearch", "pgvector", "bedrock_knowledge_base"])),
    .opt(
      "opensearchConfig",
      .union([
        .obj(.req("endpoint", .string(StringRules(nonEmpty: true)))),
        .obj(
          .opt("dataNodes", .num(min: 1)), .opt("dataNodeInstanceType", .str), .opt("masterNodes", .num(min: 0)),
          .opt("masterNodeInstanceType", .str), .opt("volumeSize", .num(min: 20)),
          .opt("volumeType", .oneOf(["standard", "io1", "io2", "gp2", "gp3", "st1", "sc1"])), .opt("multiAzWithStandby", .bool)),
      ])),
    .opt("rdsConfig", rdsConfig),
    .opt(
      "bedrockKnowledgeBaseConfig",
      .obj(
        .req("knowledgeBaseId", .str),
        .req("dataSources", .array(.obj(.req("id", .str), .req("name", .str), .req("s3Uri", .str)), minItems: 1)))),
    .opt("pipelines", .array(pipeline)),
    .opt("allowedGroups", .array(.str, minItems: 1)),
    .opt("metadata", .obj(.opt("tags", .strings), .opt("customFields", .record(.any)))),
    .opt(
      "status",
      .oneOf([
        "CREATE_IN_PROGRESS", "CREATE_COMPLETE", "CREATE_FAILED", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE",
        "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "DELETE_IN_PROGRESS", "DELETE_FAILED", "UNKNOWN",
      ])))

  static let roles = SchemaShape.object(
    [
      "DockerImageBuilderDeploymentRole", "DockerImageBuilderEC2Role", "DockerImageBuilderRole", "ECSModelDeployerRole",
      "ECSModelTaskRole", "ECSRestApiRole", "ECSRestApiExRole", "LambdaExecutionRole", "ECSMcpWorkbenchApiRole",
      "ECSMcpWorkbenchApiExRole", "LambdaConfigurationApiExecutionRole", "ModelApiRole", "ModelsSfnLambdaRole", "ModelSfnRole",
      "RestApiAuthorizerRole", "McpServerDeployerRole", "ApiTokensApiRole",
    ].map { SchemaField.req($0, .string(StringRules(maxLength: 64))) }
      + ["DocsRole", "DocsDeployerRole", "RagLambdaExecutionRole", "S3ReaderRole", "UIDeploymentRole", "VectorStoreCreatorRole"]
      .map { SchemaField.opt($0, .string(StringRules(maxLength: 64))) })

  static let restApiConfig = SchemaShape.obj(
    .opt("internetFacing", .bool), .nullish("domainName", .str), .nullish("sslCertIamArn", .str),
    .opt("imageConfig", imageAsset), .opt("buildConfig", .obj(.opt("PRISMA_CACHE_DIR", .str))),
    .opt("rdsConfig", rdsConfig),
    .opt("rateLimitRpm", .number(NumberRules(min: 1, integer: true))),
    .opt("rateLimitBurst", .number(NumberRules(min: 0, integer: true))),
    .opt("rateLimitEnabled", .bool),
    .opt(
      "rateLimitOverrides",
      .record(
        .obj(.opt("rpm", .number(NumberRules(min: 1, integer: true))), .opt("burst", .number(NumberRules(min: 0, integer: true))))
      )))

  static let authConfig = SchemaShape.obj(
    .req("authority", .str), .req("clientId", .str), .opt("adminGroup", .str), .opt("userGroup", .str), .opt("apiGroup", .str),
    .opt("ragAdminGroup", .str), .opt("jwtGroupsProperty", .str), .opt("additionalScopes", .strings))

  static let litellmConfig = SchemaShape.obj(
    .req("db_key", .str), .opt("general_settings", .any), .opt("litellm_settings", .any), .opt("router_settings", .any),
    .opt("environment_variables", .any), .opt("callback_settings", .any))

  static let sg = SchemaShape.string(StringRules(prefix: "sg-"))

  public static let root = SchemaShape.object([
    .opt("appName", .str), .nullish("profile", .str), .opt("deploymentName", .str),
    .req("accountNumber", .union([.num, .str])), .req("region", .str),
    .opt("partition", .str), .opt("domain", .str),
    .opt("restApiConfig", restApiConfig),
    .opt("mcpWorkbenchRestApiConfig", .obj(.nullish("domainName", .str), .nullish("sslCertIamArn", .str))),
    .opt("mcpWorkbenchConfig", imageAsset),
    .opt(
      "mcpWorkbenchBuildConfig",
      .obj(.opt("S6_OVERLAY_NOARCH_SOURCE", .str), .opt("S6_OVERLAY_ARCH_SOURCE", .str), .opt("RCLONE_SOURCE", .str))),
    .opt("batchIngestionConfig", imageAsset),
    .opt("vpcId", .str),
    .opt(
      "subnets",
      .array(
        .obj(
          .req("subnetId", .string(StringRules(prefix: "subnet-"))), .req("ipv4CidrBlock", .str), .req("availabilityZone", .str)))
    ),
    .opt(
      "securityGroupConfig",
      .obj(
        .req("modelSecurityGroupId", sg), .req("restAlbSecurityGroupId", sg), .req("lambdaSecurityGroupId", sg),
        .req("liteLlmDbSecurityGroupId", sg), .opt("openSearchSecurityGroupId", sg), .opt("pgVectorSecurityGroupId", sg))),
    .opt("deploymentStage", .str),
    .opt("removalPolicy", .oneOf(["destroy", "retain"])),
    .opt("maxAzs", .int), .opt("runCdkNag", .bool), .opt("privateEndpoints", .bool),
    .req("s3BucketModels", .str), .req("mountS3DebUrl", .str), .opt("imageBuilderVolumeSize", .num),
    .opt("accountNumbersEcr", .array(.union([.num, .str]))),
    .opt("deployRag", .bool), .opt("deployChat", .bool), .opt("deployDocs", .bool), .opt("deployUi", .bool),
    .opt("useCustomBranding", .bool), .opt("customDisplayName", .str), .opt("deployMetrics", .bool),
    .opt("deployHealthDashboard", .bool), .opt("deployMcp", .bool), .opt("deployServe", .bool), .opt("deployMcpWorkbench", .bool),
    .opt(
      "mcpWorkbenchEcsConfig",
      .obj(
        .opt("instanceType", .oneOf(validInstanceTypes)), .opt("blockDeviceVolumeSize", .num(min: 30)),
        .opt("minCapacity", .num(min: 1)),
        .opt("maxCapacity", .num(min: 1)), .opt("cooldown", .num(min: 1)), .nullish("domainName", .str),
        .nullish("sslCertIamArn", .str))),
    .opt("mcpWorkbenchCorsOrigins", .str), .opt("corsAllowedOrigins", .str),
    .opt("logLevel", .oneOf(["DEBUG", "INFO", "WARNING", "ERROR"])),
    .opt("authConfig", authConfig), .opt("roles", roles),
    .opt("pypiConfig", .obj(.opt("indexUrl", .str), .opt("trustedHost", .str))),
    .opt("baseImage", .str), .opt("nodejsImage", .str), .opt("condaUrl", .str), .opt("certificateAuthorityBundle", .str),
    .req("ragRepositories", .array(ragRepository)),
    .opt("ragFileProcessingConfig", .obj(.req("chunkSize", .num(min: 100, max: 10000)), .req("chunkOverlap", .num(min: 0)))),
    .opt(
      "ecsModels",
      .array(
        .obj(
          .req("modelName", .str), .req("baseImage", .str),
          .req("inferenceContainer", .oneOf(["tgi", "tei", "instructor", "vllm"]))))),
    .opt("apiGatewayConfig", .obj(.nullish("domainName", .str))),
    .opt("nvmeHostMountPath", .str), .opt("nvmeContainerMountPath", .str),
    .opt("tags", .array(.obj(.req("Key", .str), .req("Value", .str)))),
    .opt("tagContainers", .bool), .opt("deploymentPrefix", .str),
    .opt("webAppAssetsPath", .str), .opt("ecsModelDeployerPath", .str), .opt("mcpServerDeployerPath", .str),
    .opt("vectorStoreDeployerPath", .str), .opt("documentsPath", .str), .opt("lambdaPath", .any),
    .opt(
      "lambdaLayerAssets",
      .obj(
        .opt("authorizerLayerPath", .str), .opt("commonLayerPath", .str), .opt("fastapiLayerPath", .str),
        .opt("ragLayerPath", .str), .opt("cdkLayerPath", .str))),
    .opt(
      "auditLoggingConfig",
      .obj(
        .opt("enabled", .bool), .opt("auditAll", .bool), .opt("enabledPaths", .strings),
        .opt("maxRequestBodyBytes", .number(NumberRules(min: 1, integer: true))), .opt("includeJsonBody", .bool))),
    .opt(
      "permissionsBoundaryAspect",
      .obj(
        .req("permissionsBoundaryPolicyName", .str), .opt("rolePrefix", .string(StringRules(maxLength: 20))),
        .opt("policyPrefix", .string(StringRules(maxLength: 20))), .opt("instanceProfilePrefix", .str))),
    .opt("stackSynthesizer", .oneOf(["CliCredentialsStackSynthesizer", "DefaultStackSynthesizer", "LegacyStackSynthesizer"])),
    .opt("bootstrapQualifier", .str), .opt("bootstrapRolePrefix", .str),
    .req("litellmConfig", litellmConfig),
    .opt("convertInlinePoliciesToManaged", .bool), .opt("iamRdsAuth", .bool),
  ])

  public static let topLevelKeys: [String] = {
    guard case .object(let fields) = root else { return [] }
    return fields.map(\.name)
  }()

  /// Keys older LISA versions accepted that are gone now, with what became of them.
  public static let retiredKeys: [String: String] = [
    "lambdaConfig": "removed in LISA v3.2 (Lambda settings are no longer configurable)",
    "restApiConfig.apiVersion": "removed in LISA v3.2",
    "restApiConfig.instanceType": "removed in LISA v3.2 (the REST API runs on Fargate-managed defaults)",
    "restApiConfig.containerConfig": "removed in LISA v3.2 (use restApiConfig.imageConfig to override the image)",
    "restApiConfig.autoScalingConfig": "removed in LISA v3.2",
    "restApiConfig.loadBalancerConfig": "removed in LISA v3.2 (sslCertIamArn and domainName moved to restApiConfig)",
    "litellmConfig.model_list": "not read since LISA v3 (register models with the Model Management API: lisa models create)",
    "litellmConfig.dbKey": "the schema key is db_key; dbKey is dropped and the base default key is used instead",
    "env": "the single-file config.yaml layout was replaced in LISA v3.2 (run: lisa migrate config)",
  ]
}
