import ArgumentParser
import Foundation
import LisaKit

struct MigratePlan: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "List the steps of an upgrade between two LISA releases, in order, as a checklist.",
    discussion: """
      Every breaking change of LISA from v2.0 to v6.6 that an upgrade from --from to --to crosses, as \
      steps grouped by phase (before, during and after the deploy), each with what it protects, the \
      command that does it (or what to do by hand), and how to check it; each phase ends with its \
      verification. The upgrade is planned as one deploy of --to. Nothing is read from or changed in \
      the deployment; with a config-custom.yaml at hand, names such as <deploymentName> are filled in.

      Versions are written 6.6, 6.6.0 or v6.6.0 and must be LISA releases. --to defaults to the newest \
      release lisa knows. -o json prints one object in a stable shape (docs/lisa/upgrades.md): format, \
      from, fromSource, to, releases, counts, names, and steps in order, each with number, id, phase, \
      kind (action or verify), release, title, optional, protects, commands (run, available, plannedIn), \
      manual, check, dependsOn and source.

      Exit codes: 0 the plan was printed (also an empty one); 64 a version is unknown, --from is later \
      than --to, or --from is missing and the deployed version cannot be read.
      """
  )

  @Option(
    name: .customLong("from"),
    help: "The release the deployment runs (default: the VERSION tag of its core CloudFormation stack).",
    completion: .custom(Completions.lisaReleases))
  var from: String?

  @Option(
    name: .customLong("to"), help: "The release to upgrade to (default: the newest lisa knows).",
    completion: .custom(Completions.lisaReleases))
  var to: String?

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    let knowledge = try UpgradeKnowledge.builtIn()
    let target = try to.map { try knowledge.release($0, option: "--to") } ?? knowledge.latest
    let (start, source) = try await DeployedVersion.resolve(
      given: from, readers: session.deployedVersionReaders(), knowledge: knowledge)
    let plan = try UpgradePlanner(knowledge: knowledge).plan(from: start, to: target, fromSource: source)
      .naming(deploymentNames(session))
    switch format {
    case .table:
      let checklist = UpgradePlanChecklist(width: session.terminal.width, color: session.terminal.colorOnStdout)
      session.output(checklist.render(plan))
    default:
      session.output(session.renderer.object(plan.json, format: format))
    }
  }

  /// The names the plan's commands use, from the config when there is one; a config that cannot be
  /// read leaves the placeholders in and says why.
  func deploymentNames(_ session: Session) -> [(String, String)] {
    do {
      guard let config = try session.loadConfigIfPresent() else { return [] }
      let names = DerivedNames(config: config.mapping)
      var values = [
        ("deploymentName", names.deploymentName), ("deploymentStage", names.deploymentStage), ("appName", names.appName),
        ("deploymentPrefix", names.deploymentPrefix),
      ]
      if let account = config.string("accountNumber") { values.append(("accountNumber", account)) }
      session.detail("plan: names from \(config.customName)")
      return values
    } catch {
      session.warn("names left as <placeholders>: the config could not be read (\(error))")
      return []
    }
  }
}
