import Foundation

/// A LISA release number. Operators write it as `6.6`, `6.6.0` or `v6.6.0`; a missing patch is 0.
public struct LisaVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var major: Int
  public var minor: Int
  public var patch: Int

  public init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
    self.major = major
    self.minor = minor
    self.patch = patch
  }

  /// `v6.6.0`, `V6.6`, `6.6.0`, `6.6`; nil for anything else (`6`, `6.6.0.1`, `6.x`, `6.6-rc1`).
  public init?(_ text: String) {
    var body = Substring(text.trimmingCharacters(in: .whitespaces))
    if body.first == "v" || body.first == "V" { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(\.isASCII) }),
      let major = Int(parts[0]), let minor = Int(parts[1]), let patch = parts.count == 3 ? Int(parts[2]) : 0,
      major >= 0, minor >= 0, patch >= 0
    else { return nil }
    self.init(major, minor, patch)
  }

  public var description: String { "\(major).\(minor).\(patch)" }

  public static func < (lhs: LisaVersion, rhs: LisaVersion) -> Bool {
    (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
  }
}

/// A half-open range of versions, written `>=3.0.0 <3.1.0`, `<6.0.0` or `>=6.1.0`; empty text is every version.
public struct VersionRange: Sendable, Equatable, CustomStringConvertible {
  public var lower: LisaVersion?
  public var upper: LisaVersion?

  public init(lower: LisaVersion? = nil, upper: LisaVersion? = nil) {
    self.lower = lower
    self.upper = upper
  }

  public static let any = VersionRange()

  /// Nil when the text is not of that form.
  public init?(_ text: String) {
    for part in text.split(separator: " ") {
      if part.hasPrefix(">="), lower == nil, let version = LisaVersion(String(part.dropFirst(2))) {
        lower = version
      } else if part.hasPrefix("<"), !part.hasPrefix("<="), upper == nil, let version = LisaVersion(String(part.dropFirst())) {
        upper = version
      } else {
        return nil
      }
    }
    if let lower, let upper, lower >= upper { return nil }
  }

  public func contains(_ version: LisaVersion) -> Bool {
    (lower.map { version >= $0 } ?? true) && (upper.map { version < $0 } ?? true)
  }

  public var bounds: [LisaVersion] { [lower, upper].compactMap { $0 } }

  public var description: String {
    [lower.map { ">=\($0)" }, upper.map { "<\($0)" }].compactMap { $0 }.joined(separator: " ")
  }
}
