import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The built binary against the fake `/repository` API: create and delete waits, apply twice = no-op,
/// immutable pipeline fields refused before sending, bad definitions as one-line errors with file, line, field.
@Suite(.serialized) struct RagReposEndToEndTests {
  static let repository = """
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
    """

  func lisa(_ arguments: [String], _ server: FakeLisaServer, in dir: URL) async throws -> ProcessResult {
    try await Subprocess.lisa(arguments, cwd: dir, environment: server.environment)
  }

  func writes(_ server: FakeLisaServer) async throws -> [String] {
    try await server.calls().filter { !$0.hasPrefix("GET ") }
  }

  func write(_ text: String, _ name: String, in dir: URL) throws {
    try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  @Test func applyCreatesWaitsThenASecondApplyChangesNothing() async throws {
    try await FakeLisaServer.withRag { server, _ in
      let dir = TestPaths.temporaryDirectory("e2e-rag")
      try write(Self.repository, "repos.yaml", in: dir)
      let first = try await lisa(["rag", "repos", "apply", "-f", "repos.yaml", "--wait", "--interval", "0.1"], server, in: dir)
      #expect(first.status == 0, "\(first.stderr)")
      #expect(
        first.stdout == "+ create    docs-search\nPlan: 1 to create, 0 to update, 0 to recreate, 0 to delete, 0 unchanged.\n")
      #expect(first.stderr.contains("docs-search is CREATE_COMPLETE"), "\(first.stderr)")
      let stored = try await server.ragState()["repositories"]?["docs-search"]
      #expect(stored?["pipelines"]?.arrayItems?.first?["chunkSize"] == .number("512.0"))
      let second = try await lisa(["rag", "repos", "apply", "-f", "repos.yaml"], server, in: dir)
      #expect(second.status == 0, "\(second.stderr)")
      #expect(second.stdout.hasPrefix("= unchanged docs-search\n"), "\(second.stdout)")
      #expect(second.stderrWithoutWaits == "nothing to do: the deployment matches repos.yaml\n")
      #expect(try await writes(server) == ["POST /repository"])

      let export = try await lisa(["rag", "repos", "export", "-f", "exported.yaml"], server, in: dir)
      #expect(export.status == 0, "\(export.stderr)")
      let text = try String(contentsOf: dir.appendingPathComponent("exported.yaml"), encoding: .utf8)
      #expect(!text.contains("512.0") && !text.contains("status:") && text.contains("size: 512"), "\(text)")
      let replay = try await lisa(["rag", "repos", "apply", "-f", "exported.yaml"], server, in: dir)
      #expect(replay.status == 0 && replay.stdout.hasPrefix("= unchanged docs-search"), "\(replay.stdout)\(replay.stderr)")

      try write(Self.repository.replacingOccurrences(of: "Docs\n", with: "Manuals\n"), "renamed.yaml", in: dir)
      let rename = try await lisa(["rag", "repos", "apply", "-f", "renamed.yaml"], server, in: dir)
      #expect(rename.status == 0, "\(rename.stderr)")
      #expect(rename.stdout.contains("~ update    docs-search\n    repositoryName: \"Docs\" → \"Manuals\"\n"), "\(rename.stdout)")
      #expect(try await writes(server) == ["POST /repository", "PUT /repository/docs-search"])
    }
  }

  @Test func createWaitReportsAFailedDeploymentWithItsReason() async throws {
    try await FakeLisaServer.withRag { server, _ in
      let dir = TestPaths.temporaryDirectory("e2e-rag")
      try write(
        "repositoryId: pg-repo\ntype: pgvector\nrdsConfig:\n  dbPort: 5432\n", "repo.yaml", in: dir)
      try await server.failCreate("pg-repo", reason: "RDS quota exceeded")
      let result = try await lisa(["rag", "repos", "create", "-f", "repo.yaml", "--wait", "--interval", "0.1"], server, in: dir)
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stderr.contains("pg-repo is CREATE_IN_PROGRESS"), "\(result.stderr)")
      #expect(result.stderr.contains("error: repository 'pg-repo' is CREATE_FAILED: RDS quota exceeded"), "\(result.stderr)")
      let again = try await lisa(["rag", "repos", "create", "-f", "repo.yaml"], server, in: dir)
      #expect(again.status == 6, "\(again.stderr)")
    }
  }

  @Test func deleteNeedsYesOffATerminalThenWaitsUntilGone() async throws {
    try await FakeLisaServer.withRag { server, _ in
      let dir = TestPaths.temporaryDirectory("e2e-rag")
      try await server.seedRepository(
        #"{"repositoryId": "old-repo", "type": "pgvector", "rdsConfig": {}, "embeddingModelId": "e5"}"#)
      let refused = try await lisa(["rag", "repos", "delete", "old-repo"], server, in: dir)
      #expect(refused.status == 64, "\(refused.stderr)")
      #expect(refused.stderr.contains("Delete repository 'old-repo' (pgvector, CREATE_COMPLETE) with its 1 collection"))
      #expect(refused.stderr.contains("the S3 objects of those documents"))
      let deleted = try await lisa(
        ["rag", "repos", "delete", "old-repo", "--yes", "--wait", "--interval", "0.1"], server, in: dir)
      #expect(deleted.status == 0, "\(deleted.stderr)")
      #expect(deleted.stderr.contains("old-repo is DELETE_IN_PROGRESS") && deleted.stderr.contains("old-repo is gone"))
      #expect(try await server.ragState()["repositories"]?.objectPairs?.isEmpty == true)
      let missing = try await lisa(["rag", "repos", "get", "old-repo"], server, in: dir)
      #expect(missing.status == 5, "\(missing.stderr)")
      #expect(missing.stderr.contains("repository 'old-repo' not found"))
    }
  }

  @Test func anImmutablePipelineChangeIsRefusedBeforeSending() async throws {
    try await FakeLisaServer.withRag { server, _ in
      let dir = TestPaths.temporaryDirectory("e2e-rag")
      try write(Self.repository, "repos.yaml", in: dir)
      #expect(
        try await lisa(["rag", "repos", "apply", "-f", "repos.yaml", "--wait", "--interval", "0.1"], server, in: dir).status == 0)
      try write(
        "pipelines:\n  - s3Bucket: docs-bucket\n    s3Prefix: guides/\n    trigger: event\n"
          + "    chunkingStrategy: {type: fixed, size: 512, overlap: 51}\n", "change.yaml", in: dir)
      let update = try await lisa(["rag", "repos", "update", "docs-search", "-f", "change.yaml"], server, in: dir)
      #expect(update.status == 7, "\(update.stderr)")
      #expect(
        update.stderrWithoutWaits.hasPrefix(
          "change.yaml:3:5: error: pipelines[0].s3Prefix: cannot change on an existing pipeline"),
        "\(update.stderr)")
      try write(Self.repository.replacingOccurrences(of: "manuals/", with: "guides/"), "moved.yaml", in: dir)
      let apply = try await lisa(["rag", "repos", "apply", "-f", "moved.yaml"], server, in: dir)
      #expect(apply.status == 7, "\(apply.stderr)")
      #expect(apply.stderr.contains("pipelines[0].s3Prefix cannot change on an existing pipeline"), "\(apply.stderr)")
      #expect(try await writes(server) == ["POST /repository"])
    }
  }

  @Test func badDefinitionsAreOneLineErrorsWithFileLineAndField() async throws {
    try await FakeLisaServer.withRag { server, _ in
      let dir = TestPaths.temporaryDirectory("e2e-rag")
      try write(
        "repositoryId: Bad_Id\ntype: opensearch\npipelines:\n  - s3Bucket: b\n    s3Prefix: /abs\n    trigger: daily\n"
          + "    chunkSize: 512\n", "bad.yaml", in: dir)
      let result = try await lisa(["rag", "repos", "create", "-f", "bad.yaml"], server, in: dir)
      #expect(result.status == 7, "\(result.stderr)")
      let lines = result.stderrWithoutWaits.split(separator: "\n").map(String.init)
      #expect(lines.contains { $0.hasPrefix("bad.yaml:1:1: error: repositoryId: 'Bad_Id' must be 3 to 20 characters") })
      #expect(lines.contains { $0.hasPrefix("bad.yaml:6:5: error: pipelines[0].trigger: 'daily' is refused by LISA's API") })
      #expect(lines.contains { $0.hasPrefix("bad.yaml:5:5: error: pipelines[0].s3Prefix: '/abs' must not start with '/'") })
      #expect(lines.contains { $0.contains("error: pipelines[0].chunkOverlap: chunkSize and chunkOverlap go together") })
      #expect(lines.contains { $0.contains("error: opensearchConfig: a repository of type opensearch needs opensearchConfig") })
      #expect(lines.last == "error: bad.yaml has 5 problems; nothing was sent to LISA", "\(result.stderr)")
      #expect(try await server.calls().isEmpty)
    }
  }
}
