import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The RAG section against the fake `/repository` API: repositories with pipelines and a user collection
/// backed up, torn down, restored through rag repos apply's code, then compared field by field.
@Suite(.serialized) struct BackupRagEndToEndTests {
  static let repositories = """
    repositories:
      - repositoryId: docs-search
        repositoryName: Docs
        type: opensearch
        embeddingModelId: titan-embed
        opensearchConfig:
          dataNodes: 2
          volumeSize: 20
        pipelines:
          - s3Bucket: docs-bucket
            s3Prefix: manuals/
            trigger: event
            chunkSize: 512
            chunkOverlap: 51
      - repositoryId: kb-docs
        type: pgvector
        rdsConfig: {}
        embeddingModelId: e5
    """

  /// Repositories and collections as the fake holds them, without what LISA assigns on create.
  static func state(_ server: FakeLisaServer) async throws -> [String] {
    let state = try await server.ragState()
    // What LISA assigns on create, and a pipeline's deprecated chunk fields, which export leaves out where
    // LISA already turned them into the chunkingStrategy it keeps.
    let drop: Set<String> = [
      "createdAt", "updatedAt", "createdBy", "collectionId", "executionArn", "stackName", "chunkSize", "chunkOverlap",
    ]
    func cleaned(_ value: Any) -> Any {
      if let object = value as? [String: Any] { return object.filter { !drop.contains($0.key) }.mapValues(cleaned) }
      if let array = value as? [Any] { return array.map(cleaned) }
      return value
    }
    func clean(_ value: JSONValue) -> String {
      let object = (try? JSONSerialization.jsonObject(with: Data(JSONWriter.compact(value).utf8))) ?? [:]
      let data = (try? JSONSerialization.data(withJSONObject: cleaned(object), options: [.sortedKeys])) ?? Data()
      return String(decoding: data, as: UTF8.self)
    }
    let repositories = (state["repositories"]?.objectPairs ?? []).map { "repository " + clean($0.1) }
    let collections = (state["collections"]?.arrayItems ?? []).map { "collection " + clean($0) }
    return (repositories + collections).sorted()
  }

  @Test
  func repositoriesAndCollectionsComeBackAsTheyWere() async throws {
    try await FakeLisaServer.withRag(settleAfter: 0.05) { server, _ in
      let dir = TestPaths.temporaryDirectory("e2e-backup-rag")
      var env = server.environment
      env["LISA_STATE_DIR"] = dir.appendingPathComponent("state").path
      env["HOME"] = dir.path
      func lisa(_ arguments: [String]) async throws -> ProcessResult {
        try await Subprocess.lisa(arguments, cwd: dir, environment: env)
      }
      try Self.repositories.write(to: dir.appendingPathComponent("repos.yaml"), atomically: true, encoding: .utf8)
      let applied = try await lisa(["rag", "repos", "apply", "-f", "repos.yaml", "--wait"])
      #expect(applied.status == 0, "\(applied.stderr)")
      try "name: manuals\ndescription: operator manuals\n".write(
        to: dir.appendingPathComponent("collection.yaml"), atomically: true, encoding: .utf8)
      let collection = try await lisa(["rag", "collections", "create", "docs-search", "-f", "collection.yaml"])
      #expect(collection.status == 0, "\(collection.stderr)")
      let before = try await Self.state(server)
      #expect(before.filter { $0.hasPrefix("collection ") }.count >= 3, "two default collections and manuals: \(before)")

      let created = try await lisa(["backup", "create", "--only", "rag", "--no-encrypt", "-f", "rag.lisabak", "-o", "json"])
      #expect(created.status == 0, "\(created.stderr)")
      let sections = try JSONValue.parse(Data(created.stdout.utf8), source: "create")["sections"]?.arrayItems ?? []
      #expect(
        sections.map { "\($0["kind"]?.stringValue ?? "") \($0["count"]?.intValue ?? 0)" } == ["collection 1", "repository 2"])

      try await server.control("reset")
      try await server.settleAfter(0.05)
      let restored = try await lisa(["backup", "restore", "rag.lisabak"])
      #expect(restored.status == 0, "\(restored.stderr)")
      #expect(restored.stdout.contains("rag: 3 missing, 0 the same, 0 differ"), "\(restored.stdout)")
      let after = try await Self.state(server)
      #expect(after == before, "before: \(before)\nafter: \(after)")
      let again = try await lisa(["backup", "restore", "rag.lisabak", "--dry-run"])
      #expect(again.stdout.contains("rag: 0 missing, 3 the same, 0 differ"), "\(again.stdout)")
    }
  }
}
