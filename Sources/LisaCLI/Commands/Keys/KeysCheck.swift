import ArgumentParser
import LisaKit

struct KeysCheck: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Lint a key store for CI; exit 7 when anything is wrong.",
    discussion: """
      Errors: malformed-line (a line the gateway skips), duplicate-id, duplicate-secret, expired, \
      never-expires, weak-key (under 22 random characters or under 10 distinct ones), legacy, no-keys. \
      Warnings: file-mode (readable by others), id-not-portable (an id key_mgmt.py refuses), \
      stale-temp-file (a copy of the secrets left by an interrupted write; the next write removes it). \
      Findings go to stderr as FILE:LINE: error: CODE: message, and a summary to stdout; -o json prints \
      {valid, errors, warnings, store, findings: [{severity, code, message, file, line}]}. Secrets are never printed.

      Table store errors: legacy (a pre-v6.1 plaintext item LISA rejects), weak-key (of a legacy item), \
      unhashed-key, expired, never-expires (no tokenExpiration), missing-username, duplicate-id (tokenUUID), \
      duplicate-name (per user). Warnings: missing-name, one-per-user (a user with several non-system tokens), \
      plaintext-key (in a LISA v6.0 table, where plaintext keys are the format; v6.1 rejects them). \
      API store: the same codes except unhashed-key and plaintext-key (the API shows no item keys), over \
      the tokens the credential may list (all of them for an admin).

      Exit status: 0 clean (warnings allowed unless --strict), 7 problems found, 5 the store does not exist.
      """
  )

  @Flag(name: .customLong("strict"), help: "Treat warnings as errors.")
  var strict = false

  @OptionGroup(title: "Key store") var storeOptions: KeyStoreOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    let store = try await session.openKeyStore(storeOptions)
    let findings = try await store.check()
    let errors = findings.filter { $0.severity == .error }.count
    let warnings = findings.count - errors
    let valid = errors == 0 && (!strict || warnings == 0)
    if format == .table {
      findings.forEach(session.diagnostic)
      let verdict = valid ? "ok" : "problems found"
      session.output("\(store.label): \(verdict) (\(Self.count(errors, "error")), \(Self.count(warnings, "warning")))\n")
    } else {
      let report = JSONValue.object([
        ("valid", .bool(valid)), ("errors", .int(errors)), ("warnings", .int(warnings)), ("store", .string(store.label)),
        ("findings", .array(findings.map(Self.json))),
      ])
      session.output(session.renderer.object(report, format: format))
    }
    if !valid {
      let summary = errors > 0 ? Self.count(errors, "error") : Self.count(warnings, "warning") + " (--strict)"
      throw LisaError(.invalid, "\(store.label) has \(summary)")
    }
  }

  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  static func json(_ finding: ConfigDiagnostic) -> JSONValue {
    .object([
      ("severity", .string(finding.severity.rawValue)), ("code", .string(finding.path)), ("message", .string(finding.message)),
      ("file", .optional(finding.location?.file)), ("line", finding.location?.line.map { .int($0) } ?? .null),
    ])
  }
}
