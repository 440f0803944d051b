import Foundation

/// The ordered steps of one upgrade. `json` is the stable shape of `lisa migrate plan -o json`
/// (docs/lisa/upgrades.md, "The plan as JSON").
public struct UpgradePlan: Sendable {
  public struct Command: Sendable, Equatable {
    public var run: String
    /// Where a lisa command this lisa does not have yet is planned; nil when it can be run.
    public var plannedIn: String?
  }

  public struct Step: Sendable {
    public var number: Int
    public var step: UpgradeStep
    /// Steps of this plan that must be done first.
    public var dependsOn: [String]
    public var commands: [Command]
  }

  public static let format = 1

  public var from: LisaVersion
  public var to: LisaVersion
  /// Where `from` came from: "--from", or the reader of the deployed version.
  public var fromSource: String
  public var steps: [Step]
  /// Values put in for placeholders such as `<deploymentName>`, from the config.
  public var names: [(String, String)] = []

  public init(from: LisaVersion, to: LisaVersion, fromSource: String, steps: [Step]) {
    self.from = from
    self.to = to
    self.fromSource = fromSource
    self.steps = steps
  }

  /// The releases whose breaking changes brought steps into this plan.
  public var releases: [LisaVersion] { Set(steps.compactMap(\.step.release)).sorted() }

  public func steps(in phase: UpgradePhase) -> [Step] { steps.filter { $0.step.phase == phase } }

  /// `<name>` placeholders still in the plan's text, for the hint that says where their values come from.
  public var placeholders: [String] {
    let pattern = try! NSRegularExpression(pattern: "<([a-zA-Z]+)>")
    var found: [String] = []
    for text in steps.flatMap({
      [$0.step.title, $0.step.protects, $0.step.manual ?? "", $0.step.check ?? ""] + $0.commands.map(\.run)
    }) {
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        let name = (text as NSString).substring(with: match.range(at: 1))
        if !found.contains(name) { found.append(name) }
      }
    }
    return found
  }

  /// Puts values in for `<key>` in every text of the plan.
  public func substituting(_ values: [String: String]) -> UpgradePlan {
    guard !values.isEmpty else { return self }
    func fill(_ text: String) -> String {
      values.reduce(text) { $0.replacingOccurrences(of: "<\($1.key)>", with: $1.value) }
    }
    var plan = self
    for i in plan.steps.indices {
      var step = plan.steps[i].step
      step.title = fill(step.title)
      step.protects = fill(step.protects)
      step.manual = step.manual.map(fill)
      step.check = step.check.map(fill)
      plan.steps[i].step = step
      plan.steps[i].commands = plan.steps[i].commands.map { Command(run: fill($0.run), plannedIn: $0.plannedIn) }
    }
    return plan
  }

  /// Puts in the deployment's names where the config gives them, and records which.
  public func naming(_ values: [(String, String)]) -> UpgradePlan {
    var plan = substituting(Dictionary(values, uniquingKeysWith: { first, _ in first }))
    plan.names = values
    return plan
  }

  public var json: JSONValue {
    let counts = UpgradePhase.allCases.map { ($0.rawValue, JSONValue.int(steps(in: $0).count)) }
    return .object([
      ("format", .int(Self.format)),
      ("from", .string(from.description)),
      ("fromSource", .string(fromSource)),
      ("to", .string(to.description)),
      ("releases", .array(releases.map { .string($0.description) })),
      ("counts", .object(counts)),
      ("names", .object(names.map { ($0.0, .string($0.1)) })),
      ("steps", .array(steps.map(\.json))),
    ])
  }
}

extension UpgradePlan.Step {
  var json: JSONValue {
    .object([
      ("number", .int(number)),
      ("id", .string(step.id)),
      ("phase", .string(step.phase.rawValue)),
      ("kind", .string(step.kind.rawValue)),
      ("release", .optional(step.release?.description)),
      ("title", .string(step.title)),
      ("optional", .bool(step.optional)),
      ("protects", .string(step.protects)),
      (
        "commands",
        .array(
          commands.map {
            .object([("run", .string($0.run)), ("available", .bool($0.plannedIn == nil)), ("plannedIn", .optional($0.plannedIn))])
          })
      ),
      ("manual", .optional(step.manual)),
      ("check", .optional(step.check)),
      ("dependsOn", .array(dependsOn.map { .string($0) })),
      ("source", .optional(step.source)),
    ])
  }
}
