import Foundation

/// LISA's models by status beside the names LiteLLM serves. LISA registers each model in LiteLLM
/// under its `modelId` once it is InService (docs/lisa/status.md#models), so an InService model
/// missing from LiteLLM cannot be called, and a LiteLLM name LISA does not know was added behind it.
struct ModelInventory {
  var lisa: [ModelInfo]
  var litellm: Result<[String], any Error>

  var part: StatusPart {
    let counts = Dictionary(grouping: lisa, by: \.statusText).mapValues(\.count)
    let failed = lisa.filter { $0.status == .failed }.map(\.id).sorted()
    var details: [(String, JSONValue)] = [
      ("total", .int(lisa.count)), ("byStatus", StatusChecker.countsJSON(counts)),
      ("failed", .array(failed.map(JSONValue.string))),
    ]
    var sentences = [lisa.isEmpty ? "no models" : "\(lisa.count) models: \(StatusChecker.countText(counts))"]
    var state = StatusState.up
    if !failed.isEmpty {
      state = .down
      sentences.append("failed: \(failed.joined(separator: ", "))")
    }
    switch litellm {
    case .success(let served):
      let servedSet = Set(served)
      let known = Set(lisa.map(\.id))
      let missing = lisa.filter { $0.status == .inService && !servedSet.contains($0.id) }.map(\.id).sorted()
      let extra = servedSet.subtracting(known).sorted()
      details += [
        ("litellm", .int(served.count)), ("missingFromLiteLLM", .array(missing.map(JSONValue.string))),
        ("onlyInLiteLLM", .array(extra.map(JSONValue.string))),
      ]
      sentences.append("\(served.count) in LiteLLM")
      if !missing.isEmpty {
        state = .down
        sentences.append("InService but not in LiteLLM: \(missing.joined(separator: ", "))")
      }
      if !extra.isEmpty { sentences.append("only in LiteLLM: \(extra.joined(separator: ", "))") }
    case .failure(let error):
      details.append(("litellm", .null))
      sentences.append("LiteLLM's list unknown (\(StatusChecker.message(error)))")
    }
    return StatusPart("models", state, sentences.joined(separator: "; "), details: details)
  }
}

/// The token table by what LISA's authorizer would do with each token now.
struct TokenCounts {
  var active = 0
  var expiring = 0
  var expired = 0
  var legacy = 0

  init(_ records: [KeyRecord], now: Date) {
    for record in records {
      switch record.status(at: now) {
      case .legacy: legacy += 1
      case .expired: expired += 1
      case .active:
        active += 1
        if let expiresAt = record.expiresAt, expiresAt.timeIntervalSince(now) <= StatusChecker.expiringWindow { expiring += 1 }
      }
    }
  }

  var text: String {
    "\(active) active (\(expiring) expiring within 7 days), \(expired) expired, \(legacy) legacy"
  }

  var json: [(String, JSONValue)] {
    [("active", .int(active)), ("expiringWithin7Days", .int(expiring)), ("expired", .int(expired)), ("legacy", .int(legacy))]
  }
}
