import Foundation

/// LISA's RAG repository API (docs/lisa/rag-api.md#routes) over `LisaAPIClient`. Every error body of these
/// handlers is a bare JSON string, which `APIErrorMapper` reads as the message. Calls that change something
/// ask the server after an unclear failure whether they took effect instead of repeating blindly.
public struct RagAPI: Sendable {
  public let client: LisaAPIClient

  public init(client: LisaAPIClient) {
    self.client = client
  }

  static func resource(_ id: String) -> String { "repository '\(id)'" }

  // MARK: Repositories

  /// `GET /repository`: every repository the credential may see, each with its `status`.
  public func repositories() async throws -> [RagRepository] {
    let request = APIRequest(.get, ["repository"], resource: "repositories")
    let value = try await client.json(request)
    guard let items = value.arrayItems else {
      throw LisaError(.failure, "\(request.summary) answered with something other than a list of repositories")
    }
    return items.map(RagRepository.init)
  }

  /// `GET /repository/{id}`; a missing repository exits 5. LISA answers a missing id with its generic 500
  /// (docs/lisa/rag-api.md#routes), so a 500 is checked against the listing before it is reported.
  public func repository(_ id: String) async throws -> RagRepository {
    guard let found = try await find(id) else {
      throw LisaError(.notFound, "\(Self.resource(id)) not found", hint: "lisa rag repos list shows the repositories")
    }
    return found
  }

  /// The repository, or nil when LISA does not have it.
  public func find(_ id: String) async throws -> RagRepository? {
    var request = APIRequest(.get, ["repository", id], resource: Self.resource(id))
    request.serverErrorHint = "LISA answers a missing repository with this 500 too"
    let response = try await client.send(request, accepting: [404, 500])
    switch response.status {
    case 404: return nil
    case 500:
      if try await repositories().contains(where: { $0.id == id }) {
        throw client.error(for: response, request: request)
      }
      return nil
    default: return RagRepository(json: response.json)
    }
  }

  /// `POST /repository`: starts the create state machine; the repository appears as CREATE_IN_PROGRESS.
  public func create(_ body: JSONValue) async throws {
    let id = body["repositoryId"]?.stringValue ?? ""
    let api = self
    let request = APIRequest(
      .post, ["repository"], body: body, resource: Self.resource(id), tookEffect: { try await api.find(id) != nil })
    _ = try await client.send(request)
  }

  /// `PUT /repository/{id}` with an `UpdateVectorStoreRequest`; answers the stored config after the change.
  @discardableResult
  public func update(_ id: String, body: JSONValue) async throws -> JSONValue {
    let request = APIRequest(.put, ["repository", id], body: body, resource: Self.resource(id), retrySafe: true)
    return try await client.json(request)
  }

  /// `DELETE /repository/{id}`: starts the delete state machine.
  public func delete(_ id: String) async throws {
    let api = self
    let request = APIRequest(
      .delete, ["repository", id], resource: Self.resource(id),
      tookEffect: {
        guard let repository = try await api.find(id) else { return true }
        return repository.status == "DELETE_IN_PROGRESS"
      })
    let response = try await client.send(request, accepting: [500])
    if response.status == 500 {
      guard try await find(id) != nil else {
        throw LisaError(.notFound, "\(Self.resource(id)) not found")
      }
      throw client.error(for: response, request: request)
    }
  }

  // MARK: Collections

  static func collectionResource(_ repository: String, _ id: String) -> String {
    "collection '\(id)' of repository '\(repository)'"
  }

  /// `GET /repository/{id}/collection`, every page.
  public func collections(_ repository: String) async throws -> [JSONValue] {
    let request = APIRequest(
      .get, ["repository", repository, "collection"], query: [("pageSize", "100")],
      resource: "collections of \(Self.resource(repository))")
    return try await client.collect(
      request, paging: .cursor("collections", cursorKey: "lastEvaluatedKey", queryPrefix: "lastEvaluatedKey"))
  }

  public func collection(_ repository: String, _ id: String) async throws -> JSONValue {
    try await client.json(
      APIRequest(.get, ["repository", repository, "collection", id], resource: Self.collectionResource(repository, id)))
  }

  public func createCollection(_ repository: String, body: JSONValue) async throws -> JSONValue {
    let name = body["name"]?.stringValue ?? "(unnamed)"
    return try await client.json(
      APIRequest(
        .post, ["repository", repository, "collection"], body: body,
        resource: "collection '\(name)' of repository '\(repository)'"))
  }

  public func updateCollection(_ repository: String, _ id: String, body: JSONValue) async throws -> JSONValue {
    try await client.json(
      APIRequest(
        .put, ["repository", repository, "collection", id], body: body, resource: Self.collectionResource(repository, id),
        retrySafe: true))
  }

  /// `DELETE …/collection/{id}`; `hard` adds the documented `hardDelete=true`, which v6.6.0 does not read
  /// (docs/lisa/rag-api.md#collections).
  public func deleteCollection(_ repository: String, _ id: String, hard: Bool) async throws -> JSONValue {
    try await client.json(
      APIRequest(
        .delete, ["repository", repository, "collection", id], query: hard ? [("hardDelete", "true")] : [],
        resource: Self.collectionResource(repository, id), retrySafe: true))
  }

  // MARK: Documents, ingestion, jobs, search

  /// `GET /repository/{id}/document`, following `lastEvaluated` page after page up to `limit`.
  public func documents(_ repository: String, collection: String?, limit: Int?) async throws -> [JSONValue] {
    var query = [("pageSize", String(min(limit ?? 100, 100)))]
    if let collection { query.insert(("collectionId", collection), at: 0) }
    let request = APIRequest(
      .get, ["repository", repository, "document"], query: query, resource: "documents of \(Self.resource(repository))")
    return try await client.collect(
      request, paging: .cursor("documents", cursorKey: "lastEvaluated", queryPrefix: "lastEvaluatedKey"), limit: limit)
  }

  /// `DELETE /repository/{id}/document`: LISA deletes the documents' S3 objects too.
  public func deleteDocuments(_ repository: String, ids: [String], collection: String?) async throws -> JSONValue {
    try await client.json(
      APIRequest(
        .delete, ["repository", repository, "document"], query: collection.map { [("collectionId", $0)] } ?? [],
        body: .object([("documentIds", .array(ids.map { .string($0) }))]),
        resource: "documents of \(Self.resource(repository))", retrySafe: true))
  }

  /// `POST /repository/presigned-url` with the key as the body: where and how to upload one file.
  public func presignedPost(key: String) async throws -> PresignedPost {
    var request = APIRequest(.post, ["repository", "presigned-url"], resource: "upload URL for '\(key)'", retrySafe: true)
    request.textBody = key
    let value = try await client.json(request)
    guard let answer = value["response"], let url = answer["url"]?.stringValue.flatMap(URL.init(string:)),
      let fields = answer["fields"]?.objectPairs
    else { throw LisaError(.failure, "\(request.summary) answered without a presigned POST (url and fields)") }
    return PresignedPost(url: url, fields: fields.map { ($0.0, $0.1.plainText) })
  }

  /// `POST /repository/{id}/bulk`: one ingestion job per key. The chunking is sent both in the body and as
  /// the deprecated query parameters, because LISA reads only the latter for the default collection.
  public func ingest(_ repository: String, keys: [String], collection: String?, chunking: RagChunking?) async throws
    -> JSONValue
  {
    var body: [(String, JSONValue)] = [("keys", .array(keys.map { .string($0) }))]
    if let collection { body.append(("collectionId", .string(collection))) }
    var query: [(String, String)] = []
    if let chunking {
      body.append(("chunkingStrategy", chunking.json))
      query = [("chunkSize", String(chunking.size)), ("chunkOverlap", String(chunking.overlap))]
    }
    return try await client.json(
      APIRequest(
        .post, ["repository", repository, "bulk"], query: query, body: .object(body),
        resource: "ingestion into \(Self.resource(repository))"))
  }

  /// `GET /repository/{id}/jobs`, every page (newest first).
  public func jobs(_ repository: String, limit: Int? = nil) async throws -> [JSONValue] {
    let request = APIRequest(
      .get, ["repository", repository, "jobs"], query: [("pageSize", "100")], resource: "jobs of \(Self.resource(repository))")
    return try await client.collect(
      request, paging: .jsonCursor("jobs", cursorKey: "lastEvaluatedKey", queryItem: "lastEvaluatedKey"), limit: limit)
  }

  /// `GET /repository/{id}/similaritySearch`: the matching chunks, best first.
  public func search(_ repository: String, query text: String, topK: Int, collection: String?, model: String?, score: Bool)
    async throws -> [JSONValue]
  {
    var query = [("query", text), ("topK", String(topK)), ("score", score ? "true" : "false")]
    if let collection { query.append(("collectionId", collection)) }
    if let model { query.append(("modelName", model)) }
    let request = APIRequest(
      .get, ["repository", repository, "similaritySearch"], query: query, resource: "search in \(Self.resource(repository))")
    return try await client.json(request)["docs"]?.arrayItems ?? []
  }
}

/// Where one file goes: LISA's presigned S3 POST.
public struct PresignedPost: Sendable {
  public var url: URL
  public var fields: [(String, String)]
}

/// A fixed chunking strategy for ingestion (`--chunk-size`, `--chunk-overlap`).
public struct RagChunking: Sendable, Equatable {
  public var size: Int
  public var overlap: Int

  public init(size: Int, overlap: Int) {
    self.size = size
    self.overlap = overlap
  }

  public var json: JSONValue { .object([("type", .string("fixed")), ("size", .int(size)), ("overlap", .int(overlap))]) }
}
