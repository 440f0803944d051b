import Foundation

/// Field shapes of LISA's pydantic request models (`lambda/models/domain_objects.py`), as `lisa`
/// checks and normalises them before sending: enums are accepted in any case and sent in LISA's
/// case, integer-valued numbers and digit strings become integers, unknown keys are reported.
public indirect enum FieldShape: Sendable {
  case string(nonEmpty: Bool = false)
  case bool
  case integer(min: Int? = nil, max: Int? = nil)
  case decimal(min: Double? = nil)
  /// Wire values in LISA's case; input matches ignoring case and `-`/`_`.
  case choice([String])
  case object([FieldSpec])
  /// `dict[str, str]`: numbers and booleans in YAML become their text.
  case stringMap(nonEmptyKeys: Bool)
  case map(FieldShape)
  case list(FieldShape)
  /// `str | list[str]`, checked as `healthcheck_validator.py` does.
  case healthCheckCommand
  case schedule
  /// `dict[str, Any]` values (`customFields`): taken as written.
  case anything

  var expected: String {
    switch self {
    case .string: "a string"
    case .bool: "true or false"
    case .integer: "an integer"
    case .decimal: "a number"
    case .choice(let values): "one of " + values.map { "'\($0)'" }.joined(separator: ", ")
    case .object, .stringMap, .map, .schedule: "a mapping"
    case .list: "a list"
    case .healthCheckCommand: "a command string or a list starting with CMD or CMD-SHELL"
    case .anything: "any value"
    }
  }
}

public struct FieldSpec: Sendable {
  public var name: String
  public var shape: FieldShape
  public var required: Bool

  public init(_ name: String, _ shape: FieldShape, required: Bool = false) {
    self.name = name
    self.shape = shape
    self.required = required
  }
}

/// The request shapes LISA's pydantic models define (docs/lisa/models-api.md#requests).
public enum ModelSchema {
  public static let modelTypes = ["textgen", "imagegen", "videogen", "embedding"]
  public static let hostingTypes = HostingType.allCases.map(\.rawValue)
  public static let inferenceContainers = ["tgi", "tei", "vllm"]
  /// The five fields that together make a model LISA-hosted.
  public static let hostingFields = [
    "autoScalingConfig", "containerConfig", "inferenceContainer", "instanceType", "loadBalancerConfig",
  ]

  static let positive = FieldShape.integer(min: 1)
  static let strings = FieldShape.list(.string())

  static let feature = FieldShape.object([
    FieldSpec("name", .string(), required: true), FieldSpec("overview", .string(), required: true),
  ])

  static let guardrail = FieldShape.object([
    FieldSpec("guardrailName", .string(nonEmpty: true), required: true),
    FieldSpec("guardrailIdentifier", .string(nonEmpty: true), required: true),
    FieldSpec("guardrailVersion", .string()),
    FieldSpec("mode", .choice(["pre_call", "during_call", "post_call"])),
    FieldSpec("description", .string()),
    FieldSpec("allowedGroups", strings),
    FieldSpec("markedForDeletion", .bool),
  ])

  static let containerConfig = FieldShape.object([
    FieldSpec(
      "image",
      .object([
        FieldSpec("baseImage", .string(nonEmpty: true), required: true),
        FieldSpec("type", .string(nonEmpty: true), required: true),
      ]),
      required: true),
    FieldSpec("sharedMemorySize", positive, required: true),
    FieldSpec(
      "healthCheckConfig",
      .object([
        FieldSpec("command", .healthCheckCommand, required: true), FieldSpec("interval", positive, required: true),
        FieldSpec("startPeriod", positive, required: true), FieldSpec("timeout", positive, required: true),
        FieldSpec("retries", positive, required: true),
      ]), required: true),
    FieldSpec("environment", .stringMap(nonEmptyKeys: true)),
    FieldSpec("memoryReservation", .integer(min: 0)),
  ])

  static let autoScalingConfig = FieldShape.object([
    FieldSpec("minCapacity", positive, required: true), FieldSpec("maxCapacity", positive, required: true),
    FieldSpec("desiredCapacity", positive), FieldSpec("cooldown", positive, required: true),
    FieldSpec("defaultInstanceWarmup", .integer(min: 1, max: 3600), required: true),
    FieldSpec("blockDeviceVolumeSize", .integer(min: 30)),
    FieldSpec(
      "metricConfig",
      .object([
        FieldSpec("albMetricName", .string(nonEmpty: true)), FieldSpec("targetValue", .decimal(min: 0)),
        FieldSpec("duration", positive, required: true), FieldSpec("estimatedInstanceWarmup", positive, required: true),
      ]), required: true),
    FieldSpec("scheduling", .schedule),
  ])

  static let loadBalancerConfig = FieldShape.object([
    FieldSpec(
      "healthCheckConfig",
      .object(
        ["path", "interval", "timeout", "healthyThresholdCount", "unhealthyThresholdCount"].map {
          FieldSpec($0, $0 == "path" ? .string(nonEmpty: true) : positive, required: true)
        }), required: true)
  ])

  /// `CreateModelRequest`.
  public static let create: [FieldSpec] = [
    FieldSpec("modelId", .string(nonEmpty: true), required: true),
    FieldSpec("modelName", .string(nonEmpty: true), required: true),
    FieldSpec("modelType", .choice(modelTypes), required: true),
    FieldSpec("modelDescription", .string()),
    FieldSpec("modelUrl", .string()),
    FieldSpec("streaming", .bool),
    FieldSpec("features", .list(feature)),
    FieldSpec("allowedGroups", strings),
    FieldSpec("apiKey", .string()),
    FieldSpec("guardrailsConfig", .map(guardrail)),
    FieldSpec("hostingType", .choice(hostingTypes)),
    FieldSpec("inferenceContainer", .choice(inferenceContainers)),
    FieldSpec("instanceType", .string(nonEmpty: true)),
    FieldSpec("containerConfig", containerConfig),
    FieldSpec("autoScalingConfig", autoScalingConfig),
    FieldSpec("loadBalancerConfig", loadBalancerConfig),
  ]

  /// Fields of `UpdateModelRequest` that only describe the model (all a third-party model may change).
  public static let metadataFields = [
    "modelType", "modelDescription", "streaming", "allowedGroups", "features", "guardrailsConfig",
  ]

  /// `UpdateModelRequest`.
  public static let update: [FieldSpec] = [
    FieldSpec(
      "autoScalingInstanceConfig",
      .object([
        FieldSpec("minCapacity", positive), FieldSpec("maxCapacity", positive), FieldSpec("desiredCapacity", positive),
        FieldSpec("cooldown", positive), FieldSpec("defaultInstanceWarmup", .integer(min: 1, max: 3600)),
      ])),
    FieldSpec("enabled", .bool),
    FieldSpec("modelType", .choice(modelTypes)),
    FieldSpec("modelDescription", .string()),
    FieldSpec("streaming", .bool),
    FieldSpec("allowedGroups", strings),
    FieldSpec("features", .list(feature)),
    FieldSpec("guardrailsConfig", .map(guardrail)),
    FieldSpec(
      "containerConfig",
      .object([
        FieldSpec("environment", .stringMap(nonEmptyKeys: true)), FieldSpec("sharedMemorySize", positive),
        FieldSpec("healthCheckCommand", .healthCheckCommand), FieldSpec("healthCheckInterval", positive),
        FieldSpec("healthCheckTimeout", positive), FieldSpec("healthCheckStartPeriod", positive),
        FieldSpec("healthCheckRetries", positive),
      ])),
  ]
}
