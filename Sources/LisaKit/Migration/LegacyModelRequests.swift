import Foundation

/// The models an old config defined, as create requests for LISA's Model Management API: every
/// `ecsModels` entry of a v2.0/v3.0 file (LISA-hosted) and every `litellmConfig.model_list` entry
/// (third-party). LISA v3 deleted those models on upgrade; `lisa models apply -f` re-creates them
/// from this (docs/lisa/config.md, "Models in old config files").
public struct LegacyModelRequests: Sendable {
  public struct Model: Sendable {
    /// The request as `lisa models create -f` would send it, or as written when LISA would refuse it.
    public var request: JSONValue
    /// `ecsModels[0]` or `litellmConfig.model_list[1]`, with the line it starts on.
    public var origin: String
    public var line: Int?
    /// Findings of LISA's create rules, at the source file's lines.
    public var diagnostics: [ConfigDiagnostic]
    public var modelId: String { request["modelId"]?.stringValue ?? "" }
    public var hasAPIKey: Bool { request["apiKey"] != nil }
  }

  public var models: [Model] = []
  /// What has no place in a create request, one line each.
  public var notes: [String] = []

  public var errorCount: Int { models.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .error }.count } }

  /// From one environment block as written (before `ecsModels` is reduced).
  public init(config: YAMLMapping) {
    for (index, item) in (config["ecsModels"]?.sequence?.items ?? []).enumerated() {
      guard let entry = item.value.mapping, entry.keys.contains(where: { !EcsModelsRewrite.keptKeys.contains($0) }) else {
        continue
      }
      models.append(hosted(entry, origin: "ecsModels[\(index)]"))
    }
    let list = config["litellmConfig"]?.mapping?["model_list"]?.sequence?.items ?? []
    for (index, item) in list.enumerated() {
      guard let entry = item.value.mapping else { continue }
      models.append(thirdParty(entry, origin: "litellmConfig.model_list[\(index)]"))
    }
  }

  /// The YAML `lisa models apply -f` reads (the layout `lisa models export` writes).
  public func document(source: String, environment: String) -> String {
    let keys = models.filter(\.hasAPIKey).count
    var header = "# \(models.count) model\(models.count == 1 ? "" : "s") from \(source), environment '\(environment)',"
    header += " as LISA create requests (lisa migrate config --models-out).\n"
    header += "# After the upgrade: lisa models apply -f FILE --dry-run, then without --dry-run.\n"
    if keys > 0 { header += "# Holds \(keys) third-party API key\(keys == 1 ? "" : "s") copied from the old config.\n" }
    let body = JSONValue.object([("models", .array(models.map(\.request)))])
    return header + YAMLEmitter(includeComments: false).emit(Renderer.yamlNode(body))
  }

  // MARK: - One model

  /// A LISA-hosted model: the v2/v3.0 `ecsModels` entry with its image moved to `containerConfig.image`
  /// and `AlbMetricName` spelled as the API spells it.
  mutating func hosted(_ entry: YAMLMapping, origin: String) -> Model {
    var request = RequestBuilder(source: .mapping(entry))
    let name = entry["modelName"]?.scalar?.text ?? ""
    if entry["modelId"] != nil {
      request.take(["modelId"], from: ["modelId"])
    } else {
      let derived = Self.slug(name)
      request.set(["modelId"], .string(derived))
      notes.append("\(origin): no modelId; using '\(derived)' (from modelName)")
    }
    for key in ["modelName", "modelType", "modelDescription", "streaming", "instanceType", "inferenceContainer"] {
      request.take([key], from: [key])
    }
    if entry["modelType"] == nil {
      let guessed = entry["inferenceContainer"]?.scalar?.text.lowercased() == "tei" ? "embedding" : "textgen"
      request.set(["modelType"], .string(guessed))
      notes.append("\(origin): no modelType; using '\(guessed)' (from inferenceContainer)")
    }
    let container = YAMLNode.mapping(entry).lookup(["containerConfig"])?.mapping
    let imagePath = container?["image"] != nil ? ["containerConfig", "image"] : ["containerConfig", "baseImage"]
    request.take(["containerConfig", "image", "baseImage"], from: imagePath + ["baseImage"])
    if YAMLNode.mapping(entry).lookup(imagePath + ["type"]) != nil {
      request.take(["containerConfig", "image", "type"], from: imagePath + ["type"])
    } else {
      request.set(["containerConfig", "image", "type"], .string("asset"))
    }
    for key in ["sharedMemorySize", "healthCheckConfig", "environment", "memoryReservation"] {
      request.take(["containerConfig", key], from: ["containerConfig", key])
    }
    for key in ["minCapacity", "maxCapacity", "desiredCapacity", "cooldown", "defaultInstanceWarmup", "blockDeviceVolumeSize"] {
      request.take(["autoScalingConfig", key], from: ["autoScalingConfig", key])
    }
    let metric = ["autoScalingConfig", "metricConfig"]
    let albName = YAMLNode.mapping(entry).lookup(metric + ["AlbMetricName"]) != nil ? "AlbMetricName" : "albMetricName"
    request.take(metric + ["albMetricName"], from: metric + [albName])
    for key in ["targetValue", "duration", "estimatedInstanceWarmup"] { request.take(metric + [key], from: metric + [key]) }
    request.take(["loadBalancerConfig"], from: ["loadBalancerConfig"])
    if entry["deploy"]?.scalar?.resolved == .bool(false) {
      notes.append("\(origin) '\(request.value["modelId"]?.stringValue ?? name)': deploy was false, so it was not running")
    }
    return finish(request, origin: origin, line: entry.location?.line)
  }

  /// A third-party model from LiteLLM's `model_list`: LISA registers it in LiteLLM itself now.
  mutating func thirdParty(_ entry: YAMLMapping, origin: String) -> Model {
    var request = RequestBuilder(source: .mapping(entry))
    request.take(["modelId"], from: ["model_name"])
    request.take(["modelName"], from: ["litellm_params", "model"])
    if YAMLNode.mapping(entry).lookup(["lisa_params", "model_type"]) != nil {
      request.take(["modelType"], from: ["lisa_params", "model_type"])
    } else {
      request.set(["modelType"], .string("textgen"))
    }
    request.take(["streaming"], from: ["lisa_params", "streaming"])
    let key = YAMLNode.mapping(entry).lookup(["litellm_params", "api_key"])?.scalar?.text ?? ""
    if !key.isEmpty && key.lowercased() != "ignored" { request.take(["apiKey"], from: ["litellm_params", "api_key"]) }
    let params = entry["litellm_params"]?.mapping?.keys ?? []
    for param in params where !["model", "api_key"].contains(param) {
      notes.append("\(origin): litellm_params.\(param) has no field in LISA's create request and is not carried over")
    }
    return finish(request, origin: origin, line: entry.location?.line)
  }

  func finish(_ request: RequestBuilder, origin: String, line: Int?) -> Model {
    let checked = CreateModelRules.check(request.value, locate: request.locate)
    return Model(request: checked.body ?? request.value, origin: origin, line: line, diagnostics: checked.diagnostics)
  }

  /// `mistralai/Mistral-7B-Instruct-v0.2` → `mistral-7b-instruct-v0-2`.
  static func slug(_ name: String) -> String {
    let last = name.split(separator: "/").last.map(String.init) ?? name
    let mapped = last.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
    return String(mapped).split(separator: "-").joined(separator: "-")
  }
}

/// A request assembled from parts of a YAML entry, remembering where each part came from so that
/// LISA's rules can point at the old file's lines.
struct RequestBuilder {
  let source: YAMLNode
  var value = JSONValue.object([])
  var origins: [(target: [String], source: [String])] = []

  mutating func take(_ target: [String], from sourcePath: [String]) {
    guard let node = source.lookup(sourcePath), !node.isNull else { return }
    set(target, node.json)
    origins.append((target, sourcePath))
  }

  mutating func set(_ target: [String], _ newValue: JSONValue) {
    value = Self.setting(value, target[...], newValue)
  }

  static func setting(_ object: JSONValue, _ path: ArraySlice<String>, _ newValue: JSONValue) -> JSONValue {
    guard let first = path.first else { return newValue }
    let child = object[first] ?? .object([])
    return object.setting(first, setting(child, path.dropFirst(), newValue))
  }

  /// The source position of a request field: through the longest part of its path taken from the source.
  var locate: @Sendable (FieldPath) -> SourceLocation? {
    let (source, origins) = (source, origins)
    return { path in
      let keys = path.parts.map { part -> String in
        if case .key(let key) = part { return key }
        if case .index(let index) = part { return String(index) }
        return ""
      }
      let match = origins.filter { keys.starts(with: $0.target) }.max { $0.target.count < $1.target.count }
      guard let match else { return source.location }
      let sourcePath = match.source + keys.dropFirst(match.target.count)
      var parts: [FieldPath.Part] = []
      var node: YAMLNode? = source
      for key in sourcePath {
        if case .sequence(_)? = node, let index = Int(key) {
          parts.append(.index(index))
        } else {
          parts.append(.key(key))
        }
        node = node?.lookup([key])
      }
      return ModelFile.locate(FieldPath(parts), in: source)
    }
  }
}
