import Foundation

/// The models a file asks for, each checked as a CreateModelRequest and normalised, so that plans
/// compare like with like.
public enum DesiredModels {
  /// Checked documents (requests normalised) and every finding; findings without a line in a file
  /// (backups) carry the document's origin in their path.
  public static func check(_ documents: [ModelDocument]) -> (documents: [ModelDocument], diagnostics: [ConfigDiagnostic]) {
    var checked: [ModelDocument] = []
    var diagnostics: [ConfigDiagnostic] = []
    var seen: [String: String] = [:]
    for document in documents {
      let result = CreateModelRules.check(document.request, locate: document.locate)
      for var finding in result.diagnostics {
        if finding.location == nil { finding.path = "\(document.origin): \(finding.path)" }
        diagnostics.append(finding)
      }
      guard var body = result.body, let id = body["modelId"]?.stringValue else { continue }
      if let first = seen[id] {
        diagnostics.append(
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
      checked.append(normalized)
    }
    return (checked, diagnostics)
  }
}
