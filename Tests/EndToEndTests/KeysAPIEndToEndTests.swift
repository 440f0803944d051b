import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The built binary on the api store against the fake `/api-tokens`: the secrets it prints are the
/// ones LISA accepts, and no secret reaches any other output; the store is the default once SSM
/// names the API.
@Suite(.serialized) struct KeysAPIEndToEndTests {
  @Test func issuedSecretsWorkAsCredentialsAndAreNeverEchoed() async throws {
    try await FakeLisaServer.withTokenAPI { server in
      let directory = TestPaths.temporaryDirectory("e2e-keys-api")
      let admin = Data((FakeLisaServer.token + "\n").utf8)
      func lisa(_ arguments: [String], credential: String? = nil) async throws -> ProcessResult {
        var environment = ["LISA_API_URL": server.apiURL]
        environment["LISA_API_TOKEN"] = credential
        let stdin = credential == nil ? admin : nil
        let tokenFile = credential == nil ? ["--token-file", "-"] : []
        return try await Subprocess.lisa(["keys"] + arguments + tokenFile, cwd: directory, environment: environment, stdin: stdin)
      }

      let created = try await lisa(["create", "ci", "--user", "alice", "--groups", "ml", "--expires", "30d", "-v"])
      #expect(created.status == 0, "\(created.stderr)")
      let secret = created.stdout.trimmingCharacters(in: .newlines)
      #expect(created.stdout == secret + "\n" && secret.count == 128)
      #expect(created.stderr.contains("api: POST /api-tokens/alice attempt 1: HTTP 200"))
      #expect(created.stderr.contains("api: using the API token from stdin (--token-file -)"))

      let asAlice = try await lisa(["list", "-o", "json", "-v"], credential: secret)
      #expect(asAlice.status == 0, "\(asAlice.stderr)")
      let rows = try JSONValue.parse(Data(asAlice.stdout.utf8), source: "stdout").arrayItems ?? []
      #expect(rows.map { $0["name"]?.plainText } == ["ci"] && rows.first?["groups"] == .array([.string("ml")]))

      let refused = try await lisa(["rotate", "ci", "--yes"])
      #expect(refused.status == 6 && refused.stderr.contains("pass --system"))
      let rotated = try await lisa(["rotate", "ci", "--system", "--yes", "-v"])
      #expect(rotated.status == 0, "\(rotated.stderr)")
      let newSecret = rotated.stdout.trimmingCharacters(in: .newlines)
      #expect(newSecret.count == 128 && newSecret != secret)
      let writes = rotated.stderrWithoutWaits.split(separator: "\n").filter {
        $0.hasPrefix("api: POST") || $0.hasPrefix("api: DELETE")
      }
      #expect(writes.count == 2 && writes[0].hasPrefix("api: POST /api-tokens/alice"))
      #expect(writes[1].hasPrefix("api: DELETE /api-tokens/"))
      let oldSecret = try await lisa(["list"], credential: secret)
      #expect(oldSecret.status == 4 && oldSecret.stderr.contains("rejected the API token from LISA_API_TOKEN"))
      #expect(try await lisa(["list", "-o", "id"], credential: newSecret).stdout.split(separator: "\n").count == 1)

      let checked = try await lisa(["check", "-o", "json"])
      #expect(checked.status == 0 && checked.stdout.contains("\"valid\": true"))
      let revoked = try await lisa(["revoke", "ci", "--yes", "-v"])
      #expect(revoked.status == 0 && revoked.stderr.contains("revoked key 'ci' in api"))
      #expect(try await lisa(["list"], credential: newSecret).status == 4)
      #expect(try await server.items().isEmpty)

      for run in [created, asAlice, refused, rotated, oldSecret, checked, revoked] {
        #expect(!run.stderr.contains(FakeLisaServer.token) && !run.stdout.contains(FakeLisaServer.token))
        #expect(!run.stderr.contains(secret) && !run.stderr.contains(newSecret))
      }
      #expect(!rotated.stdout.contains(secret) && !revoked.stdout.contains(newSecret))
    }
  }

  @Test func theStoreDefaultsToTheAPIThatSSMNames() async throws {
    try await MotoServer.with { moto in
      try await FakeLisaServer.withTokenAPI { server in
        let directory = TestPaths.temporaryDirectory("e2e-keys-api")
        try "deploymentName: acme\nregion: us-east-1\n".write(
          to: directory.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
        let environment = [
          "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key",
          "AWS_ENDPOINT_URL": moto.url.absoluteString, "AWS_EC2_METADATA_DISABLED": "true",
        ]
        let nothing = try await Subprocess.lisa(["keys", "list"], cwd: directory, environment: environment)
        #expect(nothing.status == 64)
        #expect(
          nothing.stderrWithoutWaits.hasPrefix(
            "error: no key store given, and no LISA API URL to default to (parameter /prod/acme/lisa/LisaApiUrl not found"))

        let context = LisaContext(
          environment: environment, workingDirectory: directory.path, homeDirectory: directory.path, now: { Date() },
          terminal: .pipes, stdout: BufferSink(), stderr: BufferSink())
        let aws = try AWSClients(context: context, settings: AWSSettings(region: "us-east-1"))
        try await aws.ssm().putParameter("/prod/acme/lisa/LisaApiUrl", value: server.apiURL)
        try await aws.secretsManager().createSecret("acme-management-key", secretString: FakeLisaServer.token)
        let created = try await Subprocess.lisa(
          ["keys", "create", "ci", "--user", "alice", "-v"], cwd: directory, environment: environment)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("keys: no --store, so the api store at \(server.apiURL)"))
        #expect(created.stderr.contains("api: using the management key from Secrets Manager secret acme-management-key"))
        #expect(!created.stderr.contains(FakeLisaServer.token))
        #expect(try await server.items().count == 1)
      }
    }
  }
}
