import Foundation

/// Progress of one phase on stderr. On a terminal: a bar redrawn in place, at most ten times a
/// second, with counts, bytes (when the phase counts them), rate and time left. Elsewhere: one line when the phase
/// ends. Nothing with -q.
public final class ProgressMeter: @unchecked Sendable {
  private let label: String
  private let total: Int?
  private let sink: any TextSink
  private let live: Bool
  private let quiet: Bool
  private let clock: @Sendable () -> Date
  private let lock = NSLock()
  private let started: Date
  private var done = 0
  /// Bytes moved so far; nil until a caller counts them.
  private var bytes: Int?
  private var lastDraw = Date.distantPast

  public init(label: String, total: Int?, context: LisaContext, quiet: Bool) {
    self.label = label
    self.total = total
    sink = context.stderr
    live = context.terminal.showsProgress && !quiet
    self.quiet = quiet
    clock = context.now
    started = context.now()
  }

  public func add(_ count: Int, bytes moved: Int? = nil) {
    lock.lock()
    defer { lock.unlock() }
    done += count
    if let moved { bytes = (bytes ?? 0) + moved }
    guard live else { return }
    let now = clock()
    guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
    lastDraw = now
    sink.write("\r\u{1B}[K" + line(now: now))
  }

  /// Ends the phase; returns the seconds it took.
  @discardableResult
  public func finish() -> TimeInterval {
    lock.lock()
    defer { lock.unlock() }
    let now = clock()
    let elapsed = now.timeIntervalSince(started)
    if live { sink.write("\r\u{1B}[K") }
    if !quiet {
      let moved = bytes.map { ", \(FileIO.formatBytes($0))" } ?? ""
      sink.write("\(label): \(Self.count(done))\(moved) in \(Self.duration(elapsed))\(rate(elapsed).map { " (\($0))" } ?? "")\n")
    }
    return elapsed
  }

  private func line(now: Date) -> String {
    let elapsed = now.timeIntervalSince(started)
    var text = "\(label) "
    if let total, total > 0 {
      let fraction = min(1, Double(done) / Double(total))
      let width = 24
      let filled = Int(fraction * Double(width))
      text += "[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled) + "] "
      text += "\(Self.count(done))/\(Self.count(total))"
      if done > 0, elapsed > 1 {
        let remaining = elapsed / Double(done) * Double(max(0, total - done))
        text += "  ETA \(Self.duration(remaining))"
      }
    } else {
      text += Self.count(done)
    }
    if let bytes { text += "  \(FileIO.formatBytes(bytes))" }
    if let rate = rate(elapsed) { text += "  \(rate)" }
    return text
  }

  private func rate(_ elapsed: TimeInterval) -> String? {
    elapsed > 0.5 ? "\(Self.count(Int(Double(done) / elapsed)))/s" : nil
  }

  static func count(_ value: Int) -> String {
    let digits = String(value)
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return String(out.reversed())
  }

  public static func duration(_ seconds: TimeInterval) -> String {
    if seconds < 60 { return String(format: "%.1fs", seconds) }
    let total = Int(seconds.rounded())
    return total >= 3600
      ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
      : String(format: "%d:%02d", total / 60, total % 60)
  }
}
