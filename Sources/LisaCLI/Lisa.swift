import ArgumentParser
import LisaKit
import LisaProcess

/// The root command. Groups only list their subcommands; every leaf is a `LisaCommand`.
public struct Lisa: AsyncParsableCommand {
  public static let version = "0.1.0"

  public static let configuration = CommandConfiguration(
    commandName: "lisa",
    abstract: "Upgrade and administer LISA deployments and LiteLLM-based stacks.",
    discussion: """
      Every command finds its deployment the same way: flags first, then environment \
      (LISA_CONFIG_DIR, AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, LISA_API_URL, LISA_API_TOKEN), \
      then config-base.yaml + config-custom.yaml in the config directory, then discovery in SSM.

      Results go to stdout (-o table|json|yaml|jsonl|id); progress, warnings and errors go to stderr. \
      Colour and progress appear only on a terminal (NO_COLOR and TERM=dumb are honoured).

      EXIT CODES (also: lisa help exit-codes)
      \(ExitStatus.table)
      """,
    version: versionLine,
    subcommands: [
      ConfigGroup.self, MigrateGroup.self, ModelsGroup.self, KeysGroup.self, RagGroup.self, BackupGroup.self,
      StatusCommand.self,
    ]
  )

  /// `lisa 0.1.0 (commit 1a2b3c4, LISA schema v6.6.0)`; the commit only when the build was told it.
  static var versionLine: String {
    let commit = String(cString: lisa_git_commit())
    return "lisa \(version) (\(commit.isEmpty ? "" : "commit \(commit), ")LISA schema v\(LisaConfigSchema.lisaVersion))"
  }

  public init() {}
}
