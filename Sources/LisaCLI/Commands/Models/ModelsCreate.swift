import ArgumentParser
import LisaKit

struct ModelsCreate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create a model from a YAML or JSON CreateModelRequest.",
    discussion: """
      The file is checked here exactly as LISA checks a CreateModelRequest, and every problem is named \
      by its field path and line: required fields; enum values (accepted in any case, sent in LISA's \
      lower case: modelType, hostingType, inferenceContainer); autoScalingConfig, containerConfig, \
      inferenceContainer, instanceType and loadBalancerConfig all or none; minCapacity <= desiredCapacity \
      <= maxCapacity; no streaming for embedding models; health check command as a string or a list \
      starting with CMD or CMD-SHELL; defaultInstanceWarmup 1-3600; blockDeviceVolumeSize >= 30; an \
      internal_hosted model needs a modelUrl on an .elb.amazonaws.com host. Unknown fields are reported \
      and not sent. The instance type is checked against LISA's list when LISA can give it.

      The model starts in status Creating; --wait waits for InService and prints each status change. \
      --dry-run checks the file and that the id is free, and sends nothing. -o json prints the model, -o id its id.

      Exit status: 0 ok, 1 the model Failed while waiting (with LISA's reason) or the wait timed out, \
      4 the credential was rejected, 5 no such file, 6 a model with this id exists, 7 the request breaks \
      LISA's rules, 65 the file is not YAML/JSON, 69 LISA unreachable.
      """
  )

  @Option(
    name: .shortAndLong, help: "The CreateModelRequest (YAML or JSON).", completion: .file(extensions: ["yaml", "yml", "json"]))
  var file: String

  @Flag(name: .customLong("dry-run"), help: "Check the request and that the id is free; create nothing.")
  var dryRun = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .id])
    let timeout = session.deadline.remaining
    let document = try session.requestFile(file)
    var body = try session.requireValid(CreateModelRules.check(document.request, locate: document.locate), what: document.origin)
    let id = body["modelId"]?.stringValue ?? ""
    let catalog = try await session.modelCatalog()
    let api = catalog.api
    if let instanceType = body["instanceType"]?.stringValue {
      try await checkInstanceType(instanceType, api: api, document, session)
    }
    if dryRun {
      if let existing = try await api.find(id) {
        throw LisaError(.conflict, "model '\(id)' already exists (status \(existing.statusText))")
      }
      body = body["apiKey"] == nil ? body : body.setting("apiKey", .string("(hidden)"))
      session.info("would create model '\(id)' with this request:")
      session.output(session.renderer.object(body, format: format == .table ? .yaml : format, idKey: "modelId"))
      return
    }
    var model = try await api.create(body)
    if model == nil { model = try await api.get(id) }
    guard let model else { return }
    if format == .table {
      session.info("created model '\(id)' (status \(model.statusText))")
    } else {
      session.printModel(model, format: format)
    }
    guard waiting.wait else { return }
    try await session.waiter(catalog, waiting).wait(for: id, until: .inService, timeout: timeout, onChange: session.statusPrinter)
  }

  /// LISA accepts only EC2 instance types from its botocore model; check early when it lists them.
  private func checkInstanceType(_ instanceType: String, api: ModelsAPI, _ document: ModelDocument, _ session: Session)
    async throws
  {
    let known: [String]
    do {
      known = try await api.instanceTypes()
    } catch {
      session.detail("models: could not list instance types (\(error)); LISA will check instanceType itself")
      return
    }
    guard !known.isEmpty, !known.contains(instanceType) else { return }
    let near = ConfigValidator.suggest(instanceType, among: known).map { "; did you mean '\($0)'?" } ?? ""
    throw LisaError(
      .invalid, "instanceType: '\(instanceType)' is not an EC2 instance type LISA accepts\(near)",
      at: document.locate(FieldPath("instanceType")))
  }
}
