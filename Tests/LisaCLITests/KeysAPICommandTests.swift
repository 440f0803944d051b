import Foundation
import LisaCLI
import LisaKit
import LisaTestSupport
import Testing

/// `lisa keys` with the api store, in-process against the fake `/api-tokens`: the default store, what
/// is printed and what never is, confirmations, and how LISA's limits and its lookup bug read.
@Suite(.serialized) struct KeysAPICommandTests {
  @Test func theAPIIsTheDefaultStoreWhenItsURLIsKnown() async throws {
    try await FakeLisaServer.withTokenAPI(now: KeysAPIHarness.now) { server in
      var h = try KeysAPIHarness(server)
      let listed = await h.run(["list", "-v"])
      #expect(listed.status == .ok, "\(listed.stderr)")
      #expect(listed.stdout.isEmpty && listed.stderr.hasSuffix("0 keys in api\n"))
      #expect(listed.stderr.contains("keys: no --store, so the api store at \(server.apiURL)\n"))
      #expect(try await server.calls() == ["GET /api-tokens"])

      h.environment["LISA_API_URL"] = nil
      let none = await h.run(["list"])
      #expect(none.status == .usage)
      #expect(
        none.stderr.hasPrefix("error: no key store given, and no LISA API URL to default to (finding the LISA API: no AWS region")
      )
      #expect(
        none.stderr.hasSuffix(
          "(hint: pass --store api with --api-url or LISA_API_URL, --store file:PATH or --store table[:NAME])\n"))
      let badURL = await h.run(["list", "--api-url", "ftp://x"])
      #expect(badURL.status == .usage && badURL.stderr.hasPrefix("error: --api-url: 'ftp://x' is not an http(s) URL"))
      #expect(try await server.calls() == ["GET /api-tokens"])
    }
  }

  @Test func createPrintsTheSecretOnceAndNothingElseShowsASecret() async throws {
    try await FakeLisaServer.withTokenAPI(now: KeysAPIHarness.now) { server in
      let h = try KeysAPIHarness(server)
      let legacy = "Legacy-Plaintext-Secret-0042-abcdefghij"
      try await server.putItem(.object([("token", .string(legacy)), ("tokenExpiration", .int(1_900_000_000))]))
      let created = await h.run(["create", "ci", "--user", "alice", "--admin", "--groups", "ml", "--expires", "30d"])
      #expect(created.status == .ok, "\(created.stderr)")
      let secret = created.stdout.trimmingCharacters(in: .newlines)
      #expect(created.stdout == secret + "\n" && secret.count == 128)
      let id = try #require(try await h.ids().first)
      #expect(
        withoutWaitNotices(created.stderr)
          == "created key 'ci' in api (id \(id), user alice, groups ml,lisa-admins, expires 2026-12-18T11:06:40)\n")
      let json = await h.run(["create", "etl", "--user", "bob", "--system", "-o", "json"])
      #expect(json.status == .ok && json.stdout.contains("\"secret\": \"") && json.stdout.contains("\"system\": true"))
      let jsonSecret = try #require(try JSONValue.parse(Data(json.stdout.utf8), source: "stdout")["secret"]?.stringValue)
      let onTTY = await h.run(["create", "desk", "--user", "carol"], terminal: tty)
      #expect(onTTY.stdout.hasPrefix("Created key 'desk' in api (id ") && onTTY.stdout.contains("shown only this once"))

      var runs: [KeysRun] = []
      for format in ["table", "json", "yaml", "jsonl", "id"] { runs.append(await h.run(["list", "-v", "-o", format])) }
      let legacyID = TokenTableItems.legacyID(forKey: legacy)
      runs.append(await h.run(["show", legacyID, "-v", "-o", "yaml"]))
      runs.append(await h.run(["show", "ci", "-v", "-o", "json"]))
      runs.append(await h.run(["check", "-v"]))
      runs.append(await h.run(["revoke", legacyID, "--yes", "-v"]))
      runs.append(await h.run(["show", "missing", "-v"]))
      for run in runs {
        for hidden in [legacy, secret, jsonSecret, FakeLisaServer.token] {
          #expect(!run.stdout.contains(hidden) && !run.stderr.contains(hidden))
        }
      }
      #expect(runs.allSatisfy { $0.stderr.contains("api: using the API token from LISA_API_TOKEN") })
      // Lists name a legacy item by its length only: not one character of the plaintext.
      #expect(runs[0].stdout.contains("\(legacyID) ") && runs[0].stdout.contains(" legacy …(39 chars) "))
      #expect(!runs[0].stdout.contains(String(legacy.prefix(4))))
      #expect(runs[0].stdout.contains(" legacy\n"))
      #expect(runs[4].stdout.split(separator: "\n").count == 4)
      #expect(
        runs[6].stdout.contains("\"user\": \"alice\"") && runs[6].stdout.contains("\"createdBy\": \"lisa-management-token\""))
      #expect(runs[7].status == .invalid && runs[7].stderr.contains("api: error: legacy: token \(legacyID) (legacy …(39 chars))"))
      #expect(runs[8].status == .ok && runs[8].stderr.contains("api: DELETE /api-tokens/legacy …(39 chars) attempt 1"))
      #expect(runs[9].status == .notFound && runs[9].stderr.contains("error: no token 'missing' in LISA's token API"))
      #expect(try await h.ids().count == 3)
    }
  }

  @Test func revokeConfirmsAndReportsLISAsLookupBug() async throws {
    try await FakeLisaServer.withTokenAPI(now: KeysAPIHarness.now) { server in
      let h = try KeysAPIHarness(server)
      _ = try await h.create("ci", user: "alice")
      _ = try await h.create("etl", user: "bob")
      let ids = try await h.ids()
      let unconfirmed = await h.run(["revoke", "etl"])
      #expect(unconfirmed.status == .usage && unconfirmed.stderr.contains("confirmation needed; pass --yes"))
      let declined = await h.run(["revoke", "etl"], terminal: tty, answers: ["n"])
      #expect(declined.status == .cancelled && declined.stderr.hasPrefix("Revoke key 'etl' (id \(ids[1])) in api? [y/N] "))
      let dry = await h.run(["revoke", "etl", "--dry-run"])
      #expect(dry.status == .ok && dry.stdout == "would revoke key 'etl' (id \(ids[1])) in api\n")
      #expect(try await server.calls().allSatisfy { !$0.hasPrefix("DELETE") })

      let bug = await h.run(["revoke", "etl", "--yes"])
      #expect(bug.status == .failure)
      #expect(bug.stderr.hasPrefix("error: LISA's API lists token \(ids[1]) but answers 404 when deleting it: "))
      #expect(bug.stderr.hasSuffix("(hint: delete it in the token table instead: 'lisa keys revoke \(ids[1]) --store table')\n"))
      let first = await h.run(["revoke", "ci", "--yes", "-o", "id"], terminal: tty, answers: [])
      #expect(first.status == .ok && first.stdout == "\(ids[0])\n")
      #expect(await h.run(["revoke", ids[1], "--yes"]).status == .ok)
      #expect(try await h.ids().isEmpty)
    }
  }

  @Test func rotateSaysWhatTheAPICannotDoAndWhatToDoInstead() async throws {
    try await FakeLisaServer.withTokenAPI(now: KeysAPIHarness.now) { server in
      let h = try KeysAPIHarness(server)
      let old = try await h.create("ci", user: "alice", ["--groups", "ml"])
      let keepOld = await h.run(["rotate", "ci", "--keep-old", "24h", "--yes"])
      #expect(keepOld.status == .usage)
      #expect(keepOld.stderr.hasPrefix("error: --keep-old is not possible with the api store: LISA's token API cannot change"))
      #expect(keepOld.stderr.contains("(hint: rotate with --store table[:NAME] --keep-old DURATION"))
      for arguments in [["rotate", "ci", "--yes"], ["rotate", "ci", "--dry-run"]] {
        let refused = await h.run(arguments)
        #expect(refused.status == .conflict, "\(arguments)")
        #expect(
          refused.stderr.contains("is the one non-system token of user 'alice'") && refused.stderr.contains("pass --system"))
      }
      let dry = await h.run(["rotate", "ci", "--system", "--dry-run"])
      #expect(dry.status == .ok && dry.stdout == "would rotate key 'ci' in api: new secret, the old one stops working\n")
      #expect(try await server.calls().filter { !$0.hasPrefix("GET") } == ["POST /api-tokens/alice"])

      let rotated = await h.run(["rotate", "ci", "--system", "--yes", "-o", "value"])
      #expect(rotated.status == .ok, "\(rotated.stderr)")
      let secret = rotated.stdout.trimmingCharacters(in: .newlines)
      #expect(secret.count == 128 && secret != old)
      let item = try #require(try await server.items().first)
      #expect(try await server.items().count == 1 && item["token"] == .string(LisaToken.hash(secret)))
      #expect(item["groups"] == .array([.string("ml")]) && item["isSystemToken"] == .bool(true))
      let asAlice = await h.run(["list", "-o", "id"], as: secret)
      #expect(asAlice.status == .ok && asAlice.stdout == "\(item["tokenUUID"]?.plainText ?? "?")\n")
      let file = await h.run(["rotate", "x", "--system", "--store", "file:keys.txt", "--yes"])
      #expect(file.status == .usage && file.stderr.contains("--system is not available for the file store"))
    }
  }

  @Test func aUserCredentialIsToldWhatOnlyAdminsMayDo() async throws {
    try await FakeLisaServer.withTokenAPI(now: KeysAPIHarness.now) { server in
      let h = try KeysAPIHarness(server)
      let bob = "oidc-bob-credential-0042"
      try await server.addIdentity(bob, username: "bob", groups: [FakeLisaServer.tokenAPIGroup])
      // LISA v6.3+ answers a non-admin with its generic 500; lisa reports it, says what it means, retries once.
      let forAlice = await h.run(["create", "x", "--user", "alice"], as: bob)
      #expect(forAlice.status == .failure)
      #expect(
        forAlice.stderr
          == "error: POST /api-tokens/alice (HTTP 500) failed at 127.0.0.1 after 2 attempts: An unexpected error occurred "
          + "while processing your request (hint: LISA answers this 500 to a caller that is not an admin creating a token "
          + "for another user; use an admin credential (the management key or a token with the admin group))\n")
      #expect(try await server.calls().filter { $0.hasPrefix("POST") } == ["POST /api-tokens/alice", "POST /api-tokens/alice"])
      let slash = await h.run(["create", "x", "--user", "erin/x"])
      #expect(slash.status == .invalid)
      #expect(slash.stderr.hasPrefix("error: token 'x': LISA's API cannot reach the name 'erin/x': its Lambda decodes %2F"))
      #expect(try await server.calls().filter { $0.contains("erin") }.isEmpty)
      let groups = await h.run(["create", "x", "--groups", "ml"], as: bob)
      #expect(groups.status == .usage && groups.stderr.hasPrefix("error: --groups needs --user NAME with the api store"))
      let rateLimit = await h.run(["create", "x", "--rate-limit", "5"], as: bob)
      #expect(rateLimit.status == .usage && rateLimit.stderr.contains("--rate-limit is not available for the api store api"))
      let own = await h.run(["create", "laptop", "-o", "json"], as: bob)
      #expect(own.status == .ok && own.stdout.contains("\"user\": \"bob\"") && own.stdout.contains("\"createdBy\": \"bob\""))
      let twice = await h.run(["create", "desk"], as: bob)
      #expect(twice.status == .conflict && twice.stderr.contains("already has a token, and LISA allows one per user"))
      #expect(twice.stderr.contains("(hint: revoke your token first"))
      for run in [forAlice, groups, rateLimit, own, twice] { #expect(!run.stderr.contains(bob)) }
    }
  }
}
