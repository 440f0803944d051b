import Foundation

/// The RAG repositories `GET /repository` lists: each registered repository's config with its
/// `status` (a CloudFormation-like `CREATE_COMPLETE`, …) and `legacy: true` for those that came from
/// YAML `ragRepositories` (docs/lisa/status.md#repositories). The one place `lisa status` and
/// `lisa migrate check` read repositories; swap it for the `lisa rag` client once that exists.
public struct RepositorySummary: Sendable, Equatable {
  public var id: String
  public var status: String
  public var isLegacy: Bool
  public var type: String?

  public init(id: String, status: String, isLegacy: Bool = false, type: String? = nil) {
    self.id = id
    self.status = status
    self.isLegacy = isLegacy
    self.type = type
  }

  public var isFailed: Bool { status.hasSuffix("_FAILED") }
}

public enum RepositoryListing {
  public static func list(_ client: LisaAPIClient) async throws -> [RepositorySummary] {
    let request = APIRequest(.get, ["repository"], resource: "RAG repositories")
    let json = try await client.json(request)
    guard let items = json.arrayItems else {
      throw LisaError(.failure, "\(request.summary) answered with something that is not a list of repositories")
    }
    return items.map { item in
      RepositorySummary(
        id: item["repositoryId"]?.plainText ?? "?", status: item["status"]?.plainText ?? "UNKNOWN",
        isLegacy: item["legacy"]?.boolValue ?? false, type: item["type"]?.stringValue)
    }
  }
}
