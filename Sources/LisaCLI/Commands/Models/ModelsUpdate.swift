import ArgumentParser
import LisaKit

struct ModelsUpdate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract: "Change a model's metadata, capacity or container settings.",
    discussion: """
      Builds an UpdateModelRequest from the flags and/or -f patch.yaml (flags win) and checks it as LISA \
      would before sending: the model must be InService or Stopped; capacity and container changes only \
      on LISA-hosted models (third-party and internal models change only description, type, streaming, \
      groups, features and guardrails); capacities given together must agree (LISA checks the others \
      against the running autoscaling group and answers itself). --desired-capacity is a one-off: LISA \
      applies it to the group without storing it, and capacities are positive (stop a model to scale it \
      to zero). --allowed-groups '' clears the list.

      The environment: LISA replaces a model's whole environment with the map an update sends, so lisa \
      sends the model's current variables with the changes: --env KEY=VALUE sets one, --unset-env KEY \
      removes one (sent as LISA_MARKED_FOR_DELETION), and containerConfig.environment in -f is read the \
      same way, as changes to the current map.

      A container change (--env, --unset-env, --shared-memory, --health-check-*) on an InService model \
      makes ECS replace its tasks: the model is unavailable until the new ones are healthy. That needs \
      --acknowledge-restart, or a yes on a terminal. On a Stopped model the change is only saved.

      Exit status: 0 ok, 1 the model Failed while waiting, 4 the credential was rejected, 5 no such \
      model, 6 the model's status forbids the change, 7 the change breaks LISA's rules, 64 a restart \
      needs --acknowledge-restart off a terminal, 69 LISA unreachable.
      """
  )

  @Argument(help: "Model id.", completion: .custom(LiveCompletions.models))
  var id: String

  @Option(
    name: .shortAndLong, help: "An UpdateModelRequest (YAML or JSON) to send; flags override its fields.", completion: .file())
  var file: String?

  @Option(name: .customLong("description"), help: "New description.")
  var modelDescription: String?

  @Option(name: .customLong("type"), help: "New model type (textgen, imagegen, videogen, embedding).")
  var modelType: String?

  @Option(name: .customLong("allowed-groups"), help: "Comma-separated groups that may use the model ('' for everyone).")
  var allowedGroups: String?

  @Flag(name: .customLong("streaming"), inversion: .prefixedNo, help: "Whether the model streams responses.")
  var streaming: Bool?

  @Option(name: .customLong("min-capacity"), help: "Minimum number of instances.")
  var minCapacity: Int?
  @Option(name: .customLong("max-capacity"), help: "Maximum number of instances.")
  var maxCapacity: Int?
  @Option(name: .customLong("desired-capacity"), help: "Desired number of instances.")
  var desiredCapacity: Int?
  @Option(name: .customLong("cooldown"), help: "Autoscaling cooldown in seconds.")
  var cooldown: Int?
  @Option(name: .customLong("instance-warmup"), help: "Default instance warm-up in seconds (1-3600).")
  var instanceWarmup: Int?

  @Option(name: .customLong("env"), help: ArgumentHelp("Set a container variable (repeatable).", valueName: "KEY=VALUE"))
  var env: [String] = []
  @Option(name: .customLong("unset-env"), help: ArgumentHelp("Remove a container variable (repeatable).", valueName: "KEY"))
  var unsetEnv: [String] = []
  @Option(name: .customLong("shared-memory"), help: "Container shared memory size in MiB.")
  var sharedMemory: Int?
  @Option(name: .customLong("health-check-command"), help: "Container health check command (run with CMD-SHELL).")
  var healthCheckCommand: String?
  @Option(name: .customLong("health-check-interval"), help: "Seconds between container health checks.")
  var healthCheckInterval: Int?
  @Option(name: .customLong("health-check-timeout"), help: "Seconds before a health check counts as failed.")
  var healthCheckTimeout: Int?
  @Option(name: .customLong("health-check-start-period"), help: "Seconds of grace before health checks count.")
  var healthCheckStartPeriod: Int?
  @Option(name: .customLong("health-check-retries"), help: "Failed checks before the container is unhealthy.")
  var healthCheckRetries: Int?

  @Flag(name: .customLong("acknowledge-restart"), help: "Accept that a container change restarts a running model (an outage).")
  var acknowledgeRestart = false

  @Flag(name: .customLong("dry-run"), help: "Check and print the request; change nothing.")
  var dryRun = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .id])
    let timeout = session.deadline.remaining
    let patch = try file.map(session.requestFile)
    let request = try UpdateFlags(command: self).apply(to: patch?.request ?? .object([]))
    let catalog = try await session.modelCatalog()
    let api = catalog.api
    let current = try await api.get(id)
    let checked = UpdateModelRules.check(request, current: current, locate: patch?.locate ?? { _ in nil })
    let body = ModelEnvironment.completing(try session.requireValid(checked, what: "the update of '\(id)'"), current: current)
    try UpdateModelRules.gate(body, current: current)
    if dryRun {
      session.info("would update model '\(id)' (\(current.statusText)) with:")
      session.output(session.renderer.object(body, format: format == .table ? .yaml : format))
      return
    }
    if UpdateModelRules.restartsContainer(body, current: current) {
      try session.acknowledgeRestart(id, acknowledged: acknowledgeRestart)
    }
    try await api.update(id, body: body, statusBefore: current.statusText)
    switch format {
    case .table: session.info("updating model '\(id)'; LISA applies the change in the background")
    case .id: session.output(id + "\n")
    default: session.output(session.renderer.object(.object([("modelId", .string(id)), ("request", body)]), format: format))
    }
    guard waiting.wait else { return }
    _ = try await session.waiter(catalog, waiting).waitSettled(for: id, timeout: timeout, onChange: session.statusPrinter)
  }
}

extension Session {
  /// A container change on a running model is an outage; LISA's UI asks for an acknowledgement and
  /// its API does not, so lisa asks: the flag, or a yes on a terminal (never `--yes` alone).
  func acknowledgeRestart(_ id: String, acknowledged: Bool) throws {
    let warning =
      "changing the container of '\(id)' while it is InService restarts it: "
      + "the model is unavailable until new tasks pass their health checks"
    if acknowledged {
      warn(warning)
      return
    }
    guard terminal.canPrompt else {
      throw LisaError.usage(warning, hint: "pass --acknowledge-restart to accept the outage")
    }
    context.stderr.write("warning: \(warning).\nRestart '\(id)' now? [y/N] ")
    guard ["y", "yes"].contains((context.readLine() ?? "").lowercased()) else {
      throw LisaError(.cancelled, "cancelled; nothing was changed")
    }
  }
}
