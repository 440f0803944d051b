import LisaKit

/// The `lisa models update` flags as the fields of an UpdateModelRequest.
struct UpdateFlags {
  let command: ModelsUpdate

  func apply(to patch: JSONValue) throws -> JSONValue {
    guard patch.objectPairs != nil else { throw LisaError(.dataError, "the update file must hold a mapping of fields") }
    let c = command
    var body = patch
    if let text = c.modelDescription { body = body.setting("modelDescription", .string(text)) }
    if let text = c.modelType { body = body.setting("modelType", .string(text)) }
    if let text = c.allowedGroups {
      let groups = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      body = body.setting("allowedGroups", .array(groups.map { .string($0) }))
    }
    if let flag = c.streaming { body = body.setting("streaming", .bool(flag)) }
    body = merge(
      body, "autoScalingInstanceConfig",
      [
        ("minCapacity", c.minCapacity), ("maxCapacity", c.maxCapacity), ("desiredCapacity", c.desiredCapacity),
        ("cooldown", c.cooldown), ("defaultInstanceWarmup", c.instanceWarmup),
      ].compactMap { key, value in value.map { (key, .int($0)) } })
    var container: [(String, JSONValue)] = [
      ("sharedMemorySize", c.sharedMemory), ("healthCheckInterval", c.healthCheckInterval),
      ("healthCheckTimeout", c.healthCheckTimeout),
      ("healthCheckStartPeriod", c.healthCheckStartPeriod), ("healthCheckRetries", c.healthCheckRetries),
    ].compactMap { key, value in value.map { (key, .int($0)) } }
    if let command = c.healthCheckCommand { container.append(("healthCheckCommand", .string(command))) }
    let environment = try environmentChanges()
    body = merge(body, "containerConfig", container)
    if !environment.isEmpty {
      let existing = body["containerConfig"]?["environment"] ?? .object([])
      let merged = environment.reduce(existing) { $0.setting($1.0, $1.1) }
      body = body.setting("containerConfig", (body["containerConfig"] ?? .object([])).setting("environment", merged))
    }
    return body
  }

  /// `--env KEY=VALUE` and `--unset-env KEY`; LISA removes a variable set to its deletion marker.
  func environmentChanges() throws -> [(String, JSONValue)] {
    var changes: [(String, JSONValue)] = []
    for pair in command.env {
      guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
        throw LisaError.usage("--env '\(pair)': expected KEY=VALUE")
      }
      changes.append((String(pair[..<equals]), .string(String(pair[pair.index(after: equals)...]))))
    }
    for key in command.unsetEnv {
      guard !key.isEmpty, !key.contains("=") else { throw LisaError.usage("--unset-env '\(key)': expected a variable name") }
      if changes.contains(where: { $0.0 == key }) { throw LisaError.usage("--env and --unset-env both name \(key)") }
      changes.append((key, .string(ModelDiff.deletionMarker)))
    }
    return changes
  }

  private func merge(_ body: JSONValue, _ key: String, _ fields: [(String, JSONValue)]) -> JSONValue {
    guard !fields.isEmpty else { return body }
    let existing = body[key] ?? .object([])
    return body.setting(key, fields.reduce(existing) { $0.setting($1.0, $1.1) })
  }
}
