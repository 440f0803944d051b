import ArgumentParser

public struct ConfigGroup: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Read, check and explain a LISA config (config-base.yaml + config-custom.yaml).",
    discussion: """
      The config directory is --config-dir, else LISA_CONFIG_DIR, else the current directory, as LISA's \
      own tooling reads it. Without a config-base.yaml there, the copy built into lisa (LISA v6.6.0) is used.
      """,
    subcommands: [ConfigShow.self, ConfigGet.self, ConfigValidate.self, ConfigNames.self]
  )
  public init() {}
}
