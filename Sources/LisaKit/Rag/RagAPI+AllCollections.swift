import Foundation

extension RagAPI {
  /// What LISA's cross-repository listing reads of each repository when it pages in memory (its first page,
  /// docs/lisa/rag-api.md#all-collections).
  static let crossRepositoryCap = 100

  /// Every collection of every repository the credential may see, grouped by repository (LISA's order within
  /// one), each with `repositoryName`. One walk of `GET /repository/collections`; where LISA's pages are known to
  /// leave collections out (docs/lisa/rag-api.md#all-collections), those repositories are listed on their own.
  public func allCollections() async throws -> [JSONValue] {
    let request = APIRequest(
      .get, ["repository", "collections"], query: [("pageSize", "100"), ("sortBy", "createdAt"), ("sortOrder", "asc")],
      resource: "collections of every repository")
    let pages = try await client.pages(
      request, paging: .textCursor("collections", cursorKey: "lastEvaluatedKey", queryItem: "lastEvaluatedKey"))
    if pages.contains(where: { Self.cursorVersion($0) == "v2" }) {
      let repositories = try await repositories()
      return try await listedOneByOne(repositories.map { ($0.id, $0.json["repositoryName"]?.stringValue ?? $0.id) })
    }
    let items = pages.flatMap { $0["collections"]?.arrayItems ?? [] }
    var order: [String] = []
    var byRepository: [String: [JSONValue]] = [:]
    for item in items {
      let id = item["repositoryId"]?.stringValue ?? ""
      if byRepository[id] == nil { order.append(id) }
      byRepository[id, default: []].append(item)
    }
    var rows: [JSONValue] = []
    for id in order.sorted() {
      let listed = byRepository[id] ?? []
      if listed.count < Self.crossRepositoryCap {
        rows += listed
      } else {
        rows += try await listedOneByOne([(id, listed.first?["repositoryName"]?.stringValue ?? id)])
      }
    }
    return rows
  }

  /// The `version` inside a page's JSON-text cursor: "v1" (offset into one in-memory list) or "v2" (cursors per
  /// repository).
  static func cursorVersion(_ page: JSONValue) -> String? {
    guard let text = page["lastEvaluatedKey"]?.stringValue,
      let cursor = try? JSONValue.parse(Data(text.utf8), source: "cursor")
    else { return nil }
    return cursor["version"]?.stringValue
  }

  /// `GET /repository/{id}/collection` for each repository, with the `repositoryName` the cross-repository
  /// route adds, so both ways give the same objects.
  private func listedOneByOne(_ repositories: [(id: String, name: String)]) async throws -> [JSONValue] {
    var rows: [JSONValue] = []
    for (id, name) in repositories.sorted(by: { $0.id < $1.id }) {
      rows += try await collections(id).map { item in
        guard case .object(var pairs) = item, !pairs.contains(where: { $0.0 == "repositoryName" }) else { return item }
        pairs.append(("repositoryName", .string(name)))
        return .object(pairs)
      }
    }
    return rows
  }
}
