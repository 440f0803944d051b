import Foundation

/// Draws a token migration's progress: one `ProgressMeter` per phase, labelled with the tables involved.
public final class TokenMigrationMeters: @unchecked Sendable {
  let source: String?
  let target: String
  let context: LisaContext
  let quiet: Bool
  let lock = NSLock()
  var meter: ProgressMeter?

  public init(source: String?, target: String, context: LisaContext, quiet: Bool) {
    self.source = source
    self.target = target
    self.context = context
    self.quiet = quiet
  }

  /// The callback to hand to `TokenMigration.run`.
  public var sink: @Sendable (TokenMigration.Progress) -> Void { { [self] in show($0) } }

  public func show(_ event: TokenMigration.Progress) {
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .began(let phase, let total):
      meter = ProgressMeter(label: label(phase), total: total, context: context, quiet: quiet)
    case .advanced(_, let count):
      meter?.add(count)
    case .ended:
      _ = meter?.finish()
      meter = nil
    }
  }

  func label(_ phase: TokenMigration.Phase) -> String {
    switch phase {
    case .export: "migrate \(source ?? "") to \(target)"
    case .import: "import into \(target)"
    case .verify: "verify \(target)"
    }
  }
}
