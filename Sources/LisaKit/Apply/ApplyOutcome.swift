import Foundation

/// What an apply run did, by model or repository id (`ModelApplier`, `RagRepositoryApplier`).
public struct ApplyOutcome: Sendable {
  public var created: [String] = []
  public var updated: [String] = []
  public var deleted: [String] = []
  /// Planned updates that turned out unnecessary once the model settled (models only).
  public var settledUnchanged: [String] = []
}
