import Foundation

/// A model's container environment as LISA's update expects it: LISA stores the map an update sends as
/// the model's whole environment, dropping keys set to the deletion marker (docs/lisa/models-api.md#update).
/// So every update that touches the environment carries the full current map with its changes.
public enum ModelEnvironment {
  /// `body` with `containerConfig.environment` holding changes (new values, or the marker for a removal)
  /// turned into the map to send: the model's current variables in their order, changed, new ones after
  /// them, removed ones marked (`ModelDiff.deletionMarker`). A body without environment changes is returned as it is.
  public static func completing(_ body: JSONValue, current: ModelInfo) -> JSONValue {
    guard let container = body["containerConfig"], let changes = container["environment"]?.objectPairs else { return body }
    var merged = current.json["containerConfig"]?["environment"]?.objectPairs ?? []
    for (key, value) in changes {
      if let index = merged.firstIndex(where: { $0.0 == key }) {
        merged[index].1 = value
      } else {
        merged.append((key, value))
      }
    }
    return body.setting("containerConfig", container.setting("environment", .object(merged)))
  }
}
