import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum ColorMode: String, CaseIterable, Sendable {
  case auto, always, never
}

/// What the process is attached to. Colour and progress are decided here, once.
public struct Terminal: Sendable {
  public var isStdinTTY: Bool
  public var isStdoutTTY: Bool
  public var isStderrTTY: Bool
  public var width: Int
  public var noColor: Bool
  public var dumb: Bool
  public var colorMode: ColorMode = .auto

  public init(isStdinTTY: Bool, isStdoutTTY: Bool, isStderrTTY: Bool, width: Int = 100, noColor: Bool = false, dumb: Bool = false)
  {
    self.isStdinTTY = isStdinTTY
    self.isStdoutTTY = isStdoutTTY
    self.isStderrTTY = isStderrTTY
    self.width = width
    self.noColor = noColor
    self.dumb = dumb
  }

  public static func live(environment: [String: String]) -> Terminal {
    var size = winsize()
    let width: Int
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      width = Int(size.ws_col)
    } else {
      width = Int(environment["COLUMNS"] ?? "") ?? 100
    }
    return Terminal(
      isStdinTTY: isatty(STDIN_FILENO) == 1, isStdoutTTY: isatty(STDOUT_FILENO) == 1,
      isStderrTTY: isatty(STDERR_FILENO) == 1, width: width,
      noColor: environment["NO_COLOR"].map { !$0.isEmpty } ?? false,
      dumb: environment["TERM"] == "dumb")
  }

  public static let pipes = Terminal(isStdinTTY: false, isStdoutTTY: false, isStderrTTY: false)

  /// Prompts need a human on both ends.
  public var canPrompt: Bool { isStdinTTY && isStderrTTY }

  public var colorOnStdout: Bool { color(onTTY: isStdoutTTY) }
  public var colorOnStderr: Bool { color(onTTY: isStderrTTY) }
  /// Progress bars redraw in place, so they need a real terminal on stderr.
  public var showsProgress: Bool { isStderrTTY && !dumb }

  private func color(onTTY: Bool) -> Bool {
    switch colorMode {
    case .always: true
    case .never: false
    case .auto: onTTY && !noColor && !dumb
    }
  }
}

public enum Style: String, Sendable {
  case bold = "1"
  case dim = "2"
  case red = "31"
  case green = "32"
  case yellow = "33"
  case blue = "34"
  case cyan = "36"

  public func apply(_ text: String, enabled: Bool) -> String {
    enabled ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
  }
}
