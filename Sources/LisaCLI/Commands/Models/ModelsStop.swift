import ArgumentParser
import LisaKit

struct ModelsStop: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "stop",
    abstract: "Stop an InService LISA-hosted model (its instances scale to zero).",
    discussion: """
      Sends PUT /models/ID {"enabled": false}. LISA stops an InService model only: it is removed from \
      LiteLLM, its autoscaling group goes to 0/0/0, and the status goes Stopping, then Stopped. A model \
      already Stopped or Stopping is left alone (exit 0). Third-party and internal models cannot be \
      stopped (exit 7). --wait waits for Stopped.

      Exit status: 0 ok, 1 the model Failed while waiting, 4 the credential was rejected, 5 no such \
      model, 6 the model's status forbids stopping it, 7 not a LISA-hosted model, 69 LISA unreachable.
      """
  )

  @Argument(help: "Model id.", completion: .custom(LiveCompletions.models))
  var id: String

  @Flag(name: .customLong("dry-run"), help: "Check that the model can stop; change nothing.")
  var dryRun = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    try await session.switchModel(id, on: false, dryRun: dryRun, waiting: waiting)
  }
}

extension Session {
  /// Start or stop: checked like any update, idempotent when the model is already there or on its way.
  func switchModel(_ id: String, on: Bool, dryRun: Bool, waiting: ModelWaitOptions) async throws {
    let timeout = deadline.remaining
    let verb = on ? "start" : "stop"
    let target: WaitTarget = on ? .inService : .stopped
    let catalog = try await modelCatalog()
    let api = catalog.api
    let current = try await api.get(id)
    try UpdateModelRules.requireSwitchable(current, verb: verb)
    let body = JSONValue.object([("enabled", .bool(on))])
    let arrived = current.status == (on ? .inService : .stopped)
    let onItsWay = current.status == (on ? .starting : .stopping)
    if arrived || onItsWay {
      info("model '\(id)' is already \(current.statusText)")
    } else {
      _ = try requireValid(UpdateModelRules.check(body, current: current), what: "\(verb) of '\(id)'")
      try UpdateModelRules.gate(body, current: current)
      if dryRun {
        info("would \(verb) model '\(id)' (\(current.statusText))")
        return
      }
      try await api.update(id, body: body, statusBefore: current.statusText)
      info("\(on ? "starting" : "stopping") model '\(id)'")
    }
    guard waiting.wait, !dryRun, !arrived else { return }
    try await waiter(catalog, waiting).wait(for: id, until: target, timeout: timeout, onChange: statusPrinter)
  }
}
