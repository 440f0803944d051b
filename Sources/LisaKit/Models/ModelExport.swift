import Foundation

/// A model turned back into the create request that makes it again.
public struct ExportedModel: Sendable {
  public var request: JSONValue
  /// The third-party key LISA returned, kept out of `request`.
  public var apiKey: String?
  /// Ways the stored model differs from what LISA accepts today, as warnings.
  public var diagnostics: [ConfigDiagnostic]
  /// Not LISA-hosted: a provider behind LiteLLM, which may need an API key.
  public var mayHoldKey = false

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
    return ExportedModel(
      request: ordered(checked.body ?? stripped), apiKey: apiKey, diagnostics: warnings, mayHoldKey: !model.isLisaHosted)
  }

  /// Every model of the deployment as a create request, sorted by id. `withKeys` reads the third-party API
  /// keys from LISA's models table, the only place that has them (docs/lisa/models-api.md#table); `notes`
  /// then names the models whose keys could not be read. Models LISA cannot show come from the table too.
  public static func collect(_ catalog: ModelCatalog, withKeys: Bool) async throws -> (models: [ExportedModel], notes: [String]) {
    let listing = try await catalog.list()
    var notes = listing.warnings.map { $0 + "; exported as stored" }
    let models = (listing.models + listing.unreadable.compactMap(\.stored.asModelInfo)).sorted { $0.id < $1.id }
    var exported = models.map(export)
    guard withKeys else { return (exported, notes) }
    switch await catalog.apiKeys() {
    case .success(let keys):
      for index in exported.indices { exported[index].apiKey = exported[index].apiKey ?? keys[exported[index].modelId] }
    case .failure(let error):
      let open = exported.filter { $0.mayHoldKey && $0.apiKey == nil }.map(\.modelId)
      if !open.isEmpty {
        notes.append(
          "the API keys of \(open.joined(separator: ", ")) (if they have one) are not in the backup: LISA keeps them only "
            + "in its models table, which lisa could not read (\(error.message))")
      }
    }
    return (exported, notes)
  }

  /// Fields in CreateModelRequest's order (modelId first), whatever order LISA answered in.
  static func ordered(_ request: JSONValue) -> JSONValue {
    guard let pairs = request.objectPairs else { return request }
    let rank = Dictionary(uniqueKeysWithValues: ModelSchema.create.enumerated().map { ($1.name, $0) })
    return .object(pairs.enumerated().sorted { (rank[$0.1.0] ?? .max, $0.0) < (rank[$1.1.0] ?? .max, $1.0) }.map(\.1))
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
