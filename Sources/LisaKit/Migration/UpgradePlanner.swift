import Foundation

/// Picks the steps an upgrade needs from the upgrade data and puts them in an order an operator can
/// follow: phase by phase, actions before the verifications that close a phase, and nothing before
/// what it depends on (in the order of the data file where the dependencies leave a choice).
public struct UpgradePlanner: Sendable {
  public let knowledge: UpgradeKnowledge

  public init(knowledge: UpgradeKnowledge) {
    self.knowledge = knowledge
  }

  public func plan(from: LisaVersion, to: LisaVersion, fromSource: String = "--from") throws -> UpgradePlan {
    guard from <= to else {
      throw LisaError.usage(
        "--from \(from) is later than --to \(to)", hint: "lisa plans upgrades; LISA has no downgrade path")
    }
    let selected = knowledge.steps.filter { $0.applies(from: from, to: to) }
    var seen: [String: UpgradeStep] = [:]
    for step in selected {
      if seen[step.id] != nil {
        throw dataBug("two variants of step \(step.id) apply to \(from) → \(to)")
      }
      seen[step.id] = step
    }
    for step in selected {
      for need in step.needs where seen[need] == nil {
        throw dataBug("step \(step.id) needs \(need), which does not apply to \(from) → \(to)")
      }
    }
    let ordered = try order(selected)
    let steps = ordered.enumerated().map { index, step in
      UpgradePlan.Step(
        number: index + 1, step: step,
        dependsOn: (step.needs + step.after).filter { seen[$0] != nil }.uniqued(),
        commands: step.commands.map { UpgradePlan.Command(run: $0, plannedIn: knowledge.plannedReason(for: $0)) })
    }
    return UpgradePlan(from: from, to: to, fromSource: fromSource, steps: steps).substituting(
      ["from": from.description, "to": to.description])
  }

  /// Kahn's algorithm; among the steps that are ready, the one that sorts first (phase, kind, file order).
  func order(_ steps: [UpgradeStep]) throws -> [UpgradeStep] {
    let index = Dictionary(uniqueKeysWithValues: steps.enumerated().map { ($1.id, $0) })
    var waitingOn = steps.map { step in Set((step.needs + step.after).compactMap { index[$0] }) }
    var done: [Int] = []
    var remaining = Set(steps.indices)
    while !remaining.isEmpty {
      let ready = remaining.filter { waitingOn[$0].isEmpty }
      guard let next = ready.min(by: { (steps[$0].orderKey, $0) < (steps[$1].orderKey, $1) }) else {
        throw dataBug("the steps \(remaining.map { steps[$0].id }.sorted().joined(separator: ", ")) wait on each other")
      }
      remaining.remove(next)
      done.append(next)
      for i in remaining { waitingOn[i].remove(next) }
    }
    return done.map { steps[$0] }
  }

  func dataBug(_ message: String) -> LisaError {
    LisaError(.failure, "\(UpgradeKnowledge.builtInName): \(message)", hint: "this is a bug in lisa's upgrade data")
  }
}

extension Array where Element: Hashable {
  fileprivate func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
