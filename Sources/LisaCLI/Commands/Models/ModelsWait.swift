import ArgumentParser
import LisaKit

struct ModelsWait: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "wait",
    abstract: "Wait until a model is InService, Stopped or deleted.",
    discussion: """
      Polls GET /models/ID, first after --interval seconds, then less and less often (up to every 30 s), \
      and prints each status change on stderr. Ends with exit 0 when the model reaches the status, exit 1 \
      with LISA's failure reason (from its models table) when it is Failed or when --timeout passes, exit 6 when it sits in \
      another settled status for 90 s (a Stopped model will not become InService by itself). \
      Example: lisa models create -f m.yaml && lisa models wait m1 --for InService --timeout 45m

      Exit status: 0 reached, 1 Failed or timed out, 4 the credential was rejected, 5 no such model \
      (unless waiting for deleted), 6 the model is not moving towards the status, 69 LISA unreachable.
      """
  )

  @Argument(help: "Model id.", completion: .custom(LiveCompletions.models))
  var id: String

  @Option(name: .customLong("for"), help: "The status to wait for: InService, Stopped or deleted.")
  var target: String

  @Option(name: .customLong("interval"), help: ArgumentHelp("First pause between polls, in seconds.", valueName: "seconds"))
  var interval: Double = 5

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    guard let wanted = WaitTarget(userText: target) else {
      throw LisaError.usage("--for '\(target)' is not something to wait for", hint: "InService, Stopped or deleted")
    }
    var options = ModelWaitOptions()
    options.interval = interval
    try options.validate()
    let seconds = session.deadline.remaining
    let model = try await session.waiter(session.modelCatalog(), options).wait(
      for: id, until: wanted, timeout: seconds, onChange: session.statusPrinter)
    if session.globals.output.format == .json, let model { session.printModel(model, format: .json) }
  }
}
