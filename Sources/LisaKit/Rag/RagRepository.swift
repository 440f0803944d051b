import Foundation

/// One repository as `GET /repository` shows it: its config plus `status` (docs/lisa/rag-api.md#statuses).
public struct RagRepository: Sendable {
  public var json: JSONValue

  public init(json: JSONValue) {
    self.json = json
  }

  public var id: String { json["repositoryId"]?.stringValue ?? "" }
  public var status: String { json["status"]?.stringValue ?? "UNKNOWN" }
  public var type: String { json["type"]?.stringValue ?? "" }

  /// Settled: nothing is deploying or being removed.
  public var isSettled: Bool { !status.hasSuffix("_IN_PROGRESS") }
  public var isFailed: Bool { status.hasSuffix("_FAILED") }

  /// A reason LISA or its deployment left, when there is one.
  public var failureReason: String? {
    for key in ["statusReason", "failureReason", "error", "errorMessage"] {
      if let text = json[key]?.stringValue, !text.isEmpty { return text }
    }
    return nil
  }

  /// The row of `rag repos list`.
  public var summary: JSONValue {
    .object([
      ("repositoryId", .string(id)), ("repositoryName", json["repositoryName"] ?? .null), ("type", .string(type)),
      ("embeddingModelId", json["embeddingModelId"] ?? .null),
      ("pipelines", .int(json["pipelines"]?.arrayItems?.count ?? 0)),
      ("allowedGroups", json["allowedGroups"] ?? .array([])), ("status", .string(status)),
    ])
  }

  /// The config with numbers LISA stored as floats written as integers again.
  public var shown: JSONValue { JSONComparison.integral(json) }
}
