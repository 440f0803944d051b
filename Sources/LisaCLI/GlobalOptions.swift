import ArgumentParser
import LisaKit

/// Options every leaf command accepts, in any position: `lisa config show -o json --config-dir x`.
public struct GlobalOptions: ParsableArguments {
  @OptionGroup(title: "Deployment options") public var deployment: DeploymentOptions
  @OptionGroup(title: "Output options") public var output: OutputOptions
  @OptionGroup(title: "Network options") public var network: NetworkOptions
  public init() {}
}

/// The command's overall deadline and the TLS trust for AWS and the LISA API. Proxies come from
/// HTTPS_PROXY, HTTP_PROXY and NO_PROXY (or their lower-case forms), as the aws CLI reads them.
public struct NetworkOptions: ParsableArguments {
  static let defaultTimeout = "30m"

  @Option(
    name: .customLong("timeout"),
    help: "Give up on the whole command after this long, waits included (90s, 30m, 2h; env: LISA_TIMEOUT; default: 30m).")
  public var timeout: String?

  @Option(
    name: .customLong("ca-bundle"),
    help: "PEM file of the CAs to trust for AWS endpoints (env: AWS_CA_BUNDLE; else the profile's ca_bundle; default: system).",
    completion: .file())
  public var caBundle: String?

  @Option(
    name: .customLong("api-ca-bundle"),
    help: "PEM file of the CAs to trust for the LISA API (env: LISA_CA_BUNDLE; default: the system trust store).",
    completion: .file())
  public var apiCABundle: String?

  public init() {}
}

public struct DeploymentOptions: ParsableArguments {
  @Option(
    name: .customLong("config-dir"),
    help: "Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).",
    completion: .directory)
  public var configDir: String?

  @Option(
    name: .customLong("profile"), help: "AWS profile (env: AWS_PROFILE; else the config's profile).",
    completion: .custom(Completions.awsProfiles))
  public var profile: String?

  @Option(name: .customLong("region"), help: "AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config's region).")
  public var region: String?

  @Option(
    name: .customLong("endpoint-url"),
    help: "Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).")
  public var endpointURL: String?

  @Option(
    name: .customLong("api-url"), help: "LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).")
  public var apiURL: String?

  @Option(
    name: .customLong("token-file"),
    help: "Read the API credential from this file, or '-' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.",
    completion: .file())
  public var tokenFile: String?

  public init() {}
}

extension OutputFormat: ExpressibleByArgument {}
extension ColorMode: ExpressibleByArgument {}

public struct OutputOptions: ParsableArguments {
  @Option(
    name: [.customShort("o"), .customLong("output-format")],
    help: "Result format: table, json, yaml, jsonl, id (value where a command prints a secret, wide where it has more columns).")
  public var format: OutputFormat?

  @Flag(name: .shortAndLong, help: "Print errors only.")
  public var quiet = false

  @Flag(name: .shortAndLong, help: "Print request ids, timings and extra detail on stderr.")
  public var verbose = false

  @Option(name: .customLong("color"), help: "Colour: auto (terminal only), always, never.")
  public var color: ColorMode = .auto

  @Flag(
    name: [.short, .customLong("yes")], help: "Answer yes to confirmations (required for destructive actions without a terminal)."
  )
  public var yes = false

  public init() {}

  public func validate() throws {
    if quiet && verbose { throw ValidationError("'--quiet' and '--verbose' cannot be used together") }
  }
}

/// `--show-secrets`, for the commands that print config values.
public struct SecretDisplayOptions: ParsableArguments {
  @Flag(
    name: .customLong("show-secrets"),
    help: "Print secret values (db_key, master_key, API keys, passwords) instead of masking them as sk-…(40 chars).")
  public var showSecrets = false

  public init() {}

  func shown(_ node: YAMLNode, at path: [String] = []) -> YAMLNode {
    showSecrets ? node : SecretMask.mask(node, at: path)
  }
}
