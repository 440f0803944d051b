import Foundation

/// `lisa keys check` for LISA's token table and token API: tokens the authorizer rejects, tokens that
/// break the token API's rules, and plaintext keys sitting in the table. Each finding's `path` is its code.
/// Findings name tokens by id and name only; never by key.
public enum TokenTableLint {
  /// A token as a store sees it: its record and, where the store can read it, the item's key (a SHA-256
  /// digest, or a legacy item's plaintext). LISA's API shows no digests, but it does show legacy plaintexts.
  public struct Subject: Sendable {
    public var record: KeyRecord
    public var key: String?

    public init(record: KeyRecord, key: String?) {
      self.record = record
      self.key = key
    }
  }

  /// `format` is the table's: in a v6.0 table plaintext keys are how LISA works, not legacy leftovers.
  public static func check(_ items: [DynamoDBItem], store: String, format: LisaTokenFormat, now: Date) -> [ConfigDiagnostic] {
    let subjects = items.map { Subject(record: TokenTableItems.record($0), key: TokenTableItems.key(of: $0)) }
    return check(subjects, store: store, format: format, now: now)
  }

  public static func check(_ tokens: [Subject], store: String, format: LisaTokenFormat, now: Date) -> [ConfigDiagnostic] {
    var findings: [ConfigDiagnostic] = []
    func add(_ severity: ConfigDiagnostic.Severity, _ code: String, _ message: String) {
      findings.append(ConfigDiagnostic(severity: severity, path: code, message: message, location: SourceLocation(file: store)))
    }
    func checkExpiry(_ record: KeyRecord, _ token: String) {
      if let expiresAt = record.expiresAt {
        if expiresAt <= now { add(.error, "expired", "\(token) expired at \(KeyRecord.iso8601(expiresAt))") }
      } else {
        add(.error, "never-expires", "\(token) has no tokenExpiration")
      }
    }
    var idCounts: [String: Int] = [:]
    var tokensByOwner: [String: [KeyRecord]] = [:]
    for subject in tokens {
      let record = subject.record
      if record.isLegacy {
        let token = "token \(record.id) (\(record.name))"
        if format == .hashed {
          add(.error, "legacy", "\(token) is a legacy item: a pre-v6.1 plaintext key that LISA rejects")
        } else {
          add(.warning, "plaintext-key", "\(token) is stored in plaintext, as LISA v6.0 does; v6.1 rejects it unless migrated")
          checkExpiry(record, token)
        }
        if let key = subject.key, let weakness = KeyFileLint.weakness(of: KeySecret(key)) {
          add(.error, "weak-key", "\(token) is weak: \(weakness)")
        }
        continue
      }
      let token = "token \(record.id) ('\(record.name)')"
      idCounts[record.id, default: 0] += 1
      if let key = subject.key, !isSHA256Hex(key) {
        add(.error, "unhashed-key", "\(token) is not keyed by a SHA-256 digest; the authorizer can never find it")
      }
      checkExpiry(record, token)
      if record.name.isEmpty { add(.warning, "missing-name", "\(token) has no name") }
      if let user = record.user, !user.isEmpty {
        tokensByOwner[user, default: []].append(record)
      } else {
        add(.error, "missing-username", "\(token) has no username; it acts for no one and its owner cannot list it")
      }
    }
    for (id, count) in idCounts.sorted(by: { $0.key < $1.key }) where count > 1 {
      add(.error, "duplicate-id", "\(count) items share tokenUUID \(id); LISA finds only one of them by id")
    }
    for (user, records) in tokensByOwner.sorted(by: { $0.key < $1.key }) {
      let byName = Dictionary(grouping: records.filter { !$0.name.isEmpty }, by: \.name)
      for (name, same) in byName.sorted(by: { $0.key < $1.key }) where same.count > 1 {
        let ids = same.map(\.id).joined(separator: ", ")
        add(.error, "duplicate-name", "user '\(user)' has \(same.count) tokens named '\(name)': \(ids)")
      }
      let personal = records.filter { !$0.isSystem }
      if personal.count > 1 {
        let count = "\(personal.count) non-system tokens"
        add(
          .warning, "one-per-user",
          "user '\(user)' has \(count); LISA allows one (expected only while a rotation's old token runs out)")
      }
    }
    return findings
  }

  static func isSHA256Hex(_ key: String) -> Bool {
    key.utf8.count == 64 && key.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }
}
