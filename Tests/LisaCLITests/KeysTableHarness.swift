import Foundation
import LisaCLI
import LisaKit
import LisaTestSupport

/// `lisa keys --store table…` in-process against a moto_server holding the v6.1 token table of
/// deployment `acme`, from a config directory that names it and its admin group.
struct KeysTableHarness {
  static let table = "acme-LISAApiBaseTokenTable"
  static let now = Date(timeIntervalSince1970: 1_782_900_000)
  static let config = """
    accountNumber: "012345678901"
    region: us-east-1
    deploymentName: acme
    authConfig:
      authority: https://idp.example.com
      clientId: client
      adminGroup: lisa-admins

    """

  let server: MotoServer
  let directory = TestPaths.temporaryDirectory("keys-table")
  var environment: [String: String]

  init(_ server: MotoServer, createTable: Bool = true) async throws {
    self.server = server
    environment = [
      "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key", "AWS_REGION": "us-east-1",
      "AWS_ENDPOINT_URL": server.url.absoluteString, "AWS_EC2_METADATA_DISABLED": "true", "TZ": "UTC",
    ]
    try Self.config.write(to: directory.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
    if createTable { try await Self.createTable(Self.table, in: try clients().dynamoDB()) }
  }

  /// Clients with the harness's current credentials, for setting up and checking the table.
  func clients() throws -> AWSClients {
    try AWSClients(context: TestContext(workingDirectory: directory, environment: environment).context, settings: AWSSettings())
  }

  static func createTable(_ name: String, in dynamoDB: DynamoDBClient) async throws {
    try await dynamoDB.createTable(
      DynamoDBTableDefinition(
        tableName: name, partitionKey: DynamoDBAttributeDefinition("token", "S"),
        indexes: [.init(name: "username-index", partitionKey: DynamoDBAttributeDefinition("username", "S"))]))
  }

  /// Runs `lisa keys ARGS` in the config directory; `cwd` runs it elsewhere (no config there).
  func run(
    _ arguments: [String], terminal: Terminal = .pipes, answers: [String] = [], cwd: URL? = nil, stdin: Data = Data()
  ) async -> KeysRun {
    var test = TestContext(
      workingDirectory: cwd ?? directory, environment: environment, terminal: terminal, now: Self.now, answers: answers)
    test.context.stdin = { _ in stdin }
    let status = await Lisa.execute(["keys"] + arguments, context: test.context)
    return KeysRun(status: status, stdout: test.stdout.text, stderr: test.stderr.text)
  }

  func items() async throws -> [DynamoDBItem] {
    var items: [DynamoDBItem] = []
    for try await page in try clients().dynamoDB().scanPages(DynamoDBScanRequest(table: Self.table)) { items += page.items }
    return items
  }

  func item(forSecret secret: String) async throws -> DynamoDBItem? {
    try await clients().dynamoDB().getItem(table: Self.table, key: ["token": .s(LisaToken.hash(secret))], consistentRead: true)
  }

  func put(_ item: DynamoDBItem) async throws { try await clients().dynamoDB().putItem(table: Self.table, item: item) }
}
