import Foundation

/// Reads the upgrade data's YAML, with the file and line in every error.
struct UpgradeDataReader {
  var file: String

  func error(_ message: String, at node: YAMLNode?) -> LisaError {
    LisaError(.dataError, message, at: node?.location ?? SourceLocation(file: file))
  }

  func mapping(_ node: YAMLNode?, what: String) throws -> YAMLMapping {
    guard let map = node?.mapping else { throw error("\(what) must be a mapping", at: node) }
    return map
  }

  func onlyKeys(_ map: YAMLMapping, _ allowed: [String], in what: String) throws {
    for entry in map.entries where !allowed.contains(entry.key) {
      throw LisaError(
        .dataError, "\(what): unknown key '\(entry.key)'", at: entry.keyLocation ?? SourceLocation(file: file),
        hint: "known keys: \(allowed.joined(separator: ", "))")
    }
  }

  func string(_ map: YAMLMapping, _ key: String, required: Bool = false) throws -> String? {
    guard let node = map[key], !node.isNull else {
      if required { throw error("'\(key)' is missing", at: .mapping(map)) }
      return nil
    }
    guard let scalar = node.scalar, !scalar.text.isEmpty else { throw error("'\(key)' must be text", at: node) }
    return scalar.text
  }

  func strings(_ map: YAMLMapping, _ key: String) throws -> [String] {
    guard let node = map[key], !node.isNull else { return [] }
    guard let items = node.sequence?.items else { throw error("'\(key)' must be a list", at: node) }
    return try items.map { item in
      guard let text = item.value.scalar?.text, !text.isEmpty else { throw error("'\(key)' items must be text", at: item.value) }
      return text
    }
  }

  func versions(_ node: YAMLNode?) throws -> [LisaVersion] {
    guard let items = node?.sequence?.items, !items.isEmpty else { throw error("'versions' must be a list", at: node) }
    var versions: [LisaVersion] = []
    for item in items {
      guard let text = item.value.scalar?.text, let version = LisaVersion(text), text == version.description else {
        throw error("versions: '\(item.value.scalar?.text ?? "?")' is not a version written MAJOR.MINOR.PATCH", at: item.value)
      }
      if let last = versions.last, last >= version { throw error("versions: \(version) is not after \(last)", at: item.value) }
      versions.append(version)
    }
    return versions
  }

  func planned(_ node: YAMLNode?) throws -> [(prefix: String, reason: String)] {
    guard let node, !node.isNull else { return [] }
    return try mapping(node, what: "'planned'").entries.map { entry in
      guard entry.key.hasPrefix("lisa "), let reason = entry.value.scalar?.text, !reason.isEmpty else {
        throw error("planned: each entry is 'lisa …': where it is planned", at: entry.value)
      }
      return (entry.key, reason)
    }
  }

  func steps(_ node: YAMLNode?, known: Set<LisaVersion>) throws -> [UpgradeStep] {
    guard let items = node?.sequence?.items, !items.isEmpty else { throw error("'steps' must be a list", at: node) }
    return try items.map { try step($0.value, known: known) }
  }

  static let stepKeys = [
    "id", "release", "phase", "kind", "when", "title", "protects", "commands", "manual", "check", "needs", "after",
    "optional", "source",
  ]

  func step(_ node: YAMLNode, known: Set<LisaVersion>) throws -> UpgradeStep {
    let map = try mapping(node, what: "a step")
    let id = try string(map, "id", required: true)!
    let what = "step \(id)"
    try onlyKeys(map, Self.stepKeys, in: what)
    guard id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil else {
      throw error("\(what): an id is lower-case words joined by '-'", at: map["id"])
    }
    func knownVersion(_ text: String, at node: YAMLNode?) throws -> LisaVersion {
      guard let version = LisaVersion(text), known.contains(version) else {
        throw error("\(what): \(text) is not one of the versions listed", at: node)
      }
      return version
    }
    let release = try string(map, "release").map { try knownVersion($0, at: map["release"]) }
    let phaseText = try string(map, "phase", required: true)!
    guard let phase = UpgradePhase(rawValue: phaseText) else {
      throw error("\(what): phase is before, during or after, not '\(phaseText)'", at: map["phase"])
    }
    let kindText = try string(map, "kind") ?? "action"
    guard let kind = UpgradeStepKind(rawValue: kindText) else {
      throw error("\(what): kind is action or verify, not '\(kindText)'", at: map["kind"])
    }
    let title = try string(map, "title", required: true)!
    guard title.count <= 72 else { throw error("\(what): the title has \(title.count) characters, at most 72", at: map["title"]) }
    var conditions = try self.conditions(map["when"], what: what) { try knownVersion($0, at: map["when"]) }
    if conditions.isEmpty, let release {
      conditions = [UpgradeCondition(from: VersionRange(upper: release), to: VersionRange(lower: release))]
    }
    var optional = false
    if let flag = map["optional"] {
      guard case .bool(let value)? = flag.scalar?.resolved else { throw error("\(what): optional is true or false", at: flag) }
      optional = value
    }
    return UpgradeStep(
      id: id, release: release, phase: phase, kind: kind, when: conditions, title: title,
      protects: try string(map, "protects", required: true)!, commands: try strings(map, "commands"),
      manual: try string(map, "manual"), check: try string(map, "check"), needs: try strings(map, "needs"),
      after: try strings(map, "after"), optional: optional, source: try string(map, "source"), line: map.location?.line)
  }

  func conditions(_ node: YAMLNode?, what: String, version: (String) throws -> LisaVersion) throws -> [UpgradeCondition] {
    guard let node, !node.isNull else { return [] }
    let items = node.sequence.map { $0.items.map(\.value) } ?? [node]
    return try items.map { item in
      let map = try mapping(item, what: "\(what): each 'when'")
      try onlyKeys(map, ["from", "to"], in: "\(what): when")
      func range(_ key: String) throws -> VersionRange {
        guard let text = try string(map, key) else { return .any }
        guard let range = VersionRange(text) else {
          throw error("\(what): when.\(key) '\(text)' is not a range like '>=3.0.0 <3.1.0'", at: map[key])
        }
        for bound in range.bounds { _ = try version(bound.description) }
        return range
      }
      return UpgradeCondition(from: try range("from"), to: try range("to"))
    }
  }

  /// Ids resolve, variants agree on phase and kind, no step depends on one that sorts after it, no cycle.
  static func checkReferences(_ steps: [UpgradeStep], file: String) throws {
    let byID = Dictionary(grouping: steps, by: \.id)
    func fail(_ step: UpgradeStep, _ message: String) -> LisaError {
      LisaError(.dataError, "step \(step.id): \(message)", at: SourceLocation(file: file, line: step.line))
    }
    for step in steps {
      if let first = byID[step.id]?.first, first.phase != step.phase || first.kind != step.kind {
        throw fail(step, "variants of one step must have the same phase and kind")
      }
      for dependency in step.needs + step.after {
        guard let targets = byID[dependency] else { throw fail(step, "'\(dependency)' is not a step") }
        guard dependency != step.id else { throw fail(step, "a step cannot come after itself") }
        if targets[0].orderKey > step.orderKey {
          throw fail(step, "it must come after '\(dependency)', which belongs later (\(targets[0].phase), \(targets[0].kind))")
        }
      }
    }
    var state: [String: Bool] = [:]  // false: on the current path; true: done
    func visit(_ id: String, path: [String]) throws {
      if state[id] == true { return }
      if state[id] == false {
        throw fail(byID[id]![0], "its dependencies form a cycle: \((path + [id]).joined(separator: " → "))")
      }
      state[id] = false
      for step in byID[id]! {
        for dependency in step.needs + step.after { try visit(dependency, path: path + [id]) }
      }
      state[id] = true
    }
    for step in steps { try visit(step.id, path: []) }
  }
}
