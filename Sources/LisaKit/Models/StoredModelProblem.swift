import Foundation

/// Why LISA cannot show a model it stored: pydantic's text in the 400 that `GET /models` (for every model)
/// and `GET /models/{id}` (for that one) answer when an item fails `LISAModel` (docs/lisa/models-api.md#table).
/// It names the field, never the model.
public struct StoredModelProblem: Sendable, Equatable {
  public struct Finding: Sendable, Equatable {
    /// `streaming`, `autoScalingConfig.minCapacity`.
    public var field: String
    public var message: String
    /// pydantic's `input_value`, as it prints it (`None`, `'x'`).
    public var stored: String?
  }

  public var findings: [Finding]

  /// The problem in a 400 body, or nil when the body is about something else.
  public init?(_ body: Data) {
    guard let text = APIErrorMapper.rawDetail(body), text.contains("validation error") && text.contains("for LISAModel")
    else { return nil }
    var findings: [Finding] = []
    var field: String?
    for line in text.split(separator: "\n").dropFirst() {
      if !line.hasPrefix(" ") {
        field = String(line)
      } else if line.hasPrefix("  "), !line.hasPrefix("    "), let current = field {
        findings.append(Self.finding(current, line.trimmingCharacters(in: .whitespaces)))
        field = nil
      }
    }
    guard !findings.isEmpty else { return nil }
    self.findings = findings
  }

  static func finding(_ field: String, _ line: String) -> Finding {
    guard let open = line.range(of: " [type=") else { return Finding(field: field, message: line, stored: nil) }
    let details = line[open.upperBound...]
    var stored: String?
    if let start = details.range(of: "input_value=") {
      let rest = details[start.upperBound...]
      stored = String(rest[..<(rest.range(of: ", input_type=")?.lowerBound ?? rest.endIndex)])
    }
    return Finding(field: field, message: String(line[..<open.lowerBound]), stored: stored)
  }

  /// `streaming: Input should be a valid boolean (stored: None)`, joined with `; `.
  public var summary: String {
    findings.map { "\($0.field): \($0.message)" + ($0.stored.map { " (stored: \($0))" } ?? "") }.joined(separator: "; ")
  }

  /// `GET /models` refused, and the models table could not say which model it is (`reason`).
  public func listError(table reason: String?) -> LisaError {
    LisaError(
      .failure,
      "GET /models: LISA cannot read one of the models it stored (\(summary)), so it lists none, for any caller",
      hint: "lisa names that model and lists the others when it can read the models table (\(ModelsTable.environmentVariable) "
        + "or SSM <deploymentPrefix>/modelTableName)" + (reason.map { "; it could not: \($0)" } ?? ""))
  }

  /// `GET /models/{id}` refused for this model.
  public func modelError(_ id: String) -> LisaError {
    LisaError(
      .failure, "model '\(id)': LISA cannot read what it stored: \(summary)",
      hint: "correct the item's model_config in LISA's models table; until then GET /models fails for every caller")
  }
}
