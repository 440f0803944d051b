import Foundation
import LisaCLI
import LisaKit
import LisaTestSupport
import Testing

/// What `--store table` must never do: show a plaintext (not even of legacy items, which LISA's own list
/// shows), or hide that a step failed; and how AWS refusals read.
@Suite struct KeysTableSafetyTests {
  static let table = KeysTableHarness.table
  static let store = ["--store", "table"]

  @Test func noOutputFormatOrTraceShowsAPlaintext() async throws {
    try await MotoServer.with { server in
      let h = try await KeysTableHarness(server)
      let legacy = "Legacy-Plaintext-Secret-0042-abcdefghij"
      let weak = "letmein"
      try await h.put(["token": .s(legacy), "tokenExpiration": .number(1_900_000_000)])
      try await h.put(["token": .s(weak)])
      let created = await h.run(["create", "ci", "--user", "alice"] + Self.store)
      let secret = created.stdout.trimmingCharacters(in: .newlines)
      let legacyID = TokenTableItems.legacyID(forKey: legacy)

      var runs: [KeysRun] = []
      for format in ["table", "json", "yaml", "jsonl", "id"] {
        runs.append(await h.run(["list", "-v", "-o", format] + Self.store))
      }
      runs.append(await h.run(["show", legacyID, "-v", "-o", "yaml"] + Self.store))
      runs.append(await h.run(["show", "ci", "-v", "-o", "json"] + Self.store))
      let check = await h.run(["check", "-v"] + Self.store)
      let checkJSON = await h.run(["check", "-o", "json"] + Self.store)
      runs += [check, checkJSON]
      runs.append(await h.run(["rotate", legacyID, "--yes", "-v"] + Self.store))
      runs.append(await h.run(["show", "missing", "-v"] + Self.store))
      for run in runs {
        for plaintext in [legacy, weak, secret] {
          #expect(!run.stdout.contains(plaintext) && !run.stderr.contains(plaintext))
        }
      }
      let listed = runs[0].stdout
      #expect(listed.contains(legacyID) && listed.contains("legacy …(39 chars)") && !listed.contains(String(legacy.prefix(4))))
      #expect(runs[4].stdout.split(separator: "\n").count == 3)

      #expect(check.status == .invalid)
      #expect(
        check.stderr.contains("table:\(Self.table): error: legacy: token \(legacyID) (legacy …(39 chars)) is a legacy item"))
      #expect(
        check.stderr.contains("error: weak-key: token \(TokenTableItems.legacyID(forKey: weak)) (legacy …(7 chars)) is weak"))
      #expect(check.stdout == "table:\(Self.table): problems found (3 errors, 0 warnings)\n")
      #expect(checkJSON.stdout.contains("\"code\": \"weak-key\""))

      let revoked = await h.run(["revoke", legacyID, "--yes", "-o", "json"] + Self.store)
      #expect(revoked.status == .ok && !revoked.stdout.contains(legacy))
      let byFile = h.directory.appendingPathComponent("weak.key")
      try Data("\(weak)\n".utf8).write(to: byFile)
      #expect(await h.run(["revoke", "--legacy-key-file", "weak.key", "--yes"] + Self.store).status == .ok)
      let clean = await h.run(["check"] + Self.store)
      #expect(clean.status == .ok && clean.stdout == "table:\(Self.table): ok (0 errors, 0 warnings)\n")
    }
  }

  @Test func accessDeniedExits4AndAFailedRevokeAfterRotationStillHandsOutTheSecret() async throws {
    try await MotoServer.with { server in
      var h = try await KeysTableHarness(server)
      let created = await h.run(["create", "ci", "--user", "alice"] + Self.store)
      let oldSecret = created.stdout.trimmingCharacters(in: .newlines)
      let allowed = [
        "dynamodb:DescribeTable", "dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem",
        "ssm:GetParameter", "sts:GetCallerIdentity",
      ]
      let keys = try await MotoIAM.createUser(on: server, name: "rotator", policy: MotoIAM.policy(allowing: allowed))
      try await MotoIAM.enableAuthentication(on: server)
      h.environment["AWS_ACCESS_KEY_ID"] = keys.accessKeyID
      h.environment["AWS_SECRET_ACCESS_KEY"] = keys.secretAccessKey

      let rotated = await h.run(["rotate", "ci", "--yes", "-o", "value"] + Self.store)
      #expect(rotated.status == .partial)
      let newSecret = rotated.stdout.trimmingCharacters(in: .newlines)
      #expect(rotated.stdout == newSecret + "\n" && newSecret.count == 128 && newSecret != oldSecret)
      #expect(rotated.stderr.contains("but the old token"))
      let denial = "not allowed to dynamodb:DeleteItem on table \(Self.table) with credentials from environment variables"
      #expect(rotated.stderr.contains("could not be revoked: \(denial)"))
      #expect(rotated.stderr.contains("hint: the old token still works"))
      #expect(!rotated.stderr.contains(newSecret) && !rotated.stderr.contains(oldSecret))

      let revoked = await h.run(["revoke", "ci", "--yes"] + Self.store)
      #expect(revoked.status == .conflict)
      let id = try #require(try await h.item(forSecret: oldSecret)?["tokenUUID"]?.stringValue)
      let denied = await h.run(["revoke", id, "--yes"] + Self.store)
      #expect(denied.status == .auth)
      #expect(denied.stderr.contains("error: not allowed to dynamodb:DeleteItem on table \(Self.table)"))
      #expect(try await h.items().count == 2)
    }
  }
}
