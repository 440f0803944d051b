import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// Completions that ask the API, run as the generated scripts run them (`---completion <command> -- positional@N
/// <word index> <cursor> <words…>`): the ids the fakes hold, or nothing at all when the API cannot answer.
@Suite struct LiveCompletionEndToEndTests {
  func complete(_ command: [String], _ positional: Int, _ typed: [String], environment: [String: String]) async throws
    -> ProcessResult
  {
    let words = ["lisa"] + command + typed
    let current = typed.last ?? ""
    return try await Subprocess.lisa(
      ["---completion"] + command + ["--", "positional@\(positional)", String(words.count - 1), String(current.count)]
        + words, cwd: TestPaths.temporaryDirectory("e2e-live-completion"), environment: environment)
  }

  @Test func repositoryAndCollectionIdsComeFromTheAPI() async throws {
    try await FakeLisaServer.withRag { server, _ in
      for id in ["kb-docs", "kb-legal", "other"] {
        try await server.seedRepository(
          #"{"repositoryId": "\#(id)", "type": "pgvector", "rdsConfig": {}, "embeddingModelId": "e5"}"#)
      }
      try await server.seedCollections(repository: "kb-docs", count: 2)
      let repositories = try await complete(["rag", "repos", "get"], 0, ["kb"], environment: server.environment)
      #expect(repositories.status == 0 && repositories.stderr.isEmpty, "\(repositories.stderr)")
      #expect(repositories.stdout.split(separator: "\n") == ["kb-docs", "kb-legal"], "\(repositories.stdout)")

      // The URL typed on the command line counts, as it would for the command.
      let typed = try await complete(
        ["rag", "docs", "list"], 0, ["--api-url", server.apiURL, ""], environment: ["LISA_API_TOKEN": FakeLisaServer.token])
      #expect(typed.stdout.split(separator: "\n") == ["kb-docs", "kb-legal", "other"], "\(typed.stdout) \(typed.stderr)")

      let stored = try await server.ragState()["collections"]?.arrayItems ?? []
      let ids = stored.filter { $0["repositoryId"] == .string("kb-docs") }.compactMap { $0["collectionId"]?.stringValue }
      let collections = try await complete(
        ["rag", "collections", "get"], 1, ["-o", "json", "kb-docs", ""], environment: server.environment)
      #expect(collections.status == 0 && collections.stderr.isEmpty, "\(collections.stderr)")
      #expect(ids.count == 3 && collections.stdout.split(separator: "\n").map(String.init) == ids.sorted())
    }
  }

  @Test func modelIdsComeFromTheAPI() async throws {
    try await FakeLisaServer.with { server in
      let dir = TestPaths.temporaryDirectory("e2e-live-completion-models")
      try "models:\n  - \(ModelFixtures.thirdParty)\n  - \(ModelFixtures.embedding)\n"
        .write(to: dir.appendingPathComponent("models.yaml"), atomically: true, encoding: .utf8)
      let applied = try await Subprocess.lisa(
        ["models", "apply", "-f", "models.yaml"], cwd: dir, environment: server.environment)
      #expect(applied.status == 0, "\(applied.stderr)")
      let models = try await complete(["models", "get"], 0, [""], environment: server.environment)
      #expect(models.status == 0 && models.stderr.isEmpty, "\(models.stderr)")
      #expect(models.stdout.split(separator: "\n") == ["claude", "titan-embed"], "\(models.stdout)")
    }
  }

  @Test func aHangingOrMissingAPICompletesNothingSilently() async throws {
    let (fd, port) = try LoopbackSockets.silentListener()
    defer { close(fd) }
    let hanging = try await complete(
      ["rag", "repos", "get"], 0, [""], environment: ["LISA_API_URL": "http://127.0.0.1:\(port)", "LISA_API_TOKEN": "t"])
    #expect(hanging.status == 0 && hanging.stdout.isEmpty && hanging.stderr.isEmpty, "\(hanging.stdout) \(hanging.stderr)")

    let home = TestPaths.temporaryDirectory("e2e-live-completion-home")
    let closed = try LoopbackSockets.freePort()
    let nothing = try await complete(
      ["models", "delete"], 0, [""],
      environment: [
        "HOME": home.path, "AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL": "http://127.0.0.1:\(closed)",
        "LISA_CONFIG_DIR": home.path,
      ])
    #expect(nothing.status == 0 && nothing.stdout.isEmpty && nothing.stderr.isEmpty, "\(nothing.stdout) \(nothing.stderr)")
  }
}
