import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The built binary against the fake `/repository` API with moto's S3: document pages followed to the end
/// (including the empty page after a full one), ingest through presigned POSTs, a 200-file ingest killed
/// midway and run again uploading only the rest, jobs, search.
@Suite(.serialized) struct RagDocumentsEndToEndTests {
  static let repository = #"{"repositoryId": "kb-docs", "type": "pgvector", "rdsConfig": {}, "embeddingModelId": "e5"}"#

  func environment(_ server: FakeLisaServer, _ moto: MotoServer, state: URL) -> [String: String] {
    server.ragEnvironment(moto).merging(["LISA_STATE_DIR": state.path], uniquingKeysWith: { _, new in new })
  }

  func calls(_ server: FakeLisaServer, _ call: String) async throws -> Int {
    try await server.calls().filter { $0 == call }.count
  }

  func makeFiles(_ count: Int, in dir: URL, size: Int = 1024) throws {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for index in 0..<count {
      let text = "document \(index) about topic-\(index % 7) " + String(repeating: "x", count: max(0, size - 40))
      try text.write(to: dir.appendingPathComponent(String(format: "file-%03d.txt", index)), atomically: false, encoding: .utf8)
    }
  }

  @Test func docsListFollowsEveryPageIncludingTheEmptyOneAfterAFullPage() async throws {
    try await FakeLisaServer.withRag { server, moto in
      try await server.seedRepository(Self.repository)
      try await server.seedDocuments(repository: "kb-docs", collection: "e5", count: 200)
      let dir = TestPaths.temporaryDirectory("e2e-rag-docs")
      let env = environment(server, moto, state: dir)
      let all = try await Subprocess.lisa(
        ["rag", "docs", "list", "kb-docs", "--collection", "e5", "-o", "id"], cwd: dir, environment: env)
      #expect(all.status == 0, "\(all.stderr)")
      let ids = all.stdout.split(separator: "\n")
      #expect(ids.count == 200 && Set(ids).count == 200)
      #expect(try await calls(server, "GET /repository/kb-docs/document") == 3)
      let cursor = try await server.requests().last { $0["path"] == .string("/repository/kb-docs/document") }?["query"]
      #expect(cursor?["lastEvaluatedKeyPk"] == .string("kb-docs#e5") && cursor?["lastEvaluatedKeyDocumentId"] != nil)
      let limited = try await Subprocess.lisa(
        ["rag", "docs", "list", "kb-docs", "--limit", "150", "-o", "id"], cwd: dir, environment: env)
      #expect(limited.status == 0 && limited.stdout.split(separator: "\n").count == 150, "\(limited.stderr)")
    }
  }

  @Test func ingestKilledMidwayThenRunAgainUploadsOnlyTheRest() async throws {
    try await FakeLisaServer.withRag { server, moto in
      try await server.seedRepository(Self.repository)
      let dir = TestPaths.temporaryDirectory("e2e-rag-ingest")
      let files = dir.appendingPathComponent("corpus")
      try makeFiles(200, in: files)
      let env = environment(server, moto, state: dir.appendingPathComponent("state"))
      let first = try Subprocess.startLisa(["rag", "ingest", "kb-docs", "corpus", "--parallel", "1"], cwd: dir, environment: env)
      // A blocking loop on the journal, as the keys kill test does: an awaiting loop can sit unscheduled while
      // other tests hold the pool, and the run then finishes before it is killed.
      let store = try KeysMigrateEndToEndTests.waitForState(dir.appendingPathComponent("state"))
      let target = "\(server.apiURL)|kb-docs|"
      // Generous: once on CI fewer than 30 files were journaled when a 60 s wait ended; the expectations below say
      // whether the run was slow or ended by itself.
      let deadline = Date().addingTimeInterval(180)
      while first.isRunning, Date() < deadline, try store.ragIngestRecords(target: target).count < 40 { usleep(2_000) }
      let endedByItself = !first.isRunning
      first.killHard()
      let firstRun = await first.wait()
      let journaled = try store.ragIngestRecords(target: target).count
      let before = try await calls(server, "POST /repository/presigned-url")
      #expect(!endedByItself, "the first ingest ended by itself (\(firstRun.status)): \(firstRun.stderr.suffix(800))")
      #expect(journaled >= 40 && journaled < 200, "journaled \(journaled); first run: \(firstRun.stderr.suffix(800))")
      #expect(try await calls(server, "POST /repository/kb-docs/bulk") == 0)

      let second = try await Subprocess.lisa(["rag", "ingest", "kb-docs", "corpus", "-o", "json"], cwd: dir, environment: env)
      #expect(second.status == 0, "\(second.stderr)")
      let uploadedAgain = try await calls(server, "POST /repository/presigned-url") - before
      #expect(uploadedAgain == 200 - journaled, "uploaded \(uploadedAgain) again after \(journaled) journaled")
      let summary = try JSONValue.parse(Data(second.stdout.utf8), source: "ingest")
      #expect(summary["ingested"]?.intValue == 200 && summary["jobs"]?.arrayItems?.count == 200)
      #expect(try await calls(server, "POST /repository/kb-docs/bulk") == 1)

      let third = try await Subprocess.lisa(["rag", "ingest", "kb-docs", "corpus"], cwd: dir, environment: env)
      #expect(third.status == 0, "\(third.stderr)")
      #expect(third.stderr.contains("0 uploaded (0 bytes), 200 unchanged, 0 sent for ingestion"), "\(third.stderr)")
      #expect(try await calls(server, "POST /repository/kb-docs/bulk") == 1)

      let jobs = try await Subprocess.lisa(
        ["rag", "jobs", "kb-docs", "--watch", "--interval", "0.2", "-o", "id"], cwd: dir, environment: env)
      #expect(jobs.status == 0 && jobs.stdout.split(separator: "\n").count == 200, "\(jobs.stderr)")
      let search = try await Subprocess.lisa(
        ["rag", "search", "kb-docs", "document 17 about", "--top-k", "2", "--score", "-o", "json"], cwd: dir, environment: env)
      #expect(search.status == 0, "\(search.stderr)")
      let results = try JSONValue.parse(Data(search.stdout.utf8), source: "search").arrayItems ?? []
      #expect(results.count == 2 && results.first?["source"]?.stringValue?.hasSuffix("kb-docs/file-017.txt") == true)
    }
  }

  @Test func aFileThatCannotBeUploadedIsReportedAndTheOthersGoOn() async throws {
    try await FakeLisaServer.withRag { server, moto in
      try await server.seedRepository(Self.repository)
      let dir = TestPaths.temporaryDirectory("e2e-rag-ingest")
      let files = dir.appendingPathComponent("few")
      try makeFiles(3, in: files)
      try await server.fault("POST", "/repository/presigned-url", status: 500, count: 2)
      let env = environment(server, moto, state: dir.appendingPathComponent("state"))
      let result = try await Subprocess.lisa(
        ["rag", "ingest", "kb-docs", "few", "--parallel", "1", "--chunk-size", "600", "--chunk-overlap", "60"], cwd: dir,
        environment: env)
      #expect(result.status == 3, "\(result.stderr)")
      #expect(result.stderr.contains("file-000.txt: failed:"), "\(result.stderr)")
      #expect(result.stderr.contains("file-001.txt: uploaded") && result.stderr.contains("file-002.txt: uploaded"))
      let bulk = try await server.requests().last { $0["path"] == .string("/repository/kb-docs/bulk") }
      #expect(bulk?["query"]?["chunkSize"] == .string("600"))
      #expect(bulk?["body"]?.stringValue?.contains("kb-docs/file-001.txt") == true)
      let retry = try await Subprocess.lisa(["rag", "ingest", "kb-docs", "few"], cwd: dir, environment: env)
      #expect(retry.status == 0 && retry.stderr.contains("1 uploaded"), "\(retry.stderr)")
      let jobs = try await Subprocess.lisa(
        ["rag", "jobs", "kb-docs", "--watch", "--interval", "0.2"], cwd: dir, environment: env)
      #expect(jobs.status == 0, "\(jobs.stderr)")
    }
  }
}
