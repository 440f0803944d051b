import Foundation

/// One field that differs between a file and the deployment.
public struct FieldChange: Sendable, Equatable {
  public var path: String
  /// nil: not set.
  public var from: JSONValue?
  public var to: JSONValue?
  /// The update route cannot change this field; the model must be deleted and created again.
  public var needsRecreate: Bool
  /// A container setting: changing it on a running model replaces its tasks (a short outage).
  public var restartsContainer: Bool
}

extension FieldChange {
  /// A change as `models apply -o json` and `rag repos apply -o json` print it.
  public var json: JSONValue {
    .object([
      ("path", .string(path)), ("from", from ?? .null), ("to", to ?? .null), ("needsRecreate", .bool(needsRecreate)),
    ])
  }
}

/// Compares a desired create request with a model's exported one, field by field. Fields the file
/// leaves out are not managed (LISA cannot unset them either), nor is `desiredCapacity`; the environment
/// map is managed as a whole, so a variable removed from the file is removed from the model.
public enum ModelDiff {
  /// Values LISA fills in when a create request leaves them out.
  static let defaults: [String: JSONValue] = [
    "streaming": .bool(false), "hostingType": .string(HostingType.thirdParty.rawValue), "allowedGroups": .array([]),
    "features": .array([]), "guardrailsConfig": .object([]), "containerConfig.environment": .object([]),
    "autoScalingConfig.blockDeviceVolumeSize": .int(50),
    "autoScalingConfig.metricConfig.albMetricName": .string("RequestCountPerTarget"),
    "autoScalingConfig.metricConfig.targetValue": .int(30),
  ]
  /// Paths compared as one value rather than key by key.
  static let wholeValues: Set<String> = [
    "guardrailsConfig", "autoScalingConfig.scheduling", "containerConfig.healthCheckConfig.command",
  ]

  static let scalingUpdatable: Set<String> = ["minCapacity", "maxCapacity", "cooldown", "defaultInstanceWarmup"]
  /// Not compared: LISA applies a desired capacity to the running group but never stores it, so the stored
  /// value stays the one the model was created with (docs/lisa/models-api.md#update); it is sent on create only.
  public static let unmanaged: Set<String> = ["autoScalingConfig.desiredCapacity"]
  static let healthCheckUpdatable = [
    "command": "healthCheckCommand", "interval": "healthCheckInterval", "timeout": "healthCheckTimeout",
    "startPeriod": "healthCheckStartPeriod", "retries": "healthCheckRetries",
  ]
  /// Changed through the schedule route, not the update route.
  public static let schedulePath = "autoScalingConfig.scheduling"
  /// Sent as the literal LISA reads as "remove this variable".
  public static let deletionMarker = "LISA_MARKED_FOR_DELETION"

  public static func changes(desired: JSONValue, current: JSONValue) -> [FieldChange] {
    var result: [FieldChange] = []
    walk(desired, current, path: "", into: &result)
    return result
  }

  static func walk(_ desired: JSONValue, _ current: JSONValue?, path: String, into result: inout [FieldChange]) {
    if unmanaged.contains(path) { return }
    if path == "containerConfig.environment" {
      let wanted = desired.objectPairs ?? []
      let existing = current?.objectPairs ?? []
      for (key, value) in wanted where !same(value, existing.first { $0.0 == key }?.1) {
        result.append(change(path + "." + key, from: existing.first { $0.0 == key }?.1, to: value))
      }
      for (key, value) in existing where !wanted.contains(where: { $0.0 == key }) {
        result.append(change(path + "." + key, from: value, to: nil))
      }
      return
    }
    if let pairs = desired.objectPairs, !wholeValues.contains(path), current?.objectPairs != nil || current == nil {
      for (key, value) in pairs where key != "apiKey" {
        let child = path.isEmpty ? key : path + "." + key
        walk(value, current?[key], path: child, into: &result)
      }
      return
    }
    let existing = current.flatMap { $0.isNull ? nil : $0 } ?? defaults[path]
    if !same(desired, existing) { result.append(change(path, from: existing, to: desired)) }
  }

  static func change(_ path: String, from: JSONValue?, to: JSONValue?) -> FieldChange {
    let target = updateKey(path.split(separator: ".").map(String.init))
    return FieldChange(
      path: path, from: from, to: to, needsRecreate: target == nil && path != schedulePath,
      restartsContainer: target?.first == "containerConfig")
  }

  /// Where a create-request field goes in an `UpdateModelRequest`, or nil when no update can change it.
  static func updateKey(_ parts: [String]) -> [String]? {
    guard let first = parts.first else { return nil }
    if parts.count == 1, ModelSchema.metadataFields.contains(first) { return parts }
    if first == "autoScalingConfig", parts.count == 2, scalingUpdatable.contains(parts[1]) {
      return ["autoScalingInstanceConfig", parts[1]]
    }
    if first == "containerConfig" {
      if parts.count == 2, parts[1] == "sharedMemorySize" { return parts }
      if parts.count == 3, parts[1] == "environment" { return parts }
      if parts.count == 3, parts[1] == "healthCheckConfig", let flat = healthCheckUpdatable[parts[2]] {
        return ["containerConfig", flat]
      }
    }
    return nil
  }

  /// The `UpdateModelRequest` body that makes these (updatable) changes.
  public static func updateBody(_ changes: [FieldChange]) -> JSONValue {
    var body = JSONValue.object([])
    for change in changes where !change.needsRecreate {
      guard let key = updateKey(change.path.split(separator: ".").map(String.init)) else { continue }
      let value = change.to ?? .string(deletionMarker)
      body = setting(body, key[...], value)
    }
    return body
  }

  static func setting(_ object: JSONValue, _ path: ArraySlice<String>, _ value: JSONValue) -> JSONValue {
    guard let key = path.first else { return value }
    let child = object[key] ?? .object([])
    return object.setting(key, path.count == 1 ? value : setting(child, path.dropFirst(), value))
  }

  /// Equal in meaning: numbers by value, objects regardless of key order, null equal to missing.
  public static func same(_ a: JSONValue?, _ b: JSONValue?) -> Bool { JSONComparison.same(a, b) }
}
