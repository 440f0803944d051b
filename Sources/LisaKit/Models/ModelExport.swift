import Foundation

/// A model turned back into the create request that makes it again.
public struct ExportedModel: Sendable {
  public var request: JSONValue
  /// The third-party key LISA returned, kept out of `request`.
  public var apiKey: String?
  /// Ways the stored model differs from what LISA accepts today, as warnings.
  public var diagnostics: [ConfigDiagnostic]

  public var modelId: String { request["modelId"]?.stringValue ?? "" }
}

/// `lisa models export`: each model's stored create request without what LISA added (status,
/// LiteLLM id, the load balancer URL of a LISA-hosted model, schedule bookkeeping) and without its key.
public enum ModelExport {
  /// Top-level fields LISA adds to what it stores.
  static let serverFields: Set<String> = [
    "status", "litellmId", "contextWindow", "failureReason", "failure_reason", "statusReason", "lastModifiedDate",
    "createdDate", "cloudformationStackName", "autoScalingGroup", "modelStatus",
  ]
  /// Bookkeeping LISA keeps inside `autoScalingConfig.scheduling`.
  static let scheduleServerFields: Set<String> = [
    "scheduleEnabled", "scheduleConfigured", "lastScheduleUpdate", "lastScheduleFailed", "lastScheduleFailure",
    "nextScheduledAction", "scheduledActionArns", "scheduleStatus",
  ]
  /// Table keys LISA copies into each guardrail.
  static let guardrailServerFields: Set<String> = ["modelId", "guardrailId", "createdDate", "lastModifiedDate"]

  public static func export(_ model: ModelInfo) -> ExportedModel {
    var stripped = model.json
    for field in serverFields { stripped = stripped.setting(field, nil) }
    if model.hosting == .lisaHosted || model.hasHostingFields { stripped = stripped.setting("modelUrl", nil) }
    let apiKey = stripped["apiKey"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    stripped = stripped.setting("apiKey", nil)
    if let scheduling = stripped["autoScalingConfig"]?["scheduling"], let scaling = stripped["autoScalingConfig"] {
      let cleaned = removing(scheduleServerFields, from: scheduling)
      let empty = cleaned.objectPairs.map { $0.allSatisfy { $0.1.isNull } } ?? true
      stripped = stripped.setting("autoScalingConfig", scaling.setting("scheduling", empty ? nil : cleaned))
    }
    if let guardrails = stripped["guardrailsConfig"]?.objectPairs {
      stripped = stripped.setting(
        "guardrailsConfig", .object(guardrails.map { ($0.0, removing(guardrailServerFields, from: $0.1)) }))
    }
    let checked = CreateModelRules.check(stripped)
    // A model LISA accepted under older rules is still exported as stored, with the findings as warnings.
    let warnings = checked.diagnostics.map { diagnostic -> ConfigDiagnostic in
      var warning = diagnostic
      if warning.severity == .error {
        warning.severity = .warning
        warning.message = "LISA would refuse this today: " + warning.message
      }
      return warning
    }
    return ExportedModel(request: checked.body ?? stripped, apiKey: apiKey, diagnostics: warnings)
  }

  static func removing(_ fields: Set<String>, from value: JSONValue) -> JSONValue {
    guard let pairs = value.objectPairs else { return value }
    return .object(pairs.filter { !fields.contains($0.0) })
  }

  /// The YAML `export -f` writes and `apply -f` reads back.
  public static func document(_ models: [ExportedModel], source: String, at date: Date) -> String {
    let header =
      "# lisa models export: \(models.count) model\(models.count == 1 ? "" : "s") from \(source) at \(KeyRecord.iso8601(date))\n"
      + "# Replay with: lisa models apply -f FILE. Third-party apiKey values are not in this file.\n"
    let body = JSONValue.object([("models", .array(models.map(\.request)))])
    return header + YAMLEmitter(includeComments: false).emit(Renderer.yamlNode(body))
  }
}
