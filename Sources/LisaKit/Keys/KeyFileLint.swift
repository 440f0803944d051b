import Foundation

/// `lisa keys check` for a key file: what would make the gateway skip a line, reject a key, or
/// accept one it should not. Each finding's `path` is its code, so CI logs can be grepped.
public enum KeyFileLint {
  /// A random base64url key needs 22 characters for 128 bits.
  public static let minimumKeyCharacters = 22
  /// Fewer distinct characters than this means a pattern, not randomness.
  public static let minimumDistinctCharacters = 10

  public static func check(
    _ document: KeyFileDocument, file: String, mode: mode_t?, now: Date, zone: TimeZone, leftovers: [String] = []
  ) -> [ConfigDiagnostic] {
    var findings: [ConfigDiagnostic] = []
    func add(_ severity: ConfigDiagnostic.Severity, _ code: String, _ message: String, line: Int?) {
      findings.append(
        ConfigDiagnostic(severity: severity, path: code, message: message, location: SourceLocation(file: file, line: line)))
    }
    if let mode, mode & 0o077 != 0 {
      add(.warning, "file-mode", "mode is \(String(mode & 0o777, radix: 8)); key files should be 0600 (chmod 600)", line: nil)
    }
    for leftover in leftovers {
      let name = (leftover as NSString).lastPathComponent
      add(
        .warning, "stale-temp-file", "\(name) was left by an interrupted write and holds key secrets; the next write removes it",
        line: nil)
    }
    var firstLineOfID: [String: Int] = [:]
    var firstLineOfSecret: [KeySecret: (line: Int, id: String)] = [:]
    for (index, line) in document.lines.enumerated() {
      let number = index + 1
      switch line.kind {
      case .blank, .comment: continue
      case .invalid(let reason): add(.error, "malformed-line", "the gateway skips this line: \(reason)", line: number)
      case .entry(let entry):
        if let first = firstLineOfID[entry.id] {
          add(.error, "duplicate-id", "key id '\(entry.id)' is also on line \(first)", line: number)
        } else {
          firstLineOfID[entry.id] = number
        }
        if let first = firstLineOfSecret[entry.secret] {
          add(
            .error, "duplicate-secret",
            "key '\(entry.id)' has the same secret as '\(first.id)' on line \(first.line); the gateway ignores this line",
            line: number)
        } else {
          firstLineOfSecret[entry.secret] = (number, entry.id)
        }
        if let expiresAt = entry.expiresAt {
          if expiresAt <= now {
            add(.error, "expired", "key '\(entry.id)' expired at \(KeyFileTime.naive(expiresAt, zone: zone))", line: number)
          }
        } else {
          add(.error, "never-expires", "key '\(entry.id)' has no expiration", line: number)
        }
        if let weakness = weakness(of: entry.secret) {
          add(.error, "weak-key", "key '\(entry.id)' is weak: \(weakness)", line: number)
        }
        if !KeyFileFormat.isPortableIdentifier(entry.id) {
          add(
            .warning, "id-not-portable",
            "key id '\(entry.id)' is not ASCII letters, digits, '-', '_' (1-64); key_mgmt.py refuses it", line: number)
        }
      }
    }
    if firstLineOfID.isEmpty {
      add(.error, "no-keys", "no valid keys; the gateway would reject every request", line: nil)
    }
    return findings
  }

  /// Why a secret is guessable, or nil. Never includes the secret itself.
  public static func weakness(of secret: KeySecret) -> String? {
    var body = secret.reveal()
    if body.hasPrefix(KeyFileSecretGenerator.prefix) { body.removeFirst(KeyFileSecretGenerator.prefix.count) }
    if body.unicodeScalars.count < minimumKeyCharacters {
      return "\(body.unicodeScalars.count) random characters, fewer than \(minimumKeyCharacters) (128 bits)"
    }
    let distinct = Set(body.unicodeScalars).count
    if distinct < minimumDistinctCharacters { return "only \(distinct) distinct characters" }
    return nil
  }
}
