import Foundation
import LisaCLI
import LisaKit
import LisaTestSupport
import Testing

/// The six `lisa keys` verbs on `--store table` against moto, as a user runs them.
@Suite struct KeysTableCommandTests {
  static let table = KeysTableHarness.table
  static let store = ["--store", "table"]

  @Test func createPrintsTheSecretAloneAndWritesTheOwnersToken() async throws {
    try await MotoServer.with { server in
      let h = try await KeysTableHarness(server)
      let run = await h.run(["create", "ci", "--user", "alice", "--groups", "g1", "--admin", "-v"] + Self.store)
      #expect(run.status == .ok)
      let secret = run.stdout.trimmingCharacters(in: .newlines)
      #expect(run.stdout == secret + "\n" && secret.count == 128)
      let item = try #require(try await h.item(forSecret: secret))
      #expect(item["username"] == "alice" && item["createdBy"] == "moto" && item["name"] == "ci")
      #expect(item["groups"] == .l(["g1", "lisa-admins"]) && item["isSystemToken"] == .bool(false))
      let id = try #require(item["tokenUUID"]?.stringValue)
      #expect(
        run.stderr.contains("keys: store table:\(Self.table) (LISA v6 name for deploymentName 'acme' in config-custom.yaml)"))
      #expect(run.stderr.contains("aws: ssm:GetParameter attempt 1: HTTP 400 ParameterNotFound"))
      #expect(run.stderr.contains("aws: dynamodb:Query attempt 1: HTTP 200"))
      #expect(run.stderr.contains("aws: dynamodb:PutItem attempt 1: HTTP 200"))
      #expect(
        run.stderr.contains(
          "created key 'ci' in table:\(Self.table) (id \(id), user alice, groups g1,lisa-admins, expires 2026-09-29T10:00:00)"))
      #expect(!run.stderr.contains(secret))

      let json = await h.run(["create", "nightly", "--system", "--user", "alice", "--expires", "30d", "-o", "json"] + Self.store)
      #expect(json.status == .ok)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
      #expect(
        Set(object.keys) == ["id", "name", "secret", "user", "groups", "system", "createdBy", "createdAt", "expiresAt", "status"])
      #expect(object["system"] as? Bool == true && object["expiresAt"] as? String == "2026-07-31T10:00:00Z")
      let jsonSecret = try #require(object["secret"] as? String)
      #expect(try await h.item(forSecret: jsonSecret)?["tokenUUID"] == .s(object["id"] as? String ?? "?"))
    }
  }

  @Test func lisasRulesAndWhatTheTableStoreCannotDo() async throws {
    try await MotoServer.with { server in
      let h = try await KeysTableHarness(server)
      #expect(await h.run(["create", "ci", "--user", "bob"] + Self.store).status == .ok)
      let second = await h.run(["create", "laptop", "--user", "bob"] + Self.store)
      #expect(second.status == .conflict && second.stdout.isEmpty)
      #expect(second.stderr.contains("user 'bob' already has a token ('ci', id "))
      #expect(second.stderr.contains("or pass --system for an additional system token"))
      let preview = await h.run(["create", "laptop", "--user", "carol", "--dry-run"] + Self.store)
      #expect(preview.status == .ok)
      #expect(preview.stdout == "would create key 'laptop' in table:\(Self.table) (user carol, expires 2026-09-29T10:00:00)\n")
      #expect(try await h.items().count == 1)

      let noConfig = TestPaths.temporaryDirectory("keys-table-elsewhere")
      let admin = await h.run(["create", "x", "--user", "dan", "--admin", "--store", "table:\(Self.table)"], cwd: noConfig)
      #expect(
        admin.status == .notFound && admin.stderr.contains("--admin: the deployment's config sets no authConfig.adminGroup"))
      let derived = await h.run(["list"] + Self.store, cwd: noConfig)
      #expect(derived.status == .notFound)
      #expect(derived.stderr.contains("no LISA v6 token table in us-east-1: tried prod-LISAApiBaseTokenTable (LISA v6 name for"))
      let missingDir = await h.run(["list", "--config-dir", "missing"] + Self.store, cwd: noConfig)
      #expect(missingDir.status == .notFound && missingDir.stderr.contains("missing: config directory does not exist"))

      let rateLimit = await h.run(["create", "x", "--user", "dan", "--rate-limit", "5"] + Self.store)
      #expect(rateLimit.status == .usage && rateLimit.stderr.contains("--rate-limit is not available for the table store"))
      let api = await h.run(["list", "--store", "api"])
      #expect(api.status == .notFound && api.stderr.contains("cannot find the LISA API URL"), "\(api.stderr)")
      let user = await h.run(["create", "x", "--user", "dan", "--store", "file:keys.txt"])
      #expect(user.status == .usage && user.stderr.contains("--user is not available for the file store"))
      #expect(try await h.items().count == 1)
    }
  }

  @Test func ssmNamesTheTableAndListFiltersByOwnerAndExpiry() async throws {
    try await MotoServer.with { server in
      var h = try await KeysTableHarness(server, createTable: false)
      let custom = "acme-tokens-from-ssm"
      try await KeysTableHarness.createTable(custom, in: try h.clients().dynamoDB())
      try await h.clients().ssm().putParameter("/prod/acme/lisa/tokenTableName", value: custom)
      h.environment["LISA_CONFIG_DIR"] = h.directory.path
      let elsewhere = TestPaths.temporaryDirectory("keys-table-cwd")
      for (user, expires) in [("alice", "3d"), ("bob", "30d"), ("bob-2", "60d")] {
        let run = await h.run(["create", "ci", "--user", user, "--expires", expires] + Self.store, cwd: elsewhere)
        #expect(run.status == .ok, "\(run.stderr)")
      }
      let list = await h.run(["list", "-v"] + Self.store, cwd: elsewhere)
      #expect(list.stderr.contains("keys: store table:\(custom) (SSM /prod/acme/lisa/tokenTableName)"))
      let lines = list.stdout.split(separator: "\n")
      #expect(
        lines.first?.split(separator: " ", omittingEmptySubsequences: true) == [
          "ID", "NAME", "USER", "GROUPS", "EXPIRES", "STATUS",
        ])
      #expect(lines.count == 4 && list.stderr.contains("3 keys in table:\(custom)"))

      let bob = await h.run(["list", "--user", "bob", "-o", "json", "-v"] + Self.store, cwd: elsewhere)
      #expect(bob.stderr.contains("aws: dynamodb:Query attempt 1: HTTP 200") && !bob.stderr.contains("dynamodb:Scan"))
      let rows = try #require(try JSONSerialization.jsonObject(with: Data(bob.stdout.utf8)) as? [[String: Any]])
      #expect(rows.count == 1 && rows.first?["user"] as? String == "bob" && rows.first?["rateLimit"] == nil)
      let soon = await h.run(["list", "--expiring-within", "7d", "-o", "jsonl"] + Self.store, cwd: elsewhere)
      #expect(soon.stdout.split(separator: "\n").count == 1 && soon.stdout.contains("\"user\":\"alice\""))
    }
  }

  @Test func showRevokeAndRotateByIdNameOrKeyFile() async throws {
    try await MotoServer.with { server in
      let h = try await KeysTableHarness(server)
      let created = await h.run(["create", "ci", "--user", "alice", "--expires", "30d"] + Self.store)
      let secret = created.stdout.trimmingCharacters(in: .newlines)
      let id = try #require(try await h.item(forSecret: secret)?["tokenUUID"]?.stringValue)
      let shown = await h.run(["show", "ci", "-o", "id"] + Self.store)
      #expect(shown.stdout == id + "\n")

      let rotated = await h.run(["rotate", id, "--keep-old", "24h", "--yes", "-o", "json", "-v"] + Self.store)
      #expect(rotated.status == .ok)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(rotated.stdout.utf8)) as? [String: Any])
      let newSecret = try #require(object["secret"] as? String)
      #expect(object["name"] as? String == "ci" && object["user"] as? String == "alice" && object["id"] as? String != id)
      #expect(object["expiresAt"] as? String == "2026-07-31T10:00:00Z")
      let old = try #require(try await h.item(forSecret: secret))
      #expect(LisaToken.expiration(of: old) == Int(KeysTableHarness.now.timeIntervalSince1970) + 86_400)
      #expect(!rotated.stderr.contains(secret) && !rotated.stderr.contains(newSecret))

      let refused = await h.run(["revoke", id] + Self.store)
      #expect(refused.status == .usage && refused.stderr.contains("pass --yes when not running on a terminal"))
      let asked = await h.run(["revoke", id] + Self.store, terminal: tty, answers: ["y"])
      #expect(asked.status == .ok && asked.stderr.contains("Revoke key 'ci' (id \(id)) in table:\(Self.table)? [y/N]"))
      #expect(try await h.item(forSecret: secret) == nil)

      let both = await h.run(["revoke", "ci", "--legacy-key-file", "-", "--yes"] + Self.store)
      #expect(both.status == .usage)
      let file = h.directory.appendingPathComponent("new.key")
      try Data((newSecret + "\n").utf8).write(to: file)
      let dry = await h.run(["revoke", "--legacy-key-file", "new.key", "--dry-run"] + Self.store)
      #expect(dry.stdout.hasPrefix("would revoke key 'ci' (id ") && !dry.stdout.contains(newSecret))
      let byFile = await h.run(["revoke", "--legacy-key-file", "-", "--yes"] + Self.store, stdin: Data(newSecret.utf8))
      #expect(byFile.status == .ok && !byFile.stderr.contains(newSecret))
      #expect(try await h.items().isEmpty)
      let onFile = await h.run(["revoke", "--legacy-key-file", "new.key", "--yes", "--store", "file:keys.txt"])
      #expect(onFile.status == .usage && onFile.stderr.contains("--legacy-key-file is for the table store"))
    }
  }
}
