import Foundation

/// LISA's `ModelStatus`, plus `Unknown` for an item without one (`to_lisa_model`).
public enum ModelStatus: String, Sendable, CaseIterable {
  case creating = "Creating"
  case inService = "InService"
  case starting = "Starting"
  case stopping = "Stopping"
  case stopped = "Stopped"
  case updating = "Updating"
  case deleting = "Deleting"
  case failed = "Failed"
  case unknown = "Unknown"

  /// Case-insensitive, as users type it: `inservice`, `InService`, `in-service`.
  public init?(userText: String) {
    let wanted = userText.lowercased().filter { $0 != "-" && $0 != "_" }
    guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else { return nil }
    self = match
  }

  /// LISA accepts a PUT only in these.
  public var acceptsUpdates: Bool { self == .inService || self == .stopped }
  /// Nothing changes any more unless someone asks.
  public var isSettled: Bool { self == .inService || self == .stopped || self == .failed }

  public static var names: String { allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: ", ") }
}

/// The three ways LISA serves a model; wire values are lower-case.
public enum HostingType: String, Sendable, CaseIterable {
  case thirdParty = "third_party"
  case lisaHosted = "lisa_hosted"
  case internalHosted = "internal_hosted"

  public init?(userText: String) {
    let wanted = userText.lowercased().replacingOccurrences(of: "-", with: "_")
    guard let match = Self.allCases.first(where: { $0.rawValue == wanted }) else { return nil }
    self = match
  }
}

/// A model as `GET /models` returns it: the create request LISA stored, plus `status` and `modelUrl`.
public struct ModelInfo: Sendable {
  public var json: JSONValue
  public var id: String
  public var statusText: String

  public init(json: JSONValue) throws {
    guard json.objectPairs != nil, let id = json["modelId"]?.stringValue, !id.isEmpty else {
      throw LisaError(.failure, "LISA returned a model without a modelId: \(JSONWriter.compact(json).prefix(120))")
    }
    self.json = json
    self.id = id
    statusText = json["status"]?.stringValue ?? ModelStatus.unknown.rawValue
  }

  public var status: ModelStatus { ModelStatus(rawValue: statusText) ?? .unknown }
  public var name: String { json["modelName"]?.plainText ?? "" }
  public var type: String { json["modelType"]?.plainText.lowercased() ?? "" }
  public var isStreaming: Bool { json["streaming"]?.boolValue ?? false }

  /// `hostingType` when LISA reports it; otherwise read from the hosting fields, as LISA itself decides.
  public var hosting: HostingType {
    if let text = json["hostingType"]?.stringValue, let type = HostingType(userText: text) { return type }
    return hasHostingFields ? .lisaHosted : .thirdParty
  }

  /// An autoscaling group and a container: what `autoScalingInstanceConfig` and `containerConfig` updates need.
  public var hasHostingFields: Bool {
    let present = ["autoScalingConfig", "containerConfig"].filter { json[$0].map { !$0.isNull } ?? false }
    return present.count == 2
  }

  public var isLisaHosted: Bool { hosting == .lisaHosted || hasHostingFields }

  /// The model with the reason it failed, which LISA keeps out of its answers (see `ModelCatalog`).
  public func settingFailureReason(_ reason: String) -> ModelInfo {
    var copy = self
    copy.json = json.setting("failureReason", .string(reason))
    return copy
  }

  /// Why the model failed, from whichever field this LISA version uses.
  public var failureReason: String? {
    for key in ["failureReason", "failure_reason", "statusReason", "error"] {
      if let text = json[key]?.stringValue, !text.isEmpty { return text }
    }
    return nil
  }

  /// The model for display: everything LISA returned except a third-party `apiKey`'s value.
  public var redacted: JSONValue {
    guard let key = json["apiKey"], !key.isNull else { return json }
    return json.setting("apiKey", .string("(hidden)"))
  }

  /// The row of `lisa models list -o wide`: the summary, the URL and why a Failed model failed.
  public var wideRow: JSONValue {
    summary.setting("failureReason", .string(status == .failed ? failureReason ?? "" : ""))
  }

  /// The row `lisa models list` shows and prints as JSON.
  public var summary: JSONValue {
    .object([
      ("modelId", .string(id)), ("modelName", .string(name)), ("modelType", .string(type)),
      ("hostingType", .string(hosting.rawValue)), ("status", .string(statusText)), ("streaming", .bool(isStreaming)),
      ("instanceType", json["instanceType"] ?? .null), ("modelUrl", json["modelUrl"] ?? .null),
    ])
  }
}
