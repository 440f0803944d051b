import Foundation

/// The plan as a checklist for a person at a terminal: one numbered box per step, grouped by phase,
/// each phase closed by its verifications. Prose wraps at `width`; commands never wrap, so they copy whole.
public struct UpgradePlanChecklist: Sendable {
  public var width: Int
  public var color: Bool

  public init(width: Int = 100, color: Bool = false) {
    self.width = max(60, min(width, 100))
    self.color = color
  }

  static let headings: [UpgradePhase: (title: String, verify: String)] = [
    .before: ("BEFORE THE DEPLOY: the old version still serves; nothing here changes it", "Verify before the deploy:"),
    .during: ("DURING THE DEPLOY: the outage window", "Verify the deploy:"),
    .after: ("AFTER THE DEPLOY: restore, clean up, confirm", "Verify the upgrade:"),
  ]

  static let indent = String(repeating: " ", count: 8)
  static let labelWidth = 9

  public func render(_ plan: UpgradePlan) -> String {
    let read = plan.fromSource == "--from" ? "" : "  (\(plan.from) read from \(plan.fromSource))"
    var out = style(.bold, "LISA upgrade plan: \(plan.from) → \(plan.to)") + read + "\n"
    guard !plan.steps.isEmpty else {
      return out + "Nothing to do: \(plan.from) is the release to upgrade to.\n"
    }
    let releases = plan.releases.map { "v\($0)" }.joined(separator: ", ")
    let counts = UpgradePhase.allCases.map { "\(plan.steps(in: $0).count) \($0.rawValue)" }.joined(separator: ", ")
    var intro = [
      "Breaking changes that need steps: \(releases.isEmpty ? "none" : releases).",
      "\(plan.steps.count) steps (\(counts) the deploy), in order: tick each box when it is done and its check holds.",
    ]
    if !plan.placeholders.isEmpty {
      intro.append(
        "Names in angle brackets (\(plan.placeholders.map { "<\($0)>" }.joined(separator: ", "))) are your "
          + "deployment's: lisa config names prints them, and this plan fills them in when run where lisa "
          + "finds config-custom.yaml."
      )
    }
    if plan.steps.contains(where: { $0.commands.contains { $0.plannedIn != nil } }) {
      intro.append("A command marked (planned …) is not in this lisa yet: do what 'by hand' says instead.")
    }
    out += intro.map { wrap($0, indent: "") }.joined()
    for phase in UpgradePhase.allCases {
      let steps = plan.steps(in: phase)
      guard !steps.isEmpty, let heading = Self.headings[phase] else { continue }
      out += "\n" + wrap(heading.title, indent: "").split(separator: "\n").map { style(.bold, String($0)) + "\n" }.joined()
      var verifying = false
      for step in steps {
        if step.step.kind == .verify && !verifying {
          verifying = true
          out += "\n    " + style(.bold, heading.verify) + "\n"
        }
        out += "\n" + render(step)
      }
    }
    return out
  }

  func render(_ planned: UpgradePlan.Step) -> String {
    let step = planned.step
    let box = "[ ] " + "\(planned.number).".padding(toLength: 4, withPad: " ", startingAt: 0)
    var title = box + step.title + (step.optional ? "  (optional)" : "")
    if let release = step.release {
      let tag = "v\(release)"
      let gap = max(2, width - title.count - tag.count)
      title += String(repeating: " ", count: gap) + style(.dim, tag)
    }
    var out = title + "\n"
    out += field("why", step.protects)
    for command in planned.commands {
      let planned = command.plannedIn.map { "  " + style(.yellow, "(planned: \($0))") } ?? ""
      out += Self.indent + label("run") + command.run + planned + "\n"
    }
    if let manual = step.manual { out += field("by hand", manual) }
    if let check = step.check { out += field("check", check) }
    return out
  }

  func label(_ name: String) -> String { name.padding(toLength: Self.labelWidth, withPad: " ", startingAt: 0) }

  func field(_ name: String, _ text: String) -> String {
    wrap(text, indent: Self.indent + String(repeating: " ", count: Self.labelWidth), first: Self.indent + label(name))
  }

  /// Word-wraps one paragraph; a word longer than the line stays whole.
  func wrap(_ text: String, indent: String, first: String? = nil) -> String {
    var lines: [String] = []
    var line = first ?? indent
    var lineHasWord = false
    for word in text.split(whereSeparator: \.isWhitespace) {
      if lineHasWord && line.count + 1 + word.count > width {
        lines.append(line)
        line = indent
        lineHasWord = false
      }
      line += (lineHasWord ? " " : "") + word
      lineHasWord = true
    }
    lines.append(line)
    return lines.joined(separator: "\n") + "\n"
  }

  func style(_ style: Style, _ text: String) -> String { style.apply(text, enabled: color) }
}
