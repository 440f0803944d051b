import ArgumentParser
import LisaKit

struct ModelsList: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List models with their type, hosting and status.",
    discussion: """
      Shows every model the credential may see (GET /models). Filters combine: --status InService \
      --type textgen --hosting lisa_hosted; values match in any case. STATUS is coloured on a terminal. \
      -o json prints one object per model: modelId, modelName, modelType, hostingType, status, streaming, \
      instanceType, modelUrl. -o id prints the ids, one per line. No models is not an error.

      Exit status: 0 ok, 4 the credential was rejected, 64 an unknown filter value, 69 LISA unreachable.
      """
  )

  @Option(name: .customLong("status"), help: "Only models in this status (\(ModelStatus.names)).")
  var status: String?

  @Option(name: .customLong("type"), help: "Only models of this type (\(ModelSchema.modelTypes.joined(separator: ", "))).")
  var type: String?

  @Option(
    name: .customLong("hosting"), help: "Only models hosted this way (\(ModelSchema.hostingTypes.joined(separator: ", "))).")
  var hosting: String?

  @Option(name: .customLong("limit"), help: "Print at most this many models.")
  var limit: Int?

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .jsonl, .id])
    let wantedStatus = try Self.filter(status, "--status", "a model status", ModelStatus.names, ModelStatus.init(userText:))
    let wantedType = try Self.filter(
      type, "--type", "a model type", ModelSchema.modelTypes.joined(separator: ", "),
      { text in ModelSchema.modelTypes.first { $0 == text.lowercased() } })
    let wantedHosting = try Self.filter(
      hosting, "--hosting", "a hosting type", ModelSchema.hostingTypes.joined(separator: ", "), HostingType.init(userText:))
    if let limit, limit < 1 { throw LisaError.usage("--limit must be at least 1") }
    var models = try await session.modelsAPI().list()
    if let wantedStatus { models = models.filter { $0.status == wantedStatus } }
    if let wantedType { models = models.filter { $0.type == wantedType } }
    if let wantedHosting { models = models.filter { $0.hosting == wantedHosting } }
    models.sort { $0.id < $1.id }
    if let limit { models = Array(models.prefix(limit)) }
    let rows = models.map(\.summary)
    if format == .table {
      if !rows.isEmpty { session.output(session.renderer.table(rows, columns: ModelsStyle.listColumns)) }
      session.info("\(rows.count) model\(rows.count == 1 ? "" : "s")")
      return
    }
    session.output(session.renderer.list(rows, format: format, columns: ModelsStyle.listColumns, idKey: "modelId"))
  }

  /// A filter value read in any case, or a usage error listing the choices.
  static func filter<T>(_ text: String?, _ option: String, _ kind: String, _ choices: String, _ parse: (String) -> T?) throws
    -> T?
  {
    guard let text else { return nil }
    guard let value = parse(text) else {
      throw LisaError(.usage, "\(option) '\(text)' is not \(kind)", hint: "one of \(choices)")
    }
    return value
  }
}
