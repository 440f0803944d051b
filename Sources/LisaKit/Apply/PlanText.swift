import Foundation

/// The plan lines `models apply` and `rag repos apply` print: `+ create    id (note)`, then `    path: a → b`.
public enum PlanText {
  static let symbols = ["create": "+", "update": "~", "recreate": "!", "delete": "-", "unchanged": "="]

  public static func line(action: String, id: String, note: String?) -> String {
    var line = "\(symbols[action] ?? "?") \(action.padding(toLength: 9, withPad: " ", startingAt: 0)) \(id)"
    if let note { line += " (\(note))" }
    return line
  }

  public static func change(_ change: FieldChange) -> String {
    let show = { (value: JSONValue?) in value.map(JSONWriter.compact) ?? "(unset)" }
    return "    \(change.path): \(show(change.from)) → \(show(change.to))\(change.needsRecreate ? "  (needs recreate)" : "")"
  }
}
