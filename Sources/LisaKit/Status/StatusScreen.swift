import Foundation

/// `lisa status` for people: one line per part, its state first, the overall state last.
public struct StatusScreen: Sendable {
  public var color: Bool

  public init(color: Bool) {
    self.color = color
  }

  public func render(_ report: StatusReport) -> String {
    let nameWidth = report.parts.map(\.name.count).max() ?? 0
    var lines = report.parts.map { part in
      let state = label(part.state).padding(toLength: 7, withPad: " ", startingAt: 0)
      return
        "\(styled(state, part.state)) \(part.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  \(part.summary)"
    }
    let time = ISO8601DateFormatter().string(from: report.checkedAt)
    lines.append("")
    lines.append("\(styled(report.worst.rawValue, report.worst)) overall at \(time) (exit \(report.exitStatus.rawValue))")
    return lines.joined(separator: "\n") + "\n"
  }

  func label(_ state: StatusState) -> String {
    switch state {
    case .up: "up"
    case .down: "DOWN"
    case .unknown: "unknown"
    case .skipped: "-"
    }
  }

  func styled(_ text: String, _ state: StatusState) -> String {
    switch state {
    case .up: Style.green.apply(text, enabled: color)
    case .down: Style.red.apply(text, enabled: color)
    case .unknown: Style.yellow.apply(text, enabled: color)
    case .skipped: Style.dim.apply(text, enabled: color)
    }
  }
}
