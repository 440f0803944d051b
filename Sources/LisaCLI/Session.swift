import ArgumentParser
import Foundation
import LisaKit

/// One run of one command: where its output goes and how loud it is.
public struct Session {
  public let context: LisaContext
  public let globals: GlobalOptions
  let deadline: CommandDeadline

  init(context: LisaContext, globals: GlobalOptions, deadline: CommandDeadline) {
    self.context = context
    self.globals = globals
    self.deadline = deadline
  }

  public var terminal: Terminal { context.terminal }
  var quiet: Bool { globals.output.quiet }
  var verbose: Bool { globals.output.verbose }
  var renderer: Renderer { Renderer(color: terminal.colorOnStdout) }

  /// The format asked for, checked against what this command can produce.
  func format(default fallback: OutputFormat, allowed: [OutputFormat]) throws -> OutputFormat {
    let format = globals.output.format ?? fallback
    guard allowed.contains(format) else {
      throw LisaError.usage(
        "this command cannot print -o \(format.rawValue); use one of: \(allowed.map(\.rawValue).joined(separator: ", "))")
    }
    return format
  }

  /// A result, on stdout.
  func output(_ text: String) {
    context.stdout.write(text)
  }

  /// Progress and confirmations, on stderr, unless -q.
  func info(_ text: String) {
    infoSink(text)
  }

  /// `info` for work that reports from other tasks.
  var infoSink: @Sendable (String) -> Void {
    let quiet = quiet
    let stderr = context.stderr
    return { line in if !quiet { stderr.write(line + "\n") } }
  }

  /// Why the command is waiting (a slow request, a retry): on stderr unless -q, so no wait is silent.
  var noticeSink: (@Sendable (String) -> Void)? {
    guard !quiet else { return nil }
    let stderr = context.stderr
    let color = terminal.colorOnStderr
    return { line in stderr.write(Style.dim.apply("lisa: " + line, enabled: color) + "\n") }
  }

  func warn(_ text: String) {
    guard !quiet else { return }
    context.stderr.write(Style.yellow.apply("warning:", enabled: terminal.colorOnStderr) + " " + text + "\n")
  }

  /// Traces for -v, dimmed on a terminal.
  func detail(_ text: String) {
    detailSink(text)
  }

  /// `detail` for work that reports from other tasks (AWS attempts, store traces).
  var detailSink: @Sendable (String) -> Void {
    let verbose = verbose
    let stderr = context.stderr
    let color = terminal.colorOnStderr
    return { line in
      guard verbose else { return }
      stderr.write(Style.dim.apply(line, enabled: color) + "\n")
    }
  }

  /// Diagnostics from a checker, each on its own line with its position.
  func diagnostic(_ diagnostic: ConfigDiagnostic) {
    if diagnostic.severity == .warning && quiet { return }
    let color = diagnostic.severity == .error ? Style.red : Style.yellow
    let label = diagnostic.severity.rawValue + ":"
    var line = diagnostic.line
    if let range = line.range(of: label) {
      line.replaceSubrange(range, with: color.apply(label, enabled: terminal.colorOnStderr))
    }
    context.stderr.write(line + "\n")
  }

  func report(_ error: LisaError) {
    let label = Style.red.apply("error:", enabled: terminal.colorOnStderr)
    var plain = error
    let location = plain.location
    plain.location = nil
    let prefix = location.map { $0.description + ": " } ?? ""
    context.stderr.write(prefix + label + " " + plain.description + "\n")
  }

  /// Asks on a terminal; off one, `--yes` is required.
  func confirm(_ question: String, flag: String = "--yes") throws {
    if globals.output.yes { return }
    guard terminal.canPrompt else {
      throw LisaError.usage(
        "\(question.trimmingCharacters(in: CharacterSet(charactersIn: "?"))): confirmation needed; pass \(flag) when not running on a terminal"
      )
    }
    context.stderr.write(question + " [y/N] ")
    let answer = context.readLine() ?? ""
    guard ["y", "yes"].contains(answer.lowercased()) else { throw LisaError(.cancelled, "cancelled") }
  }
}
