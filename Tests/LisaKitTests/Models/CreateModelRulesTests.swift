import Foundation
import Testing

@testable import LisaKit

/// Client-side CreateModelRequest checks, rule by rule, each with the field path it names.
@Suite struct CreateModelRulesTests {
  static let valid = APIFixture.hostedModel

  func check(_ text: String, _ edit: (JSONValue) -> JSONValue = { $0 }) throws -> CheckedRequest {
    let value = try APIFixture.json(text).setting("status", nil).setting("modelUrl", nil)
    return CreateModelRules.check(edit(value))
  }

  func errors(_ result: CheckedRequest) -> [String] { result.errors.map { "\($0.path): \($0.message)" } }

  func editing(_ path: [String], _ value: JSONValue?) -> (JSONValue) -> JSONValue {
    { root in ModelDiff.setting(root, path[...], value ?? .null) }
  }

  @Test func aValidHostedModelPassesAndEnumsAreSentLowerCase() throws {
    let result = try check(Self.valid) {
      $0.setting("modelType", .string("TextGen")).setting("hostingType", .string("LISA-HOSTED")).setting(
        "inferenceContainer", .string("VLLM"))
    }
    #expect(result.diagnostics.isEmpty)
    let body = try #require(result.body)
    #expect(body["modelType"] == .string("textgen"))
    #expect(body["hostingType"] == .string("lisa_hosted"))
    #expect(body["inferenceContainer"] == .string("vllm"))
  }

  @Test func numbersAndStringsAreNormalisedAsPydanticWould() throws {
    let result = try check(Self.valid) { root in
      var edited = self.editing(["autoScalingConfig", "cooldown"], .string("420"))(root)
      edited = self.editing(["containerConfig", "sharedMemorySize"], .number("2048.0"))(edited)
      return self.editing(["containerConfig", "environment"], .object([("N", .number("8")), ("B", .bool(true))]))(edited)
    }
    let body = try #require(result.body)
    #expect(body["autoScalingConfig"]?["cooldown"] == .number("420"))
    #expect(body["containerConfig"]?["sharedMemorySize"] == .number("2048"))
    #expect(body["containerConfig"]?["environment"] == .object([("N", .string("8")), ("B", .string("true"))]))
  }

  @Test func capacityOrdering() throws {
    let result = try check(Self.valid, editing(["autoScalingConfig", "minCapacity"], .number("5")))
    #expect(
      errors(result) == [
        "autoScalingConfig.minCapacity: must not exceed maxCapacity (5 > 4)",
        "autoScalingConfig.desiredCapacity: must be at least minCapacity (2 < 5)",
      ])
  }

  @Test func allFiveHostingFieldsOrNone() throws {
    let result = try check(Self.valid) { $0.setting("instanceType", nil).setting("loadBalancerConfig", nil) }
    #expect(errors(result).count == 2)
    #expect(
      errors(result)[0].hasPrefix(
        "instanceType: required for a LISA-hosted model: autoScalingConfig, containerConfig, inferenceContainer are set"))
    #expect(errors(result)[1].hasPrefix("loadBalancerConfig: required for a LISA-hosted model"))
    let thirdParty = try check(APIFixture.thirdPartyModel)
    #expect(thirdParty.errors.isEmpty)
  }

  @Test(
    arguments: [
      (
        ["autoScalingConfig", "maxCapacity"], JSONValue.number("1"),
        "autoScalingConfig.desiredCapacity: must not exceed maxCapacity (2 > 1)"
      ),
      (
        ["autoScalingConfig", "desiredCapacity"], .number("0"),
        "autoScalingConfig.desiredCapacity: must be a positive integer (is 0)"
      ),
      (
        ["autoScalingConfig", "desiredCapacity"], .number("9"),
        "autoScalingConfig.desiredCapacity: must not exceed maxCapacity (9 > 4)"
      ),
      (
        ["autoScalingConfig", "defaultInstanceWarmup"], .number("3601"),
        "autoScalingConfig.defaultInstanceWarmup: must be at most 3600 (is 3601)"
      ),
      (
        ["autoScalingConfig", "defaultInstanceWarmup"], .number("0"),
        "autoScalingConfig.defaultInstanceWarmup: must be a positive integer (is 0)"
      ),
      (
        ["autoScalingConfig", "blockDeviceVolumeSize"], .number("29"),
        "autoScalingConfig.blockDeviceVolumeSize: must be at least 30 (is 29)"
      ),
      (
        ["autoScalingConfig", "cooldown"], .number("1.5"), "autoScalingConfig.cooldown: expected an integer, found the number 1.5"
      ),
      (
        ["autoScalingConfig", "metricConfig", "targetValue"], .number("-1"),
        "autoScalingConfig.metricConfig.targetValue: must be at least 0.0 (is -1)"
      ),
      (
        ["containerConfig", "sharedMemorySize"], .bool(true), "containerConfig.sharedMemorySize: expected an integer, found true"
      ),
      (["containerConfig", "image", "baseImage"], .string(""), "containerConfig.image.baseImage: must not be empty"),
      (
        ["containerConfig", "environment"], .object([("", .string("x"))]),
        "containerConfig.environment: empty strings are not allowed as keys"
      ),
      (
        ["loadBalancerConfig", "healthCheckConfig", "path"], nil,
        "loadBalancerConfig.healthCheckConfig.path: required field is null"
      ),
      (["inferenceContainer"], .string("triton"), "inferenceContainer: expected one of 'tgi', 'tei', 'vllm', found 'triton'"),
      (["streaming"], .string("yes"), "streaming: expected true or false, found the string 'yes' (write true or false)"),
      (["modelId"], .string(""), "modelId: must not be empty"),
    ] as [([String], JSONValue?, String)])
  func fieldRules(path: [String], value: JSONValue?, message: String) throws {
    #expect(errors(try check(Self.valid, editing(path, value))) == [message])
  }

  @Test(
    arguments: [
      (JSONValue.string("curl -f http://localhost:8080/health"), nil),
      (.array([.string("CMD-SHELL"), .string("exit 0")]), nil), (.array([.string("CMD"), .string("curl"), .string("-f")]), nil),
      (.string("   "), "the health check command must not be empty"),
      (.array([]), "the health check command list must not be empty"),
      (
        .array([.string("curl"), .string("-f")]), "a health check command list must start with 'CMD' or 'CMD-SHELL', found 'curl'"
      ),
      (.array([.string("CMD")]), "a health check command list needs a command after 'CMD'"),
      (.array([.string("CMD-SHELL"), .string(" ")]), "a health check command list needs a command after 'CMD-SHELL'"),
      (.number("1"), "expected a command string or a list starting with CMD or CMD-SHELL, found the number 1"),
    ] as [(JSONValue, String?)])
  func healthCheckCommandForms(command: JSONValue, problem: String?) throws {
    let result = try check(Self.valid, editing(["containerConfig", "healthCheckConfig", "command"], command))
    if let problem {
      #expect(errors(result).count == 1)
      #expect(errors(result).first?.hasPrefix("containerConfig.healthCheckConfig.command: \(problem)") == true)
    } else {
      #expect(result.errors.isEmpty)
    }
  }

  @Test func embeddingModelsCannotStream() throws {
    let result = try check(APIFixture.thirdPartyModel) { $0.setting("modelType", .string("EMBEDDING")) }
    #expect(errors(result) == ["streaming: an embedding model cannot stream; set streaming: false or drop it"])
  }

  @Test(
    arguments: [
      (nil, "modelUrl: required when hostingType is internal_hosted (the model's load balancer URL)"),
      (
        "https://models.example.com/v1",
        "modelUrl: the host models.example.com must end in .elb.amazonaws.com for an internal_hosted model"
      ),
      ("internal-x.elb.amazonaws.com", "modelUrl: 'internal-x.elb.amazonaws.com' is not a URL with a host"),
      ("https://internal-x-1.us-east-1.elb.amazonaws.com/v1", nil),
    ] as [(String?, String?)])
  func internalModelsNeedAnELBURL(url: String?, problem: String?) throws {
    let result = try check(APIFixture.thirdPartyModel) { root in
      root.setting("hostingType", .string("INTERNAL_HOSTED")).setting("modelUrl", url.map { .string($0) })
    }
    #expect(errors(result).first.map { $0.hasPrefix(problem ?? "-") } ?? (problem == nil))
  }

  @Test func unknownFieldsAreWarnedAboutWithSuggestionsAndNotSent() throws {
    let result = try check(APIFixture.thirdPartyModel) {
      $0.setting("modelDescripton", .string("typo")).setting("status", .string("x"))
    }
    #expect(result.errors.isEmpty)
    #expect(result.warnings.map(\.path) == ["modelDescripton", "status"])
    #expect(result.warnings.first?.message.hasSuffix("did you mean 'modelDescription'?") == true)
    #expect(result.body?["modelDescripton"] == nil)
  }

  @Test func missingRequiredFieldsAndLinesFromAYAMLFile() throws {
    let yaml = "modelId: m1\nmodelType: chat\nautoScalingConfig:\n  minCapacity: 0\n"
    let root = try YAMLLoader.parse(text: yaml, file: "m.yaml")
    let result = CreateModelRules.check(root.json) { ModelFile.locate($0, in: root) }
    let lines = result.errors.map(\.line)
    #expect(
      lines.contains("m.yaml:2:1: error: modelType: expected one of 'textgen', 'imagegen', 'videogen', 'embedding', found 'chat'")
    )
    #expect(
      lines.contains(
        "m.yaml:4:3: error: autoScalingConfig.minCapacity: must be a positive integer: LISA takes no 0 here (its update "
          + "would skip a 0 even if the API let it through); to scale a model to zero, stop it (lisa models stop m1)"))
    #expect(lines.contains("m.yaml:3:1: error: autoScalingConfig.maxCapacity: required field is missing"))
    #expect(lines.contains("m.yaml:1:1: error: modelName: required field is missing"))
  }
}
