import Foundation

/// How a LISA list route hands out its next page: a function from one page's body to the query
/// items that fetch the next, or nil on the last page. `/models` answers in one page; document
/// listings use `lastEvaluated` keys; both fit.
public struct APIPaging: Sendable {
  public var itemsKey: String
  public var next: @Sendable (JSONValue) -> [(String, String)]?

  public init(itemsKey: String, next: @escaping @Sendable (JSONValue) -> [(String, String)]? = { _ in nil }) {
    self.itemsKey = itemsKey
    self.next = next
  }

  /// A single page: `{models: [...]}`.
  public static func single(_ itemsKey: String) -> APIPaging { APIPaging(itemsKey: itemsKey) }

  /// `{items, <cursorKey>: {a: x, b: y}}`: the cursor's fields become `<queryPrefix><Field>` query items
  /// (LISA's `lastEvaluated` → `lastEvaluatedKeyPk`, `document_id` → `lastEvaluatedKeyDocumentId`,
  /// docs/lisa/rag-api.md#documents).
  public static func cursor(_ itemsKey: String, cursorKey: String, queryPrefix: String) -> APIPaging {
    APIPaging(itemsKey: itemsKey) { page in
      guard let cursor = page[cursorKey]?.objectPairs, !cursor.isEmpty else { return nil }
      return cursor.map { key, value in (queryPrefix + queryName(key), value.plainText) }
    }
  }

  /// `{items, <cursorKey>: {...}}` where the next page is asked with the whole cursor as one JSON query item
  /// (LISA's job listing: `lastEvaluatedKey={"id": …}`).
  public static func jsonCursor(_ itemsKey: String, cursorKey: String, queryItem: String) -> APIPaging {
    APIPaging(itemsKey: itemsKey) { page in
      guard let cursor = page[cursorKey], cursor.objectPairs?.isEmpty == false else { return nil }
      return [(queryItem, JSONWriter.compact(cursor))]
    }
  }

  /// `{items, <cursorKey>: "<JSON text>"}`: a cursor LISA already encoded as a string, sent back verbatim as one
  /// query item (the cross-repository collection listing, docs/lisa/rag-api.md#all-collections).
  public static func textCursor(_ itemsKey: String, cursorKey: String, queryItem: String) -> APIPaging {
    APIPaging(itemsKey: itemsKey) { page in
      guard let cursor = page[cursorKey]?.stringValue, !cursor.isEmpty else { return nil }
      return [(queryItem, cursor)]
    }
  }

  /// `pk` → `Pk`, `document_id` → `DocumentId`, `collectionId` → `CollectionId`.
  static func queryName(_ key: String) -> String {
    key.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }
}

extension LisaAPIClient {
  /// Every item of a paged listing, page after page, up to `limit`. A server that repeats a cursor
  /// is stopped rather than followed forever.
  public func collect(_ request: APIRequest, paging: APIPaging, limit: Int? = nil) async throws -> [JSONValue] {
    let items = try await pages(request, paging: paging, limit: limit).flatMap { $0[paging.itemsKey]?.arrayItems ?? [] }
    return limit.map { Array(items.prefix($0)) } ?? items
  }

  /// The bodies of a paged listing's pages, for callers that read more of a page than its items.
  public func pages(_ request: APIRequest, paging: APIPaging, limit: Int? = nil) async throws -> [JSONValue] {
    var pages: [JSONValue] = []
    var count = 0
    var current = request
    var seen: Set<String> = []
    while true {
      let page = try await json(current)
      guard let batch = page[paging.itemsKey]?.arrayItems else {
        throw LisaError(.failure, "\(current.summary) answered without a '\(paging.itemsKey)' list")
      }
      pages.append(page)
      count += batch.count
      if let limit, count >= limit { return pages }
      guard let next = paging.next(page), !batch.isEmpty else { return pages }
      let key = next.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
      guard seen.insert(key).inserted else {
        throw LisaError(.failure, "\(current.summary) returned the same page cursor twice; stopping after \(count) items")
      }
      current.query = request.query.filter { item in !next.contains { $0.0 == item.0 } } + next
    }
  }
}
