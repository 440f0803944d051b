import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The built binary against the fake `/repository` API: collections (embeddingModel immutable, --hard) and
/// `rag migrate-yaml` (v4 ragRepositories of a config carried over to the API, dry run first).
@Suite(.serialized) struct RagCollectionsEndToEndTests {
  func write(_ text: String, _ name: String, in dir: URL) throws {
    try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  @Test func collectionsCreateListUpdateAndDelete() async throws {
    try await FakeLisaServer.withRag { server, _ in
      try await server.seedRepository(
        #"{"repositoryId": "kb-docs", "type": "pgvector", "rdsConfig": {}, "embeddingModelId": "e5"}"#)
      let dir = TestPaths.temporaryDirectory("e2e-rag-collections")
      let env = server.environment
      try write(
        "name: Manuals\nembeddingModel: titan\nchunkingStrategy: {type: fixed, size: 800, overlap: 80}\n", "c.yaml", in: dir)
      let created = try await Subprocess.lisa(
        ["rag", "collections", "create", "kb-docs", "-f", "c.yaml", "-o", "id"], cwd: dir, environment: env)
      #expect(created.status == 0, "\(created.stderr)")
      let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      let list = try await Subprocess.lisa(["rag", "collections", "list", "kb-docs", "-o", "json"], cwd: dir, environment: env)
      let items = try JSONValue.parse(Data(list.stdout.utf8), source: "list").arrayItems ?? []
      #expect(items.count == 2 && items.contains { $0["name"] == .string("Manuals") }, "\(list.stdout)")

      try write("embeddingModel: other-model\ndescription: new\n", "u.yaml", in: dir)
      let refused = try await Subprocess.lisa(
        ["rag", "collections", "update", "kb-docs", id, "-f", "u.yaml"], cwd: dir, environment: env)
      #expect(refused.status == 7, "\(refused.stderr)")
      #expect(
        refused.stderrWithoutWaits.hasPrefix("u.yaml:1:1: error: embeddingModel: cannot change after create (is titan)"),
        "\(refused.stderr)")
      try write("embeddingModel: titan\ndescription: new\n", "same.yaml", in: dir)
      let updated = try await Subprocess.lisa(
        ["rag", "collections", "update", "kb-docs", id, "-f", "same.yaml", "-o", "json"], cwd: dir, environment: env)
      #expect(updated.status == 0, "\(updated.stderr)")
      let put = try await server.requests().last { $0["method"] == .string("PUT") }
      #expect(put?["body"]?.stringValue == #"{"description":"new"}"#)

      let deleted = try await Subprocess.lisa(
        ["rag", "collections", "delete", "kb-docs", id, "--hard", "--yes"], cwd: dir, environment: env)
      #expect(deleted.status == 0, "\(deleted.stderr)")
      #expect(deleted.stderr.contains("LISA v6.6.0 does not read hardDelete"))
      let delete = try await server.requests().last { $0["method"] == .string("DELETE") }
      #expect(delete?["query"]?["hardDelete"] == .string("true"))
    }
  }

  static let legacyConfig = """
    deploymentName: prod
    ragRepositories:
      - repositoryId: legacy-docs
        type: opensearch
        opensearchConfig:
          dataNodes: 2
        pipelines:
          - chunkSize: 512
            chunkOverlap: 51
            embeddingModel: e5-embed
            s3Bucket: old-bucket
            s3Prefix: docs/
            trigger: daily
      - repositoryId: existing-one
        type: pgvector
        rdsConfig:
          dbPort: 5432
    """

  @Test func migrateYAMLPrintsRequestsOnADryRunThenCreatesWhatIsMissing() async throws {
    try await FakeLisaServer.withRag { server, _ in
      try await server.seedRepository(#"{"repositoryId": "existing-one", "type": "pgvector", "rdsConfig": {"dbPort": 5432}}"#)
      let dir = TestPaths.temporaryDirectory("e2e-rag-migrate")
      try write(Self.legacyConfig, "config-custom.yaml", in: dir)
      let env = server.environment.merging(["LISA_CONFIG_DIR": dir.path], uniquingKeysWith: { _, new in new })
      let dry = try await Subprocess.lisa(["rag", "migrate-yaml", "--dry-run"], cwd: dir, environment: env)
      #expect(dry.status == 0, "\(dry.stderr)")
      #expect(dry.stdout.contains("requests:") && dry.stdout.contains("embeddingModelId: e5-embed"), "\(dry.stdout)")
      #expect(dry.stdout.contains("+ create    legacy-docs\n= unchanged existing-one\n"), "\(dry.stdout)")
      #expect(dry.stderr.contains("legacy-docs: pipelines[0].trigger 'daily' is refused by LISA's API"), "\(dry.stderr)")
      #expect(dry.stderr.contains("cannot be brought back through YAML"))
      #expect(try await server.calls().filter { !$0.hasPrefix("GET ") }.isEmpty)

      let refused = try await Subprocess.lisa(["rag", "migrate-yaml"], cwd: dir, environment: env)
      #expect(refused.status == 64, "\(refused.stderr)")
      let applied = try await Subprocess.lisa(
        ["rag", "migrate-yaml", "--yes", "--wait", "--interval", "0.1"], cwd: dir, environment: env)
      #expect(applied.status == 0, "\(applied.stderr)")
      let created = try await server.ragState()["repositories"]?["legacy-docs"]
      #expect(created?["status"] == .string("CREATE_COMPLETE"), "\(applied.stderr)")
      #expect(created?["pipelines"]?.arrayItems?.first?["trigger"] == .string("event"))
      let again = try await Subprocess.lisa(["rag", "migrate-yaml", "--yes"], cwd: dir, environment: env)
      #expect(again.status == 0 && again.stderr.contains("nothing to do"), "\(again.stderr)")
    }
  }
}
