import ArgumentParser
import Foundation
import LisaKit

/// `--wait` and `--interval`, shared by the verbs that can wait for a model. How long they wait is the
/// command's global `--timeout` (default 30m), which bounds the whole command.
struct ModelWaitOptions: ParsableArguments {
  @Flag(name: .customLong("wait"), help: "Wait until the change is done (polls with backoff).")
  var wait = false

  @Option(
    name: .customLong("interval"),
    help: ArgumentHelp("First pause between polls, in seconds; it grows to 30 s.", valueName: "seconds"))
  var interval: Double = 5

  func validate() throws {
    guard interval > 0, interval <= 600 else { throw ValidationError("--interval must be between 0 and 600 seconds") }
  }
}

extension Session {
  func waiter(_ catalog: ModelCatalog, _ options: ModelWaitOptions) -> ModelWaiter {
    ModelWaiter(
      api: catalog.api, clock: .live(), interval: options.interval, maxInterval: max(options.interval, 30),
      failureReason: { model in
        if let reason = model.failureReason { return reason }
        return await catalog.failureReason(model.id).text
      })
  }

  /// The models API, with LISA's models table for what the API does not show, read only when needed.
  func modelCatalog(table flag: String? = nil) async throws -> ModelCatalog {
    ModelCatalog(api: try await modelsAPI(), table: modelTableAccess(flag: flag))
  }

  /// The models table: its name from `flag`, `LISA_MODEL_TABLE` or SSM, through the AWS access the
  /// config and environment give; opened on first use.
  func modelTableAccess(flag: String?) -> ModelTableAccess {
    let box = ImmutableSession(self)
    return ModelTableAccess {
      let session = box.session
      let config = try session.loadConfigIfPresent()
      let clients = try session.awsClients(config: config)
      let names = DerivedNames(config: config?.mapping ?? YAMLMapping())
      let (name, origin) = try await ModelsTable.locate(
        flag: flag, environment: session.context.environment, names: names, ssm: try clients.ssm())
      session.detail("models: models table \(name) (from \(origin)), region \(clients.region)")
      return ModelsTable(name: name, origin: origin, dynamoDB: try clients.dynamoDB())
    }
  }

  /// `info` as a sendable function, for work that reports progress from inside LisaKit.
  var progressLine: @Sendable (String) -> Void {
    let quiet = self.quiet
    let stderr = context.stderr
    return { line in if !quiet { stderr.write(line + "\n") } }
  }

  /// Prints each status a waited-on model passes through (stderr, unless -q).
  var statusPrinter: @Sendable (ModelInfo?) -> Void {
    let quiet = self.quiet
    let stderr = context.stderr
    let color = terminal.colorOnStderr
    let started = ContinuousClock.now
    return { model in
      guard !quiet else { return }
      let elapsed = Int((ContinuousClock.now - started).components.seconds)
      let status = model?.statusText ?? "deleted"
      let styled = ModelsStyle.status(status).map { $0.apply(status, enabled: color) } ?? status
      stderr.write("\(model?.id ?? "model") is \(styled) (\(elapsed / 60)m\(String(format: "%02d", elapsed % 60))s)\n")
    }
  }

  /// Reads one request file (YAML or JSON).
  func requestFile(_ path: String) throws -> ModelDocument {
    let resolved = context.resolve(path)
    return try ModelFile.loadOne(path: resolved, displayName: context.display(resolved))
  }

  /// Prints warnings and returns the checked body; with errors, prints them all and exits 7.
  /// A single error is the error line itself.
  func requireValid(_ checked: CheckedRequest, what: String) throws -> JSONValue {
    try requireNoErrors(checked.diagnostics, what: what)
    guard let body = checked.body else { throw LisaError(.invalid, "\(what) is not valid") }
    return body
  }

  /// Prints warnings; with errors, prints them all and exits 7.
  func requireNoErrors(_ diagnostics: [ConfigDiagnostic], what: String) throws {
    diagnostics.filter { $0.severity == .warning }.forEach(diagnostic)
    let errors = diagnostics.filter { $0.severity == .error }
    if let only = errors.first, errors.count == 1 {
      throw LisaError(.invalid, (only.path.isEmpty ? "" : "\(only.path): ") + only.message, at: only.location)
    }
    if !errors.isEmpty {
      errors.forEach(diagnostic)
      throw LisaError(.invalid, "\(what) has \(errors.count) problems; nothing was sent to LISA")
    }
  }

  /// One model, as a document (table/yaml/json) or its id.
  func printModel(_ model: ModelInfo, format: OutputFormat) {
    output(renderer.object(model.redacted, format: format, idKey: "modelId"))
  }
}

/// A session handed to work that runs later: it holds only values fixed when the command line was parsed.
private struct ImmutableSession: @unchecked Sendable {
  let session: Session
  init(_ session: Session) { self.session = session }
}

enum ModelsStyle {
  @Sendable static func status(_ status: String) -> Style? {
    switch ModelStatus(rawValue: status) {
    case .inService: .green
    case .failed: .red
    case .stopped, .unknown: .dim
    case .none: nil
    default: .yellow
    }
  }

  static let wideColumns =
    listColumns + [Column("URL", key: "modelUrl"), Column("REASON", key: "failureReason")]

  static let listColumns = [
    Column("ID", key: "modelId"), Column("NAME", key: "modelName"), Column("TYPE", key: "modelType"),
    Column("HOSTING", key: "hostingType"), Column("INSTANCE", key: "instanceType"),
    Column("STATUS", key: "status", style: status),
  ]
}
