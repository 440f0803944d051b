import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

/// Where the credential comes from, in order, and that no description ever holds its value.
@Suite struct APICredentialTests {
  /// The credential from the environment or a token file; nothing else is consulted.
  func configured(env: [String: String], tokenFile: String? = nil, stdin: String = "", directory: URL? = nil) throws
    -> APICredential
  {
    let home = directory ?? TestPaths.temporaryDirectory("api-cred")
    let context = LisaContext(
      environment: env, workingDirectory: home.path, homeDirectory: home.path, now: { Date() }, terminal: .pipes,
      stdout: BufferSink(), stderr: BufferSink(), stdin: { _ in Data(stdin.utf8) })
    guard let credential = try LisaAPIDiscovery.configuredCredential(context: context, tokenFile: tokenFile) else {
      throw LisaError(.failure, "no credential configured")
    }
    return credential
  }

  @Test func nothingConfiguredLeavesItToDiscovery() throws {
    let context = LisaContext(
      environment: [:], workingDirectory: "/", homeDirectory: "/", now: { Date() }, terminal: .pipes, stdout: BufferSink(),
      stderr: BufferSink())
    #expect(try LisaAPIDiscovery.configuredCredential(context: context, tokenFile: nil) == nil)
    #expect(try LisaAPIDiscovery.configuredEndpoint(flag: nil, environment: [:]) == nil)
    #expect(try LisaAPIDiscovery.configuredEndpoint(flag: nil, environment: ["LISA_API_URL": ""]) == nil)
  }

  @Test func environmentWinsOverFileAndNeverShowsTheValue() throws {
    let credential = try configured(env: ["LISA_API_TOKEN": "env-token-value-123"], tokenFile: "/no/such/file")
    #expect(credential.kind == .apiToken && credential.source == "LISA_API_TOKEN")
    #expect(credential.authorizationHeader == "Bearer env-token-value-123")
    for text in [
      credential.description, String(reflecting: credential), "\(credential)",
      String(describing: Mirror(reflecting: credential).children.map(\.value)),
    ] {
      #expect(!text.contains("env-token-value-123"), "\(text)")
    }
  }

  @Test func tokenFileFirstLineAndStdin() throws {
    let dir = TestPaths.temporaryDirectory("api-cred")
    try "Bearer file-token-456\nsecond line ignored\n".write(
      to: dir.appendingPathComponent("token.txt"), atomically: true, encoding: .utf8)
    let fromFile = try configured(env: [:], tokenFile: "token.txt", directory: dir)
    #expect(fromFile.source == "file token.txt" && fromFile.authorizationHeader == "Bearer file-token-456")
    let fromStdin = try configured(env: [:], tokenFile: "-", stdin: "  stdin-token-789  \r\n")
    #expect(fromStdin.source == "stdin (--token-file -)" && fromStdin.authorizationHeader == "Bearer stdin-token-789")
  }

  @Test func badCredentialsAreOneLineWithoutValues() throws {
    #expect { try configured(env: ["LISA_API_TOKEN": ""]) } throws: {
      ($0 as? LisaError)?.status == .usage
    }
    #expect { try configured(env: [:], tokenFile: "-", stdin: "\n") } throws: {
      ($0 as? LisaError)?.status == .invalid
    }
    #expect { try configured(env: [:], tokenFile: "-", stdin: "two words") } throws: { error in
      (error as? LisaError)?.message == "stdin (--token-file -): the API credential contains spaces or non-ASCII characters"
    }
    #expect { try configured(env: [:], tokenFile: "missing.txt") } throws: {
      ($0 as? LisaError)?.status == .notFound
    }
  }

  @Test func jwtsAreToldApart() {
    let header = Data(#"{"alg":"RS256","typ":"JWT"}"#.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    #expect(APICredential.kind(of: "\(header).eyJzdWIiOiJ4In0.c2ln") == .oidcToken)
    #expect(APICredential.kind(of: "a.b.c") == .apiToken)
    #expect(APICredential.kind(of: "sk-abc123") == .apiToken)
  }

  @Test(arguments: [
    ("plain-key-value", "plain-key-value"), (#""quoted-key""#, "quoted-key"), (#"{"managementKey": "k1", "other": "x"}"#, "k1"),
    (#"{"password": "k2"}"#, "k2"), (#"{"onlyField": "k3"}"#, "k3"), ("  padded\n", "padded"),
  ])
  func managementKeyValues(secret: String, key: String) throws {
    let credential = try APICredential.managementKey(secretString: secret, secretName: "acme-management-key")
    #expect(credential.authorizationHeader == "Bearer \(key)")
    #expect(credential.description == "the management key from Secrets Manager secret acme-management-key")
  }

  @Test func unrecognisableJSONNamesFieldsNotValues() {
    #expect {
      try APICredential.managementKey(secretString: #"{"a": "secret-one", "b": "secret-two"}"#, secretName: "s")
    } throws: { error in
      let text = (error as? LisaError)?.description ?? ""
      return text.contains("fields: a, b") && !text.contains("secret-one") && !text.contains("secret-two")
    }
  }

  @Test(
    arguments: [
      ("https://abc.execute-api.us-east-1.amazonaws.com/prod/", "https://abc.execute-api.us-east-1.amazonaws.com/prod", nil),
      ("http://127.0.0.1:8080/prod", "http://127.0.0.1:8080/prod", nil), ("http://lisa.example.com/prod", nil, "plain http"),
      ("lisa.example.com", nil, "not an http(s) URL"), ("https://x.example.com/?a=1", nil, "not an http(s) URL"),
    ] as [(String, String?, String?)])
  func baseURLs(text: String, expected: String?, problem: String?) throws {
    if let expected {
      #expect(try LisaAPIDiscovery.endpoint(text, source: "--api-url").url.absoluteString == expected)
    } else {
      #expect { try LisaAPIDiscovery.endpoint(text, source: "--api-url") } throws: { error in
        (error as? LisaError)?.status == .usage && (error as? LisaError)?.message.contains(problem ?? "?") == true
      }
    }
  }
}
