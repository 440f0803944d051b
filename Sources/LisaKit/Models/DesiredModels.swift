import Foundation

/// The models a file asks for, each checked as a CreateModelRequest and normalised, so that plans
/// compare like with like.
public enum DesiredModels {
  /// The checked documents, every finding, and per model the findings that were let through because the
  /// deployment already holds exactly that value.
  public struct Checked: Sendable {
    public var documents: [ModelDocument]
    public var diagnostics: [ConfigDiagnostic]
    /// By model id: errors on values LISA already stores, reported as warnings and not sent. They are
    /// errors again if the model has to be created anew, because then the value would be sent.
    public var tolerated: [String: [ConfigDiagnostic]]
  }

  /// Checked documents (requests normalised) and every finding; findings without a line in a file
  /// (backups) carry the document's origin in their path.
  public static func check(_ documents: [ModelDocument]) -> (documents: [ModelDocument], diagnostics: [ConfigDiagnostic]) {
    let checked = check(documents, current: [])
    return (checked.documents, checked.diagnostics)
  }

  /// As above, against the deployment's models: a value lisa's rules flag but LISA already stores for
  /// that model (LISA accepted it, or an older LISA did) does not stop the apply of the whole file.
  public static func check(_ documents: [ModelDocument], current: [ModelInfo]) -> Checked {
    var result = Checked(documents: [], diagnostics: [], tolerated: [:])
    var seen: [String: String] = [:]
    for document in documents {
      let checked = CreateModelRules.check(document.request, locate: document.locate)
      var body = checked.body
      var findings = checked.diagnostics
      let id = checked.partial?["modelId"]?.stringValue ?? document.modelId
      if body == nil, let id, let model = current.first(where: { $0.id == id && $0.status != .deleting }),
        let partial = checked.partial,
        stored(findings, desired: document.request, partial: partial, current: ModelExport.export(model).request)
      {
        result.tolerated[id] = findings.filter { $0.severity == .error }
        findings = findings.map(tolerate)
        body = partial
      }
      for var finding in findings {
        if finding.location == nil { finding.path = "\(document.origin): \(finding.path)" }
        result.diagnostics.append(finding)
      }
      guard var body, let id = body["modelId"]?.stringValue else { continue }
      if let first = seen[id] {
        result.diagnostics.append(
          ConfigDiagnostic(
            severity: .error, path: "modelId", message: "'\(id)' is also defined in \(first)",
            location: document.locate(FieldPath("modelId"))))
        continue
      }
      seen[id] = document.origin
      var normalized = document
      if let key = body["apiKey"]?.stringValue {
        normalized.apiKey = normalized.apiKey ?? key
        body = body.setting("apiKey", nil)
      }
      normalized.request = body
      result.documents.append(normalized)
    }
    return result
  }

  static func tolerate(_ finding: ConfigDiagnostic) -> ConfigDiagnostic {
    guard finding.severity == .error else { return finding }
    var warning = finding
    warning.severity = .warning
    warning.message = "LISA already holds this value for the model, so it is kept and not sent: " + finding.message
    return warning
  }

  /// Whether every error is about a value the model already has. Each error is judged on the smallest part
  /// of the request its check left out (a whole schedule for one bad time), or on its own field.
  static func stored(_ findings: [ConfigDiagnostic], desired: JSONValue, partial: JSONValue, current: JSONValue) -> Bool {
    let errors = findings.filter { $0.severity == .error }
    return !errors.isEmpty
      && errors.allSatisfy { error in
        let path = FieldPath(parsing: error.path)
        guard !path.parts.isEmpty else { return false }
        let unit =
          (1...path.parts.count).lazy.map { FieldPath(Array(path.parts.prefix($0))) }.first { partial.value(at: $0) == nil }
          ?? path
        return desired.value(at: unit) != nil && ModelDiff.same(desired.value(at: unit), current.value(at: unit))
      }
  }
}

extension FieldPath {
  /// Reads `autoScalingConfig.scheduling`, `features[0].name` back into parts.
  init(parsing text: String) {
    var parts: [Part] = []
    for piece in text.split(separator: ".", omittingEmptySubsequences: true) {
      var name = Substring(piece)
      var indexes: [Int] = []
      while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
        let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
      {
        indexes.insert(index, at: 0)
        name = name[..<open]
      }
      if !name.isEmpty { parts.append(.key(String(name))) }
      parts += indexes.map { .index($0) }
    }
    self.init(parts)
  }
}

extension JSONValue {
  /// The value at `path`, nil when any step is missing (or null).
  func value(at path: FieldPath) -> JSONValue? {
    var node: JSONValue? = self
    for part in path.parts {
      switch part {
      case .key(let key): node = node?[key]
      case .index(let index): node = node?.arrayItems.flatMap { $0.indices.contains(index) ? $0[index] : nil }
      }
      if node?.isNull == true { return nil }
    }
    return node
  }
}
