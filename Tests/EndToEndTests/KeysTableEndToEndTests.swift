import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The built binary on `--store table` against moto, with the table set up and read back by boto3.
@Suite struct KeysTableEndToEndTests {
  @Test func createListCheckAndRevokeByStdinNeverEchoTheSecret() async throws {
    try await MotoServer.with { server in
      let table = "e2e-LISAApiBaseTokenTable"
      try await TokenTableScript.create(endpoint: server.url, table: table, v61: true)
      let environment = [
        "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key", "AWS_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": server.url.absoluteString, "AWS_EC2_METADATA_DISABLED": "true",
      ]
      let directory = TestPaths.temporaryDirectory("e2e-keys-table")
      func lisa(_ arguments: [String], stdin: Data? = nil) async throws -> ProcessResult {
        try await Subprocess.lisa(
          ["keys"] + arguments + ["--store", "table:\(table)"], cwd: directory, environment: environment, stdin: stdin)
      }

      let created = try await lisa(["create", "ci", "--user", "alice", "-v"])
      #expect(created.status == 0)
      let secret = created.stdout.trimmingCharacters(in: .newlines)
      #expect(created.stdout == secret + "\n" && secret.count == 128)
      #expect(created.stderr.contains("aws: dynamodb:PutItem attempt 1: HTTP 200") && !created.stderr.contains(secret))
      let items = try await TokenTableScript.dump(endpoint: server.url, table: table)
      #expect(items.count == 1 && items.first?.contains("\"S\": \"\(LisaToken.hash(secret))\"") == true)
      #expect(!items.joined().contains(secret))

      let listed = try await lisa(["list", "-o", "json", "-v"])
      #expect(listed.status == 0 && listed.stdout.contains("\"user\": \"alice\""))
      #expect(!listed.stdout.contains(secret) && !listed.stderr.contains(secret))
      #expect(try await lisa(["check"]).status == 0)

      let refused = try await lisa(["revoke", "--legacy-key-file", "-"], stdin: Data(secret.utf8))
      #expect(refused.status == 64 && !refused.stderr.contains(secret))
      let revoked = try await lisa(["revoke", "--legacy-key-file", "-", "--yes", "-v"], stdin: Data((secret + "\n").utf8))
      #expect(revoked.status == 0 && !revoked.stderr.contains(secret) && !revoked.stdout.contains(secret))
      #expect(try await TokenTableScript.dump(endpoint: server.url, table: table).isEmpty)
      let gone = try await lisa(["show", "ci"])
      #expect(
        gone.status == 5
          && gone.stderr
            == "error: no token 'ci' in \(table) (hint: 'lisa keys list --store table:\(table)' shows the 0 token(s))\n"
      )
    }
  }
}
