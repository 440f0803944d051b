import ArgumentParser
import LisaKit

struct ConfigShow: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print the merged config exactly as LISA builds it.",
    discussion: """
      config-base.yaml and config-custom.yaml are merged like lodash _.merge (deep; lists merged item by \
      item; YAML null overrides), then PROFILE, DEPLOYMENT_NAME, ACCOUNT_NUMBER, PARTITION, DOMAIN and \
      REGION from the environment replace their keys. Key order and each value's spelling are kept. \
      Secret values (db_key, API keys, passwords) are masked unless --show-secrets is given.
      """
  )

  @Flag(name: .customLong("no-env"), help: "Do not apply LISA's environment-variable overrides.")
  var noEnv = false

  @OptionGroup var secrets: SecretDisplayOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json])
    let config = try session.loadConfig(applyEnvironment: !noEnv)
    for (variable, key) in config.overrides {
      session.info("note: \(key) comes from the environment variable \(variable)")
    }
    let merged = secrets.shown(config.merged)
    session.output(format == .json ? JSONWriter.pretty(merged.json) + "\n" : YAMLEmitter(includeComments: false).emit(merged))
  }
}

extension Session {
  func loadConfig(applyEnvironment: Bool = true) throws -> LoadedConfig {
    let directory = ConfigLoader.directory(flag: globals.deployment.configDir, context: context)
    let config = try ConfigLoader.load(directory: directory, context: context, applyEnvironment: applyEnvironment)
    detail("config: \(config.baseName) + \(config.customName)")
    return config
  }
}
