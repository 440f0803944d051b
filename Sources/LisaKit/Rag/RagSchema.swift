import Foundation

/// Field shapes of LISA's RAG request models (`VectorStoreConfig`, `PipelineConfig`, `RagCollectionConfig`),
/// as lisa checks them before sending (docs/lisa/rag-api.md#repository, #collections).
public enum RagSchema {
  public static let repositoryTypes = ["opensearch", "pgvector", "bedrock_knowledge_base"]
  /// The type-specific config each repository type needs (the deploy-time schema's refinement).
  public static let typeConfig = [
    "opensearch": "opensearchConfig", "pgvector": "rdsConfig", "bedrock_knowledge_base": "bedrockKnowledgeBaseConfig",
  ]
  /// Fields `UpdateVectorStoreRequest` takes; the others cannot change after create.
  public static let updatable: Set<String> = [
    "repositoryName", "description", "embeddingModelId", "allowedGroups", "metadata", "pipelines",
    "bedrockKnowledgeBaseConfig",
  ]
  /// Pipeline fields LISA refuses to change on an existing pipeline.
  public static let immutablePipelineFields = ["autoRemove", "collectionId", "s3Bucket", "s3Prefix", "trigger"]
  /// What LISA adds to a stored repository; not part of a definition.
  public static let serverFields: Set<String> = [
    "status", "createdBy", "createdAt", "updatedAt", "legacy", "executionArn", "stackName", "statusReason",
  ]
  /// Collection fields `PUT …/collection/{id}` changes; `embeddingModel` is immutable after create.
  public static let collectionUpdatable: Set<String> = [
    "name", "description", "chunkingStrategy", "allowedGroups", "metadata", "allowChunkingOverride", "pipelines",
  ]
  public static let collectionServerFields: Set<String> = [
    "collectionId", "repositoryId", "createdBy", "createdAt", "updatedAt", "status", "default", "dataSourceId",
  ]

  static let strings = FieldShape.list(.string())
  static let metadata = FieldShape.object([FieldSpec("tags", strings), FieldSpec("customFields", .anything)])
  /// `FixedChunkingStrategy | NoneChunkingStrategy`; which one, and the overlap rule, `RagRules` checks.
  static let chunking = FieldShape.object([
    FieldSpec("type", .choice(["fixed", "none"])), FieldSpec("size", .integer()), FieldSpec("overlap", .integer()),
  ])

  static let pipeline = FieldShape.object([
    FieldSpec("s3Bucket", .string(nonEmpty: true), required: true), FieldSpec("s3Prefix", .string(), required: true),
    FieldSpec("trigger", .string(), required: true), FieldSpec("autoRemove", .bool),
    FieldSpec("chunkingStrategy", chunking), FieldSpec("chunkSize", .integer(min: 0)),
    FieldSpec("chunkOverlap", .integer(min: 0)), FieldSpec("collectionId", .string()), FieldSpec("metadata", metadata),
  ])

  static let opensearch = FieldShape.object([
    FieldSpec("endpoint", .string(nonEmpty: true)), FieldSpec("dataNodes", .integer(min: 1)),
    FieldSpec("dataNodeInstanceType", .string()), FieldSpec("masterNodes", .integer(min: 0)),
    FieldSpec("masterNodeInstanceType", .string()), FieldSpec("volumeSize", .integer(min: 20)),
    FieldSpec("volumeType", .choice(["gp2", "gp3", "io1", "io2", "sc1", "st1", "standard"])),
    FieldSpec("multiAzWithStandby", .bool),
  ])

  static let rds = FieldShape.object([
    FieldSpec("username", .string()), FieldSpec("passwordSecretId", .string()), FieldSpec("dbHost", .string()),
    FieldSpec("dbName", .string()), FieldSpec("dbPort", .integer(min: 1, max: 65535)),
  ])

  static let knowledgeBase = FieldShape.object([
    FieldSpec("knowledgeBaseId", .string(nonEmpty: true), required: true),
    FieldSpec(
      "dataSources",
      .list(
        .object([
          FieldSpec("id", .string(nonEmpty: true), required: true), FieldSpec("name", .string(nonEmpty: true), required: true),
          FieldSpec("s3Uri", .string(nonEmpty: true), required: true),
        ])), required: true),
  ])

  public static let repository: [FieldSpec] = [
    FieldSpec("repositoryId", .string(nonEmpty: true), required: true), FieldSpec("repositoryName", .string()),
    FieldSpec("description", .string()), FieldSpec("embeddingModelId", .string()),
    FieldSpec("type", .choice(repositoryTypes), required: true), FieldSpec("allowedGroups", strings),
    FieldSpec("metadata", metadata), FieldSpec("pipelines", .list(pipeline)), FieldSpec("opensearchConfig", opensearch),
    FieldSpec("rdsConfig", rds), FieldSpec("bedrockKnowledgeBaseConfig", knowledgeBase),
  ]

  public static let collection: [FieldSpec] = [
    FieldSpec("name", .string()), FieldSpec("description", .string()), FieldSpec("chunkingStrategy", chunking),
    FieldSpec("allowChunkingOverride", .bool), FieldSpec("metadata", metadata), FieldSpec("allowedGroups", strings),
    FieldSpec("embeddingModel", .string()), FieldSpec("pipelines", .list(pipeline)),
  ]
}
