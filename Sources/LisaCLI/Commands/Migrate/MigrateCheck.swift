import ArgumentParser
import Foundation
import LisaKit

struct MigrateCheck: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Run the pre-flight checks for an upgrade; changes nothing.",
    discussion: """
      Each check passes, warns or fails with its reason and the fix: backup (the newest backup in the local \
      index, LISA_STATE_DIR, is less than a day old and verifies); old-token-table (for v6.0 and later: \
      <deploymentName>-LISAApiTokenTable, its token count, and whether removalPolicy destroy lets CloudFormation \
      delete it, with no backup that holds its tokens); legacy-tokens (for v6.1 and later: plaintext items or \
      tokens without an expiry in the v6 table); models (every model InService or Stopped); config (the config \
      validates against the rules lisa knows, v\(LisaConfigSchema.lisaVersion)); litellm-admin-key (db_key starts \
      with sk- and is not the published default; never shown); yaml-repositories (for v4.0 and later: each \
      repository in SSM <deploymentPrefix>/registeredRepositories is still in ragRepositories, and none there \
      was never deployed). A check that cannot read what it needs (no AWS access, no API) warns.

      Only reads: DynamoDB DescribeTable and Scan, SSM GetParameter, GET /models, the local files. \
      --offline reads only local files, no AWS and no network (the rehearsal, scripts/rehearse.sh, uses it). \
      -o json prints {format, to, verdict, counts, checks: [{id, title, verdict, reason, fix}]}.

      Exit codes: 0 every check passed; 3 warnings, none failed; 7 a check failed; 64 an unknown --to.
      """
  )

  @Option(
    name: .customLong("to"), help: "The release to upgrade to (default: the newest lisa knows).",
    completion: .custom(Completions.lisaReleases))
  var to: String?

  @Flag(
    name: .customLong("offline"),
    help: "Check only local files (backup index, config); the checks that need AWS or the API warn.")
  var offline = false

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    let knowledge = try UpgradeKnowledge.builtIn()
    let target = try to.map { try knowledge.release($0, option: "--to") } ?? knowledge.latest
    let report = await PreflightChecker(sources: sources(session, target: target)).run()
    switch format {
    case .table: session.output(report.render(color: session.terminal.colorOnStdout))
    default: session.output(session.renderer.object(report.json, format: format))
    }
    if let problem = report.problem { throw problem }
  }

  func sources(_ session: Session, target: LisaVersion) -> PreflightSources {
    let config: Result<LoadedConfig?, LisaError>
    do {
      config = .success(try session.loadConfigIfPresent())
    } catch let error as LisaError {
      config = .failure(error)
    } catch {
      config = .failure(LisaError(.failure, String(describing: error)))
    }
    let box = CheckSession(session)
    let context = session.context
    let loaded = try? config.get()
    let offline = offline
    let notAsked = LisaError(.unavailable, "not asked (--offline)")
    return PreflightSources(
      target: target, config: config,
      backups: {
        // No state database yet means no backups; opening one would create it, and a check writes nothing.
        let directory = StateLocation.directory(context: context)
        guard FileIO.exists((directory as NSString).appendingPathComponent(StateStore.fileName)) else { return [] }
        return try StateStore(context: context).backups()
      },
      aws: {
        if offline { throw notAsked }
        return try box.session.awsClients(config: loaded)
      },
      models: {
        if offline { throw notAsked }
        return try await box.session.modelsAPI().list()
      },
      now: context.now)
  }
}

/// The session, for checks that find their sources as they run; it holds only values fixed when the
/// command line was parsed.
private struct CheckSession: @unchecked Sendable {
  let session: Session
  init(_ session: Session) { self.session = session }
}
