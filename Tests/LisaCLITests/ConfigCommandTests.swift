import Foundation
import LisaKit
import Testing

@Suite struct ConfigCommandTests {
  @Test func showPrintsTheMergedConfigAsYamlOrJson() async throws {
    let dir = try configDirectory(custom: validConfig + "version: 1.10\n")
    let yaml = await runLisa(["config", "show"], in: dir)
    #expect(yaml.status == .ok)
    #expect(yaml.stderr.isEmpty)
    #expect(yaml.stdout.hasPrefix("mountS3DebUrl: https://s3.amazonaws.com/"))
    #expect(yaml.stdout.contains("litellmConfig:\n  db_key: sk-…(11 chars)\n"))
    let revealed = await runLisa(["config", "show", "--show-secrets"], in: dir)
    #expect(revealed.stdout.contains("litellmConfig:\n  db_key: sk-0a1b2c3d\n"))
    #expect(yaml.stdout.contains("accountNumber: \"012345678901\"\n"))
    #expect(yaml.stdout.hasSuffix("version: 1.10\n"))
    let json = await runLisa(["config", "show", "-o", "json"], in: dir, environment: ["REGION": "eu-west-1"])
    #expect(json.status == .ok)
    #expect(json.stdout.contains("\"region\": \"eu-west-1\""))
    #expect(json.stdout.contains("\"version\": 1.10"))
    #expect(json.stderr == "note: region comes from the environment variable REGION\n")
    let unsupported = await runLisa(["config", "show", "-o", "table"], in: dir)
    #expect(unsupported.status == .usage)
    #expect(unsupported.stdout.isEmpty)
  }

  @Test func getPrintsScalarsAsTextAndFailsClearlyOnMissingPaths() async throws {
    let dir = try configDirectory(custom: validConfig)
    #expect(await runLisa(["config", "get", "authConfig.adminGroup"], in: dir).stdout == "admins\n")
    #expect(await runLisa(["config", "get", "accountNumber"], in: dir).stdout == "012345678901\n")
    #expect(await runLisa(["config", "get", "ragFileProcessingConfig"], in: dir).stdout == "chunkSize: 512\nchunkOverlap: 51\n")
    #expect(
      await runLisa(["config", "get", "ragFileProcessingConfig", "-o", "json"], in: dir).stdout
        == "{\n  \"chunkSize\": 512,\n  \"chunkOverlap\": 51\n}\n")
    let missing = await runLisa(["config", "get", "authConfig.adminGrup"], in: dir)
    #expect(missing.status == .notFound)
    #expect(missing.stdout.isEmpty)
    #expect(
      missing.stderr
        == "error: 'authConfig.adminGrup' is not set in the merged config (hint: did you mean 'authConfig.adminGroup'?)\n")
  }

  @Test func validateExitsZeroWhenValidAndSevenWithPositionsWhenNot() async throws {
    let good = await runLisa(["config", "validate"], in: try configDirectory(custom: validConfig))
    #expect(good.status == .ok)
    #expect(good.stdout == "config-custom.yaml: valid for LISA v6.6.0 (0 errors, 0 warnings)\n")
    let bad = await runLisa(
      ["config", "validate"],
      in: try configDirectory(custom: validConfig.replacingOccurrences(of: "sk-0a1b2c3d", with: "0a1b2c3d") + "dbKey: x\n"))
    #expect(bad.status == .invalid)
    #expect(bad.stderr.contains("config-custom.yaml:11:11: error: litellmConfig.db_key: must start with \"sk-\""))
    #expect(bad.stderr.contains("config-custom.yaml:12:1: warning: dbKey: not in LISA's schema"))
    #expect(bad.stdout.contains("invalid"))
  }

  @Test func warningsFailOnlyWithStrict() async throws {
    let dir = try configDirectory(custom: validConfig + "deployUI: false\n")
    #expect(await runLisa(["config", "validate"], in: dir).status == .ok)
    let strict = await runLisa(["config", "validate", "--strict", "-o", "json"], in: dir)
    #expect(strict.status == .invalid)
    #expect(strict.stdout.contains("\"valid\": false"))
    #expect(strict.stdout.contains("did you mean 'deployUi'?"))
  }

  @Test func namesAsTableAndJson() async throws {
    let dir = try configDirectory(custom: validConfig)
    let table = await runLisa(["config", "names"], in: dir)
    #expect(table.stdout.contains("tables.tokenTableLegacy"))
    #expect(table.stdout.contains("acme-LISAApiTokenTable"))
    let json = await runLisa(["config", "names", "-o", "json", "--config-dir", dir.path], in: URL(fileURLWithPath: "/"))
    #expect(json.status == .ok)
    #expect(json.stdout.contains("\"tokenTable\": \"acme-LISAApiBaseTokenTable\""))
    #expect(json.stdout.contains("\"deploymentPrefix\": \"/prod/acme/lisa\""))
  }

  @Test func configDirComesFromTheEnvironmentWhenNoFlag() async throws {
    let dir = try configDirectory(custom: validConfig)
    let run = await runLisa(
      ["config", "get", "region"], in: URL(fileURLWithPath: "/"), environment: ["LISA_CONFIG_DIR": dir.path])
    #expect(run.stdout == "us-east-1\n")
  }

  @Test func usageErrorsExit64() async throws {
    let dir = try configDirectory(custom: validConfig)
    #expect(await runLisa(["config", "show", "-q", "-v"], in: dir).status == .usage)
    #expect(await runLisa(["config", "show", "--nope"], in: dir).status == .usage)
    #expect(await runLisa(["migrate", "config", "--all-envs"], in: dir).status == .usage)
  }
}
