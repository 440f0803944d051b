import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// `lisa backup restore --to-deployment`: a backup of `prod` restored into a deployment named `staging`
/// (its own config directory, its own token table, the same fake LISA API and moto server).
@Suite(.serialized) struct BackupToDeploymentEndToEndTests {
  static let prodConfig = "deploymentName: prod\ndeploymentStage: prod\nregion: us-east-1\n"
  static let stagingConfig = "deploymentName: staging\ndeploymentStage: dev\nregion: us-east-1\n"
  static let stagingTable = "staging-LISAApiBaseTokenTable"

  @Test func anotherDeploymentGetsEverythingButTheConfigAndExpiredTokensComeBackUnlessSkipped() async throws {
    let backups = BackupEndToEndTests()
    try await backups.withDeployment(tokens: 120) { deployment in
      try Self.prodConfig.write(
        to: deployment.dir.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8)
      let created = try await backups.lisa(["backup", "create", "-f", "prod.lisabak", "-q"], deployment)
      #expect(created.status == 0, "\(created.stderr)")
      let staging = deployment.dir.appendingPathComponent("staging")
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
      let stagingConfig = staging.appendingPathComponent("config-custom.yaml")
      try Self.stagingConfig.write(to: stagingConfig, atomically: true, encoding: .utf8)
      try await TokenTableScript.create(endpoint: deployment.moto.url, table: Self.stagingTable, v61: true)
      let restore = ["backup", "restore", "prod.lisabak", "--config-dir", "staging", "--default-expiration", "90d"]

      let unconfirmed = try await backups.lisa(restore, deployment)
      #expect(unconfirmed.status == 6, "\(unconfirmed.stderr)")
      #expect(unconfirmed.stderr.contains("the backup is of deployment 'prod', the target is 'staging'"))
      let wrongName = try await backups.lisa(restore + ["--to-deployment", "stagin"], deployment)
      #expect(wrongName.status == 64 && wrongName.stderr.contains("the config names deployment 'staging'"), "\(wrongName.stderr)")
      let onlyConfig = try await backups.lisa(restore + ["--to-deployment", "staging", "--only", "config"], deployment)
      #expect(onlyConfig.status == 6 && onlyConfig.stderr.contains("config files are deployment 'prod'"), "\(onlyConfig.stderr)")
      let oldFlag = try await backups.lisa(restore + ["--to-deployment", "staging", "--include-expired"], deployment)
      #expect(oldFlag.status == 64, "a restore brings expired tokens back without being asked: \(oldFlag.stderr)")

      let dry = try await backups.lisa(restore + ["--to-deployment", "staging", "--dry-run", "-o", "json"], deployment)
      #expect(dry.status == 0, "\(dry.stderr)")
      let plan = try JSONValue.parse(Data(dry.stdout.utf8), source: "dry run")
      let planned = plan["plan"]?.arrayItems?.compactMap { $0["section"]?.stringValue } ?? []
      #expect(planned.contains("models") && planned.contains("keys") && !planned.contains("config"), "\(dry.stdout)")
      #expect(plan["leftOut"]?.arrayItems?.first?.stringValue?.hasPrefix("config: left out") == true, "\(dry.stdout)")

      let restored = try await backups.lisa(restore + ["--to-deployment", "staging"], deployment)
      #expect(restored.status == 0, "\(restored.stderr)")
      #expect(restored.stdout.contains("config: left out; its files are deployment 'prod's"), "\(restored.stdout)")
      #expect(try String(contentsOf: stagingConfig, encoding: .utf8) == Self.stagingConfig, "staging keeps its own config")
      let secrets = deployment.dir.appendingPathComponent("secrets.jsonl")
      let expired = try Self.expiredCount(secrets, now: backups.now)
      #expect(expired > 0)
      let all = try await TokenTableScript.check(
        endpoint: deployment.moto.url, table: Self.stagingTable, secrets: secrets, now: backups.now)
      #expect(all.missing == 0 && all.bad == expired && all.accepted == 120 - expired, "expired ones back: \(all)")

      try await TokenTableScript.create(endpoint: deployment.moto.url, table: "staging-unexpired", v61: true)
      let skipping = try await backups.lisa(
        restore + ["--to-deployment", "staging", "--only", "keys", "--to-table", "staging-unexpired", "--skip-expired"],
        deployment)
      #expect(skipping.status == 0, "\(skipping.stderr)")
      let unexpired = try await TokenTableScript.check(
        endpoint: deployment.moto.url, table: "staging-unexpired", secrets: secrets, now: backups.now)
      #expect(unexpired.expiredAbsent == expired && unexpired.accepted == 120 - expired && unexpired.bad == 0, "\(unexpired)")
    }
  }

  static func expiredCount(_ secrets: URL, now: Date) throws -> Int {
    try String(contentsOf: secrets, encoding: .utf8).split(separator: "\n").filter { line in
      guard let entry = try? JSONValue.parse(Data(line.utf8), source: "secrets"), let expiry = entry["expiration"]?.intValue
      else { return false }
      return expiry <= Int(now.timeIntervalSince1970)
    }.count
  }
}
