import Foundation

/// LISA's Model Management API (docs/lisa/models-api.md#routes) over `LisaAPIClient`. Calls that change a model are not
/// repeated blindly after an unclear failure: each asks the server first whether it took effect.
public struct ModelsAPI: Sendable {
  public let client: LisaAPIClient

  public init(client: LisaAPIClient) {
    self.client = client
  }

  static func resource(_ id: String) -> String { "model '\(id)'" }

  /// What `GET /models` gave: every model the credential may see, or, when one stored item is one LISA
  /// cannot read, nothing but pydantic's words about it (docs/lisa/models-api.md#table).
  public enum Listing: Sendable {
    case models([ModelInfo])
    case refused(StoredModelProblem)
  }

  public func listing() async throws -> Listing {
    let request = APIRequest(.get, ["models"], resource: "models")
    let response = try await client.send(request, accepting: [400])
    if response.status == 400 {
      guard let problem = StoredModelProblem(response.body) else { throw client.error(for: response, request: request) }
      return .refused(problem)
    }
    guard let items = response.json["models"]?.arrayItems else {
      throw LisaError(.failure, "\(request.summary) answered without a 'models' list")
    }
    return .models(try items.map(ModelInfo.init))
  }

  /// `GET /models`, failing when LISA cannot list (see `ModelCatalog` for the way around).
  public func list() async throws -> [ModelInfo] {
    switch try await listing() {
    case .models(let models): return models
    case .refused(let problem): throw problem.listError(table: nil)
    }
  }

  /// `GET /models/{id}`; a missing model exits 5.
  public func get(_ id: String) async throws -> ModelInfo {
    let (model, response, request) = try await lookup(id)
    guard let model else { throw client.error(for: response, request: request) }
    return model
  }

  /// The model, or nil when LISA says it does not exist.
  public func find(_ id: String) async throws -> ModelInfo? {
    try await lookup(id).0
  }

  private func lookup(_ id: String) async throws -> (ModelInfo?, APIResponse, APIRequest) {
    let request = APIRequest(.get, ["models", id], resource: Self.resource(id))
    let response = try await client.send(request, accepting: [400, 404])
    switch response.status {
    case 404: return (nil, response, request)
    case 400:
      guard let problem = StoredModelProblem(response.body) else { throw client.error(for: response, request: request) }
      throw problem.modelError(id)
    default: return (try Self.model(in: response.json, id: id), response, request)
    }
  }

  /// `POST /models`. Returns the new model (status Creating), or nil when a check after an unclear
  /// failure found it created.
  public func create(_ body: JSONValue) async throws -> ModelInfo? {
    let id = body["modelId"]?.stringValue ?? ""
    let api = self
    let request = APIRequest(
      .post, ["models"], body: body, resource: Self.resource(id), tookEffect: { try await api.find(id) != nil })
    let response = try await client.send(request)
    return response.confirmedByCheck ? nil : try Self.model(in: response.json, id: id)
  }

  /// `PUT /models/{id}`. LISA answers with the model as it was before the change.
  public func update(_ id: String, body: JSONValue, statusBefore: String) async throws {
    let api = self
    let request = APIRequest(
      .put, ["models", id], body: body, resource: Self.resource(id),
      tookEffect: { try await api.find(id).map { $0.statusText != statusBefore } ?? false })
    _ = try await client.send(request)
  }

  /// `DELETE /models/{id}`. A model in use by a RAG repository is a 409 that names it.
  public func delete(_ id: String) async throws {
    let api = self
    let request = APIRequest(
      .delete, ["models", id], resource: Self.resource(id),
      tookEffect: {
        guard let model = try await api.find(id) else { return true }
        return model.status == .deleting
      })
    _ = try await client.send(request)
  }

  /// `GET /models/{id}/schedule`: `{modelId, scheduling, nextScheduledAction}`, or nil when the model has no
  /// schedule, which LISA answers with a 400 about `'NoneType'` (docs/lisa/models-api.md#schedules).
  public func schedule(_ id: String) async throws -> JSONValue? {
    let request = APIRequest(.get, ["models", id, "schedule"], resource: "schedule of \(Self.resource(id))")
    let response = try await client.send(request, accepting: [400])
    if response.status == 400 {
      guard APIErrorMapper.serverMessage(response.body)?.contains(Self.noSchedule) == true else {
        throw client.error(for: response, request: request)
      }
      return nil
    }
    let scheduling = response.json["scheduling"]
    if scheduling == nil || scheduling?.isNull == true || scheduling?.objectPairs?.isEmpty == true { return nil }
    return response.json
  }

  static let noSchedule = "'NoneType' object has no attribute 'get'"

  /// `PUT /models/{id}/schedule` with a `SchedulingConfig`; setting the same schedule twice is harmless.
  public func setSchedule(_ id: String, _ config: JSONValue) async throws -> JSONValue {
    try await client.json(
      APIRequest(.put, ["models", id, "schedule"], body: config, resource: "schedule of \(Self.resource(id))", retrySafe: true))
  }

  /// `DELETE /models/{id}/schedule`.
  public func deleteSchedule(_ id: String) async throws -> JSONValue {
    try await client.json(
      APIRequest(.delete, ["models", id, "schedule"], resource: "schedule of \(Self.resource(id))", retrySafe: true))
  }

  /// `GET /models/metadata/instances`: the EC2 instance types LISA accepts.
  public func instanceTypes() async throws -> [String] {
    let value = try await client.json(APIRequest(.get, ["models", "metadata", "instances"], resource: "instance types"))
    return value.arrayItems?.compactMap(\.stringValue) ?? []
  }

  static func model(in body: JSONValue, id: String) throws -> ModelInfo {
    guard let model = body["model"] else {
      throw LisaError(.failure, "LISA's answer about \(resource(id)) has no 'model' object")
    }
    return try ModelInfo(json: model)
  }
}
