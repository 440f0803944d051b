import Foundation

/// A backup passphrase. Its description never shows the value, so it cannot leak through logs,
/// string interpolation or test failure output.
public struct Passphrase: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
  private let bytes: [UInt8]

  /// Returns nil for an empty passphrase. The text is NFC-normalised so the same passphrase typed on
  /// macOS (which may send decomposed accents) and on Linux derives the same key.
  public init?(_ text: String) {
    guard !text.isEmpty else { return nil }
    bytes = Array(text.precomposedStringWithCanonicalMapping.utf8)
  }

  func withBytes<Result>(_ body: ([UInt8]) throws -> Result) rethrows -> Result {
    try body(bytes)
  }

  public var description: String { "Passphrase(…)" }
  public var debugDescription: String { description }
}
