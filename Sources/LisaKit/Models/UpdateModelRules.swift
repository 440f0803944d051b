import Foundation

/// `UpdateModelRequest` as LISA checks it (docs/lisa/models-api.md#update): the request's own rules, the rules that depend on
/// the model (LISA-hosted or not, created with a container), and status gating.
public enum UpdateModelRules {
  /// Field shapes and every rule that makes the request wrong whatever the model's state (exit 7).
  public static func check(
    _ request: JSONValue, current: ModelInfo, locate: @escaping (FieldPath) -> SourceLocation? = { _ in nil }
  ) -> CheckedRequest {
    var checker = RequestChecker(context: "UpdateModelRequest", locate: locate)
    guard let body = checker.normalizeObject(request, fields: ModelSchema.update, at: .root) else {
      return CheckedRequest(body: nil, diagnostics: checker.diagnostics)
    }
    checker.explainZeroCapacity(at: FieldPath("autoScalingInstanceConfig.minCapacity"), id: current.id)
    checker.requireStorable(body)
    let fields = body.objectPairs?.map(\.0) ?? []
    if fields.isEmpty, checker.errors.isEmpty {
      checker.error(.root, "nothing to change; give at least one of \(ModelSchema.update.map(\.name).joined(separator: ", "))")
    }
    if body["enabled"] != nil, body["autoScalingInstanceConfig"] != nil {
      checker.error(FieldPath("enabled"), "start/stop and autoscaling changes must be separate requests")
    }
    let type = body["modelType"]?.stringValue ?? current.type
    if type == "embedding", body["streaming"]?.boolValue == true {
      checker.error(FieldPath("streaming"), "an embedding model cannot stream")
    }
    if let scaling = body["autoScalingInstanceConfig"] {
      capacities(scaling, given: request["autoScalingInstanceConfig"], checker: &checker)
    }
    hostingRules(body, fields: fields, current: current, checker: &checker)
    return CheckedRequest(body: checker.errors.isEmpty ? body : nil, diagnostics: checker.diagnostics)
  }

  /// Capacities given together must agree; values not given are LISA's to check, against the running
  /// autoscaling group rather than the stored config (docs/lisa/models-api.md#update).
  static func capacities(_ scaling: JSONValue, given: JSONValue?, checker: inout RequestChecker) {
    let path = FieldPath("autoScalingInstanceConfig")
    guard let pairs = given?.objectPairs, pairs.contains(where: { !$0.1.isNull }) else {
      checker.error(path, "give at least one of minCapacity, maxCapacity, desiredCapacity, cooldown, defaultInstanceWarmup")
      return
    }
    CreateModelRules.capacities(scaling, at: path, checker: &checker)
  }

  /// Third-party and internal models change only metadata; containers need a model created with one.
  static func hostingRules(_ body: JSONValue, fields: [String], current: ModelInfo, checker: inout RequestChecker) {
    if !current.isLisaHosted {
      for field in fields where !ModelSchema.metadataFields.contains(field) {
        let why =
          field == "enabled"
          ? "a \(current.hosting.rawValue) model cannot be started or stopped (LISA would mark it Failed)"
          : "only LISA-hosted models have \(field == "containerConfig" ? "a container" : "autoscaling") to change; "
            + "'\(current.id)' is \(current.hosting.rawValue)"
        checker.error(
          FieldPath(field),
          why + "; a \(current.hosting.rawValue) model changes only \(ModelSchema.metadataFields.joined(separator: ", "))")
      }
      return
    }
    if body["containerConfig"] != nil, current.json["containerConfig"].map({ $0.isNull }) ?? true {
      checker.error(
        FieldPath("containerConfig"), "'\(current.id)' was not created with a containerConfig, so LISA cannot change it")
    }
  }

  /// Start and stop exist for LISA-hosted models only: for any other LISA accepts the request and its state
  /// machine then marks the model Failed (docs/lisa/models-api.md#update). Refused alike for both (exit 7).
  public static func requireSwitchable(_ current: ModelInfo, verb: String) throws {
    guard !current.isLisaHosted else { return }
    throw LisaError(
      .invalid,
      "model '\(current.id)' is \(current.hosting.rawValue): only LISA-hosted models can be started or stopped "
        + "(LISA would accept the \(verb) and then mark the model Failed)",
      hint: "a \(current.hosting.rawValue) model is served whenever LiteLLM can reach its provider")
  }

  /// Status gating (exit 6): LISA accepts a change only on an InService or Stopped model; a start
  /// only on a Stopped one and a stop only on an InService one.
  public static func gate(_ body: JSONValue, current: ModelInfo) throws {
    let status = current.status
    guard status.acceptsUpdates else {
      throw LisaError(
        .conflict, "model '\(current.id)' is \(current.statusText); LISA changes a model only when it is InService or Stopped",
        hint: status == .failed
          ? "a Failed model can only be deleted and created again"
          : "wait for it: lisa models wait \(current.id) --for \(status == .stopping ? "Stopped" : "InService")")
    }
    if let enabled = body["enabled"]?.boolValue {
      if enabled, status != .stopped {
        throw LisaError(.conflict, "model '\(current.id)' is \(current.statusText); only a Stopped model can be started")
      }
      if !enabled, status != .inService {
        throw LisaError(.conflict, "model '\(current.id)' is \(current.statusText); only an InService model can be stopped")
      }
    }
  }

  /// A container change on a running model: ECS rolls out a new task definition and the model is
  /// unavailable meanwhile. On a Stopped model the change is only saved.
  public static func restartsContainer(_ body: JSONValue, current: ModelInfo) -> Bool {
    body["containerConfig"] != nil && current.status == .inService
  }
}
