import Foundation

/// A model as LISA's models table holds it: the parts `GET /models` never shows (the third-party `apiKey`
/// inside `model_config`, `failure_reason`), and the stored config even when LISA itself cannot read it
/// (docs/lisa/models-api.md#table).
public struct StoredModel: Sendable {
  public var id: String
  public var status: String?
  /// `model_config`: the create request as LISA dumped it, updated in place.
  public var config: JSONValue
  public var failureReason: String?
  public var modelURL: String?

  init(item: DynamoDBItem) {
    id = item["model_id"]?.stringValue ?? ""
    status = item["model_status"]?.stringValue
    config = item["model_config"]?.plainJSON ?? .object([])
    failureReason = item["failure_reason"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    modelURL = item["model_url"]?.stringValue
  }

  public var apiKey: String? { config["apiKey"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }

  /// The model in the shape `GET` gives, built from the table: for models LISA cannot show.
  public var asModelInfo: ModelInfo? {
    var json = config.objectPairs == nil ? JSONValue.object([]) : config
    if json["modelId"]?.stringValue == nil { json = json.setting("modelId", .string(id)) }
    json = json.setting("status", .string(status ?? ModelStatus.unknown.rawValue))
    if let modelURL { json = json.setting("modelUrl", .string(modelURL)) }
    if let failureReason { json = json.setting("failureReason", .string(failureReason)) }
    return try? ModelInfo(json: json)
  }
}

/// Read access to LISA's models table (partition key `model_id`). Its name is CloudFormation's, so it comes
/// from `LISA_MODEL_TABLE` (or a flag), else SSM `${deploymentPrefix}/modelTableName`.
public struct ModelsTable: Sendable {
  public static let environmentVariable = "LISA_MODEL_TABLE"
  public let name: String
  /// Where the name came from, for -v and errors.
  public let origin: String
  let dynamoDB: DynamoDBClient

  public init(name: String, origin: String, dynamoDB: DynamoDBClient) {
    self.name = name
    self.origin = origin
    self.dynamoDB = dynamoDB
  }

  /// The table's name: `flag` (named by `flagName`), else the environment variable, else SSM.
  public static func locate(
    flag: String?, flagName: String = "--model-table", environment: [String: String], names: DerivedNames,
    ssm: @autoclosure () throws -> SSMClient
  ) async throws -> (name: String, origin: String) {
    if let flag, !flag.isEmpty { return (flag, flagName) }
    if let value = environment[environmentVariable], !value.isEmpty { return (value, environmentVariable) }
    let parameter = names.value(group: "ssmParameters", key: "modelTableName") ?? "\(names.deploymentPrefix)/modelTableName"
    do {
      let value = try await ssm().getParameter(parameter, withDecryption: false).value
        .trimmingCharacters(in: .whitespacesAndNewlines)
      guard !value.isEmpty else { throw LisaError(.notFound, "SSM parameter \(parameter) is empty") }
      return (value, "SSM parameter \(parameter)")
    } catch let error as LisaError where error.status == .notFound {
      throw LisaError(
        .notFound, "no models table name: \(error.message)",
        hint: "set \(environmentVariable), or check deploymentName/deploymentPrefix in the config")
    }
  }

  public func model(_ id: String) async throws -> StoredModel? {
    try await dynamoDB.getItem(table: name, key: ["model_id": .s(id)], consistentRead: true).map(StoredModel.init(item:))
  }

  /// Every item, page by page.
  public func all() async throws -> [StoredModel] {
    var models: [StoredModel] = []
    for try await page in dynamoDB.scanPages(DynamoDBScanRequest(table: name)) {
      models += page.items.map(StoredModel.init(item:))
    }
    return models
  }
}

/// The models table when lisa can read it, opened once on first use; why not, otherwise. Reading it is
/// optional everywhere: commands say what they could not show and carry on.
public actor ModelTableAccess {
  private let open: @Sendable () async throws -> ModelsTable
  private var outcome: Result<ModelsTable, LisaError>?

  public init(open: @escaping @Sendable () async throws -> ModelsTable) {
    self.open = open
  }

  /// No table: for callers that have no AWS access to offer.
  public static func unavailable(_ reason: String) -> ModelTableAccess {
    ModelTableAccess(open: { throw LisaError(.unavailable, reason) })
  }

  public func table() async -> Result<ModelsTable, LisaError> {
    if let outcome { return outcome }
    let result: Result<ModelsTable, LisaError>
    do {
      result = .success(try await open())
    } catch let error as LisaError {
      result = .failure(error)
    } catch {
      result = .failure(LisaError(.failure, String(describing: error)))
    }
    outcome = result
    return result
  }

  /// Runs `read` on the table; the failure, as one line, when the table cannot be opened or read.
  public func read<T: Sendable>(_ read: @Sendable (ModelsTable) async throws -> T) async -> Result<T, LisaError> {
    switch await table() {
    case .failure(let error): return .failure(error)
    case .success(let table):
      do {
        return .success(try await read(table))
      } catch let error as LisaError {
        return .failure(error)
      } catch {
        return .failure(LisaError(.failure, "reading \(table.name): \(error)"))
      }
    }
  }
}
