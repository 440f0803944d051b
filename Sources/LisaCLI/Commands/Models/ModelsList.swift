import ArgumentParser
import LisaKit

struct ModelsList: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List models with their type, hosting and status.",
    discussion: """
      Shows every model the credential may see (GET /models). Filters combine: --status InService \
      --type textgen --hosting lisa_hosted; values match in any case. STATUS is coloured on a terminal. \
      -o wide adds the URL and, for Failed models, the reason, which LISA keeps only in its models table \
      (read with the AWS access the environment gives; name: LISA_MODEL_TABLE, else SSM \
      <deploymentPrefix>/modelTableName). -o json prints one object per model: modelId, modelName, \
      modelType, hostingType, status, streaming, instanceType, modelUrl. -o id prints the ids, one per \
      line. No models is not an error.

      LISA refuses to list any model while one stored item is invalid (e.g. streaming: null). With the \
      models table, lisa then names that model and its field on stderr and lists the others (exit 3); \
      without it, it says which field LISA named (exit 1).

      Exit status: 0 ok, 1 LISA cannot list its models, 3 listed all but models LISA cannot read, 4 the \
      credential was rejected, 64 an unknown filter value, 69 LISA unreachable.
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
    let format = try session.format(default: .table, allowed: [.table, .wide, .json, .yaml, .jsonl, .id])
    let wantedStatus = try Self.filter(status, "--status", "a model status", ModelStatus.names, ModelStatus.init(userText:))
    let wantedType = try Self.filter(
      type, "--type", "a model type", ModelSchema.modelTypes.joined(separator: ", "),
      { text in ModelSchema.modelTypes.first { $0 == text.lowercased() } })
    let wantedHosting = try Self.filter(
      hosting, "--hosting", "a hosting type", ModelSchema.hostingTypes.joined(separator: ", "), HostingType.init(userText:))
    if let limit, limit < 1 { throw LisaError.usage("--limit must be at least 1") }
    let catalog = try await session.modelCatalog()
    let listing = try await catalog.list()
    listing.warnings.forEach(session.warn)
    var models = listing.models
    if let wantedStatus { models = models.filter { $0.status == wantedStatus } }
    if let wantedType { models = models.filter { $0.type == wantedType } }
    if let wantedHosting { models = models.filter { $0.hosting == wantedHosting } }
    models.sort { $0.id < $1.id }
    if let limit { models = Array(models.prefix(limit)) }
    if format == .wide {
      let (completed, note) = await catalog.withFailureReasons(models)
      if let note { session.warn("no failure reasons: \(note)") }
      let rows = completed.map(\.wideRow)
      if !rows.isEmpty { session.output(session.renderer.table(rows, columns: ModelsStyle.wideColumns)) }
    } else if format == .table {
      if !models.isEmpty { session.output(session.renderer.table(models.map(\.summary), columns: ModelsStyle.listColumns)) }
    } else {
      session.output(
        session.renderer.list(models.map(\.summary), format: format, columns: ModelsStyle.listColumns, idKey: "modelId"))
    }
    if format == .table || format == .wide { session.info("\(models.count) model\(models.count == 1 ? "" : "s")") }
    if !listing.unreadable.isEmpty {
      let ids = listing.unreadable.map(\.id).joined(separator: ", ")
      throw LisaError(.partial, "not listed: \(ids), which LISA cannot read", hint: "correct the item in LISA's models table")
    }
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
