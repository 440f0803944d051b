import Foundation

/// What `lisa migrate check` reads. Nothing here writes: the checks only list, describe and get.
public struct PreflightSources: Sendable {
  public var target: LisaVersion
  /// The deployment's config; nil when there is no config-custom.yaml, an error when it cannot be read.
  public var config: Result<LoadedConfig?, LisaError>
  /// The local backup index, newest first.
  public var backups: @Sendable () throws -> [BackupIndexEntry]
  /// AWS (DynamoDB, SSM) when it can be reached; the checks that need it warn when it cannot.
  public var aws: @Sendable () throws -> AWSClients
  /// LISA's models through its API.
  public var models: @Sendable () async throws -> [ModelInfo]
  public var now: @Sendable () -> Date

  public init(
    target: LisaVersion, config: Result<LoadedConfig?, LisaError>, backups: @escaping @Sendable () throws -> [BackupIndexEntry],
    aws: @escaping @Sendable () throws -> AWSClients, models: @escaping @Sendable () async throws -> [ModelInfo],
    now: @escaping @Sendable () -> Date
  ) {
    self.target = target
    self.config = config
    self.backups = backups
    self.aws = aws
    self.models = models
    self.now = now
  }
}

/// The pre-flight checks before deploying `target` (docs/lisa/upgrades.md#preflight), in a fixed order.
/// A check that cannot look (no AWS access, no API) warns instead of passing silently.
public struct PreflightChecker: Sendable {
  /// A backup older than this is not "recent".
  public static let recentBackup: TimeInterval = 24 * 3600
  let sources: PreflightSources

  public init(sources: PreflightSources) {
    self.sources = sources
  }

  public func run() async -> PreflightReport {
    var checks = [backupCheck()]
    checks.append(await guarded("old-token-table", "Old token table") { try await oldTokenTableCheck() })
    checks.append(await guarded("legacy-tokens", "Tokens LISA v6.1 rejects") { try await legacyTokensCheck() })
    checks.append(await guarded("models", "Models settled") { try await modelsCheck() })
    checks.append(configCheck())
    checks.append(adminKeyCheck())
    checks.append(await guarded("yaml-repositories", "YAML RAG repositories") { try await yamlRepositoriesCheck() })
    return PreflightReport(target: sources.target, checks: checks)
  }

  var target: LisaVersion { sources.target }
  var config: LoadedConfig? { try? sources.config.get() }
  var names: DerivedNames { DerivedNames(config: config?.mapping ?? YAMLMapping()) }

  /// A check whose source could not be read warns with the reason, so the gate never passes blind.
  func guarded(_ id: String, _ title: String, _ check: () async throws -> PreflightCheck) async -> PreflightCheck {
    do {
      return try await check()
    } catch {
      let message = (error as? LisaError)?.description ?? String(describing: error)
      return PreflightCheck(
        id, title, .warn, "could not be checked: \(message)",
        fix: "give lisa access (AWS credentials and region, LISA_API_URL and LISA_API_TOKEN) and run it again")
    }
  }

  func backupCheck() -> PreflightCheck {
    let title = "Recent backup"
    let fix = "lisa keys export --output pre-upgrade.lisabak (and lisa models export) before the upgrade"
    let entries: [BackupIndexEntry]
    do {
      entries = try sources.backups()
    } catch {
      return PreflightCheck("backup", title, .fail, "the local backup index cannot be read: \(error)", fix: fix)
    }
    guard let newest = entries.first else {
      return PreflightCheck("backup", title, .fail, "no backup in the local backup index", fix: fix)
    }
    let age = sources.now().timeIntervalSince(newest.createdAt)
    let shown =
      "\(newest.kind) backup \(newest.path) of \(newest.source), \(Self.ageText(age)) old, \(newest.recordCount) records"
    guard FileIO.exists(newest.path) else {
      return PreflightCheck("backup", title, .fail, "the newest \(shown) is gone from disk", fix: fix)
    }
    do {
      _ = try BackupReader(path: newest.path, verify: true)
    } catch {
      return PreflightCheck("backup", title, .fail, "the newest \(shown) does not verify: \(error)", fix: fix)
    }
    guard age <= Self.recentBackup else {
      return PreflightCheck("backup", title, .warn, "the newest is the \(shown); it verifies but is older than a day", fix: fix)
    }
    return PreflightCheck("backup", title, .pass, "\(shown); it verifies")
  }

  func modelsCheck() async throws -> PreflightCheck {
    let models = try await sources.models()
    let unsettled = models.filter { $0.status != .inService && $0.status != .stopped }
    guard !unsettled.isEmpty else {
      return PreflightCheck("models", "Models settled", .pass, "all \(models.count) models are InService or Stopped")
    }
    let listed = unsettled.map { "\($0.id) (\($0.statusText))" }.joined(separator: ", ")
    return PreflightCheck(
      "models", "Models settled", .fail, "\(unsettled.count) of \(models.count) models are not InService or Stopped: \(listed)",
      fix: "wait for them (lisa models wait ID), or fix or delete the failed ones, before the deploy")
  }

  static func ageText(_ seconds: TimeInterval) -> String {
    if seconds < 3600 { return "\(max(0, Int(seconds / 60))) min" }
    if seconds < 48 * 3600 { return "\(Int(seconds / 3600)) h" }
    return "\(Int(seconds / 86400)) days"
  }
}
