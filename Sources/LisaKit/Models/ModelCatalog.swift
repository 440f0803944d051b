import Foundation

/// What the models table says about why a model failed.
public enum FailureReason: Sendable {
  case recorded(String)
  case none
  /// The table could not be read.
  case unreadable(LisaError)

  public var text: String {
    switch self {
    case .recorded(let reason): reason
    case .none: "LISA recorded no failure_reason for it"
    case .unreadable(let error):
      "LISA keeps the reason only in its models table (failure_reason), which lisa could not read: \(error.message)"
    }
  }
}

/// A stored model LISA's API cannot show, known from the models table.
public struct UnreadableModel: Sendable {
  public var stored: StoredModel
  /// What LISA said about it (the field and why), or why no route reaches it.
  public var problem: String

  public var id: String { stored.id }
}

/// The deployment's models: what LISA shows, and the stored ones it cannot.
public struct ModelListing: Sendable {
  public var models: [ModelInfo]
  public var unreadable: [UnreadableModel] = []

  public init(models: [ModelInfo], unreadable: [UnreadableModel] = []) {
    self.models = models
    self.unreadable = unreadable
  }

  /// One line per unreadable model, for stderr.
  public var warnings: [String] {
    unreadable.map {
      "model '\($0.id)' is stored in a form LISA cannot read (\($0.problem)); GET /models fails for every caller "
        + "until its item in the models table is corrected"
    }
  }
}

/// LISA's models through its API, completed from its models table where the API is silent: failure
/// reasons, third-party API keys, and the listing LISA refuses when one stored item is invalid
/// (docs/lisa/models-api.md#table). The table is optional; without it each answer says what is missing.
public struct ModelCatalog: Sendable {
  public let api: ModelsAPI
  public let table: ModelTableAccess

  public init(api: ModelsAPI, table: ModelTableAccess) {
    self.api = api
    self.table = table
  }

  /// Every model. When LISA refuses the whole list over one stored item, the table's ids are asked one by
  /// one, which LISA answers for every model but the broken ones; without the table that refusal is the error.
  public func list() async throws -> ModelListing {
    let problem: StoredModelProblem
    switch try await api.listing() {
    case .models(let models): return ModelListing(models: models)
    case .refused(let refused): problem = refused
    }
    let stored: [StoredModel]
    switch await table.read({ try await $0.all() }) {
    case .failure(let error): throw problem.listError(table: error.message)
    case .success(let items): stored = items
    }
    let api = self.api
    let answers = try await stored.concurrentMap(limit: 8) { item -> (StoredModel, ModelInfo?, String?) in
      do {
        return (item, try await api.find(item.id), nil)
      } catch let error as LisaError where error.status == .failure || error.status == .invalid {
        return (item, nil, error.message)
      }
    }
    var listing = ModelListing(models: [])
    for (item, model, problem) in answers {
      if let model { listing.models.append(model) }
      if let problem {
        listing.unreadable.append(UnreadableModel(stored: item, problem: Self.shortProblem(problem, id: item.id)))
      }
    }
    return listing
  }

  static func shortProblem(_ message: String, id: String) -> String {
    let prefix = "model '\(id)': LISA cannot read what it stored: "
    return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
  }

  /// One model, with its failure reason when it is Failed; `note` says why the reason is missing, if it is.
  public func get(_ id: String) async throws -> (model: ModelInfo, note: String?) {
    let (models, note) = await withFailureReasons([try await api.get(id)])
    return (models[0], note)
  }

  /// The models, each Failed one with its reason from the table; `note`, once, when the table could not be read.
  public func withFailureReasons(_ models: [ModelInfo]) async -> (models: [ModelInfo], note: String?) {
    var result: [ModelInfo] = []
    var note: String?
    for model in models {
      guard model.status == .failed, model.failureReason == nil else {
        result.append(model)
        continue
      }
      switch await failureReason(model.id) {
      case .recorded(let reason): result.append(model.settingFailureReason(reason))
      case .none: result.append(model)
      case .unreadable(let error):
        result.append(model)
        note = FailureReason.unreadable(error).text
      }
    }
    return (result, note)
  }

  /// Why the model failed, as LISA wrote it in the table.
  public func failureReason(_ id: String) async -> FailureReason {
    switch await table.read({ try await $0.model(id) }) {
    case .success(let stored): return stored?.failureReason.map(FailureReason.recorded) ?? .none
    case .failure(let error): return .unreadable(error)
    }
  }

  /// Every stored third-party API key by model id; the reason when the table cannot be read.
  public func apiKeys() async -> Result<[String: String], LisaError> {
    await table.read { table in
      var keys: [String: String] = [:]
      for model in try await table.all() { keys[model.id] = model.apiKey }
      return keys
    }
  }
}

extension Array where Element: Sendable {
  /// `transform` on every element, at most `limit` at a time, results in the elements' order.
  func concurrentMap<T: Sendable>(limit: Int, _ transform: @escaping @Sendable (Element) async throws -> T) async throws -> [T] {
    try await withThrowingTaskGroup(of: (Int, T).self) { group in
      var results = [T?](repeating: nil, count: count)
      var next = 0
      for _ in 0..<Swift.min(limit, count) {
        let index = next
        group.addTask { (index, try await transform(self[index])) }
        next += 1
      }
      while let (index, value) = try await group.next() {
        results[index] = value
        if next < count {
          let index = next
          group.addTask { (index, try await transform(self[index])) }
          next += 1
        }
      }
      return results.compactMap { $0 }
    }
  }
}
