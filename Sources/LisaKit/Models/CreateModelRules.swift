import Foundation

/// A request after checking: the body to send (nil when anything is wrong) and every finding.
public struct CheckedRequest: Sendable {
  public var body: JSONValue?
  /// The normalised body even when there are errors: the fields in error left out.
  public var partial: JSONValue?
  public var diagnostics: [ConfigDiagnostic]

  public init(body: JSONValue?, partial: JSONValue? = nil, diagnostics: [ConfigDiagnostic]) {
    self.body = body
    self.partial = partial ?? body
    self.diagnostics = diagnostics
  }

  public var errors: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .error } }
  public var warnings: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// `CreateModelRequest` as LISA validates it (docs/lisa/models-api.md#requests): field shapes, then its cross-field rules.
public enum CreateModelRules {
  public static func check(_ value: JSONValue, locate: @escaping (FieldPath) -> SourceLocation? = { _ in nil }) -> CheckedRequest
  {
    var checker = RequestChecker(context: "CreateModelRequest", locate: locate)
    guard let body = checker.normalizeObject(value, fields: ModelSchema.create, at: .root) else {
      return CheckedRequest(body: nil, diagnostics: checker.diagnostics)
    }
    crossFieldRules(body, given: value, checker: &checker)
    checker.explainZeroCapacity(at: FieldPath("autoScalingConfig.minCapacity"), id: body["modelId"]?.stringValue)
    checker.requireStorable(body)
    return CheckedRequest(body: checker.errors.isEmpty ? body : nil, partial: body, diagnostics: checker.diagnostics)
  }

  /// LISA stores any id, but no `/models/{id}` route reaches one with `/` (decoded before routing) or one
  /// that is a dot segment (docs/lisa/models-api.md#paths), so such a model could never be changed or deleted.
  static func checkID(_ id: String, checker: inout RequestChecker) {
    guard id.contains("/") || id == "." || id == ".." else { return }
    checker.error(
      FieldPath("modelId"),
      "'\(id)' cannot be used: LISA would store it, but no /models/{id} route could reach the model afterwards "
        + "(an id must not contain '/' nor be '.' or '..')")
  }

  /// `given` is the request as written: a field that was there but wrong is not also reported missing.
  static func crossFieldRules(_ body: JSONValue, given: JSONValue, checker: inout RequestChecker) {
    if let id = body["modelId"]?.stringValue { checkID(id, checker: &checker) }
    if body["modelType"]?.stringValue == "embedding", body["streaming"]?.boolValue == true {
      checker.error(FieldPath("streaming"), "an embedding model cannot stream; set streaming: false or drop it")
    }
    hostingFields(given, checker: &checker)
    if let scaling = body["autoScalingConfig"] { capacities(scaling, at: FieldPath("autoScalingConfig"), checker: &checker) }
    if body["hostingType"]?.stringValue == HostingType.internalHosted.rawValue {
      guard let url = body["modelUrl"]?.stringValue else {
        if given["modelUrl"].map({ !$0.isNull }) ?? false { return }
        checker.error(FieldPath("modelUrl"), "required when hostingType is internal_hosted (the model's load balancer URL)")
        return
      }
      checkInternalURL(url, checker: &checker)
    }
  }

  /// All five hosting fields or none: any of them makes the model LISA-hosted, which needs them all.
  static func hostingFields(_ given: JSONValue, checker: inout RequestChecker) {
    let present = ModelSchema.hostingFields.filter { given[$0].map { !$0.isNull } ?? false }
    guard !present.isEmpty, present.count < ModelSchema.hostingFields.count else { return }
    let missing = ModelSchema.hostingFields.filter { !present.contains($0) }
    for field in missing {
      checker.error(
        FieldPath(field),
        "required for a LISA-hosted model: \(present.joined(separator: ", ")) \(present.count == 1 ? "is" : "are") set, and "
          + "autoScalingConfig, containerConfig, inferenceContainer, instanceType and loadBalancerConfig go together")
    }
  }

  /// minCapacity ≤ maxCapacity, and desiredCapacity between them.
  static func capacities(_ scaling: JSONValue, at path: FieldPath, checker: inout RequestChecker) {
    let minimum = scaling["minCapacity"]?.intValue
    let maximum = scaling["maxCapacity"]?.intValue
    let desired = scaling["desiredCapacity"]?.intValue
    if let minimum, let maximum, minimum > maximum {
      checker.error(path.key("minCapacity"), "must not exceed maxCapacity (\(minimum) > \(maximum))")
    }
    if let desired, let maximum, desired > maximum {
      checker.error(path.key("desiredCapacity"), "must not exceed maxCapacity (\(desired) > \(maximum))")
    }
    if let desired, let minimum, desired < minimum {
      checker.error(path.key("desiredCapacity"), "must be at least minCapacity (\(desired) < \(minimum))")
    }
  }

  /// An internal model is reached through its own load balancer: the host must end in `.elb.amazonaws.com`.
  static func checkInternalURL(_ text: String, checker: inout RequestChecker) {
    guard let host = URLComponents(string: text)?.host, !host.isEmpty else {
      checker.error(
        FieldPath("modelUrl"), "'\(text)' is not a URL with a host (e.g. https://internal-my-alb-123.us-east-1.elb.amazonaws.com)"
      )
      return
    }
    if !host.lowercased().hasSuffix(".elb.amazonaws.com") {
      checker.error(FieldPath("modelUrl"), "the host \(host) must end in .elb.amazonaws.com for an internal_hosted model")
    }
  }
}
