import Foundation
import LisaKit

/// `fake_lisa_rag.py` (LISA's `/repository` API, docs/lisa/rag-api.md) run through `FakeLisaServer`, with its
/// document bucket in a moto server so presigned POST uploads land in real S3 requests. The admin token
/// (`FakeLisaServer.token`) calls as an admin, `readToken` as a user without groups.
/// Use `FakeLisaServer.withRag { server, moto in … }`.
extension FakeLisaServer {
  public static let ragBucket = "lisa-rag-docs"

  public static var ragScript: String {
    TestPaths.repository.appendingPathComponent("Tests/Support/fake_lisa_rag.py").path
  }

  /// A RAG fake whose bucket lives in a fresh moto server; both stopped afterwards.
  public static func withRag<T>(settleAfter delay: Double? = 0.2, _ body: (FakeLisaServer, MotoServer) async throws -> T)
    async throws -> T
  {
    try await withBucketInMoto(script: ragScript, modelTable: false, settleAfter: delay, body)
  }

  public static var deploymentScript: String {
    TestPaths.repository.appendingPathComponent("Tests/Support/fake_lisa_deployment.py").path
  }

  /// A whole deployment's API (`fake_lisa_deployment.py`: models and RAG behind one stage) whose models table and
  /// document bucket live in a fresh moto server, which also holds whatever token tables the test makes.
  public static func withDeployment<T>(
    settleAfter delay: Double = 0.05, _ body: (FakeLisaServer, MotoServer) async throws -> T
  ) async throws -> T {
    try await withBucketInMoto(script: deploymentScript, modelTable: true, settleAfter: delay, body)
  }

  /// `script` with its document bucket (and with `modelTable` its models table) in a fresh moto server.
  static func withBucketInMoto<T>(
    script: String, modelTable: Bool, settleAfter delay: Double?, _ body: (FakeLisaServer, MotoServer) async throws -> T
  ) async throws -> T {
    try await MotoServer.with { moto in
      let arguments = ["--s3-endpoint", moto.url.absoluteString, "--bucket", ragBucket]
      let table = modelTable ? moto : nil
      return try await withServer(
        { try FakeLisaServer(script: script, dynamoDB: table, arguments: arguments) }, stop: { $0.stop() }
      ) { server in
        if let delay { try await server.settleAfter(delay) }
        return try await body(server, moto)
      }
    }
  }

  /// Puts a repository into the fake as LISA would hold it (`CREATE_COMPLETE` makes its default collection).
  public func seedRepository(_ json: String, status: String = "CREATE_COMPLETE") async throws {
    try await control("repositories", "{\"repository\": \(json), \"status\": \"\(status)\"}")
  }

  /// `count` collections named `<prefix>-0000`… in a repository, as if created earlier.
  public func seedCollections(repository: String, count: Int, prefix: String = "seeded") async throws {
    try await control(
      "collections", "{\"repositoryId\": \"\(repository)\", \"count\": \(count), \"prefix\": \"\(prefix)\"}")
  }

  /// `count` documents in a collection, as if ingested earlier.
  public func seedDocuments(repository: String, collection: String, count: Int) async throws {
    try await control(
      "documents", "{\"repositoryId\": \"\(repository)\", \"collectionId\": \"\(collection)\", \"count\": \(count)}")
  }

  /// The next create of `repository` ends CREATE_FAILED with `reason`.
  public func failCreate(_ repository: String, reason: String) async throws {
    try await control("repositories/\(repository)/fail", "{\"reason\": \(JSONWriter.quote(reason))}")
  }

  /// What the fake holds: `repositories` by id (with status), `collections`, `documents`, `jobs`.
  public func ragState() async throws -> JSONValue { try await control("state") }

  /// Environment for a command against this fake, with AWS pointed at moto (no real credentials).
  public func ragEnvironment(_ moto: MotoServer) -> [String: String] {
    environment.merging(
      [
        "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key", "AWS_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",
      ], uniquingKeysWith: { _, new in new })
  }
}
