import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// v2.0 and v3.0 files keep whole model definitions in `ecsModels`; the migration reduces them to
/// what LISA v3.1+ reads and carries the rest over as create requests.
@Suite struct LegacyModelsMigrationTests {
  func fixture(_ name: String) throws -> String {
    try String(contentsOf: TestPaths.fixture(name), encoding: .utf8)
  }

  @Test(arguments: [("v2.0/config.yaml", "dev", 4), ("v2.0/config.yaml", "prod", 1), ("v3.0/config.yaml", "staging", 2)])
  func oldFilesMigrateValidateAndCarryTheirModels(file: String, env: String, models: Int) throws {
    let result = try migrate(try fixture(file), env: env)
    #expect(result.errors.isEmpty, "\(result.errors.map(\.line))")
    let ecsModels = result.node.lookup(["ecsModels"])?.sequence?.items ?? []
    for item in ecsModels {
      #expect(item.value.mapping?.keys == ["modelName", "inferenceContainer", "baseImage"])
    }
    #expect(result.models.models.count == models)
    for model in result.models.models {
      let checked = CreateModelRules.check(model.request)
      #expect(checked.errors.isEmpty, "\(model.origin): \(checked.errors.map(\.line))")
      #expect(checked.body == model.request, "the written request is already what LISA would be sent")
    }
  }

  @Test func imagesComeFromEitherNestedShape() throws {
    let result = try migrate(try fixture("v3.0/config.yaml"))
    #expect(result.environment == "staging")
    let images = (result.node.lookup(["ecsModels"])?.sequence?.items ?? []).map { $0.value.mapping?["baseImage"]?.scalar?.text }
    #expect(images == ["vllm/vllm-openai:v0.4.2", "ghcr.io/huggingface/text-embeddings-inference:1.2.3"])
    let rewrites = result.report.changed.filter { $0.path.hasPrefix("ecsModels[") }.map(\.detail)
    #expect(rewrites.count == 2)
    #expect(rewrites[0].contains("baseImage from containerConfig.image.baseImage"))
    #expect(rewrites[1].contains("baseImage from containerConfig.baseImage.baseImage"))
    #expect(rewrites[1].contains("were dropped (--models-out FILE keeps them as a create request)"))
    let bge = try #require(result.models.models.first { $0.modelId == "bge-large" })
    #expect(
      bge.request["containerConfig"]?["image"]?["baseImage"]?.stringValue == "ghcr.io/huggingface/text-embeddings-inference:1.2.3"
    )
    #expect(bge.request["autoScalingConfig"]?["metricConfig"]?["albMetricName"]?.stringValue == "RequestCountPerTarget")
    #expect(result.models.notes.contains { $0.contains("'bge-large': deploy was false") })
  }

  @Test func requestsKeepEverySettingTheOperatorWasToldToBackUp() throws {
    let result = try migrate(try fixture("v2.0/config.yaml"))
    let mistral = try #require(result.models.models.first { $0.modelId == "mistral7b" }).request
    #expect(mistral["modelName"]?.stringValue == "mistralai/Mistral-7B-Instruct-v0.2")
    #expect(mistral["instanceType"]?.stringValue == "g5.xlarge")
    #expect(mistral["inferenceContainer"]?.stringValue == "tgi")
    #expect(mistral["streaming"] == .bool(true))
    #expect(mistral["containerConfig"]?["image"]?["type"]?.stringValue == "asset")
    #expect(mistral["containerConfig"]?["image"]?["path"] == nil)
    #expect(mistral["containerConfig"]?["environment"]?["MAX_TOTAL_TOKENS"] == .string("2048"))
    #expect(mistral["autoScalingConfig"]?["maxCapacity"]?.intValue == 2)
    #expect(mistral["loadBalancerConfig"]?["healthCheckConfig"]?["path"]?.stringValue == "/health")
    let partner = try #require(result.models.models.first { $0.modelId == "partner-gpt" })
    #expect(partner.request["modelName"]?.stringValue == "openai/partner/gpt-4o")
    #expect(partner.hasAPIKey)
    let haiku = try #require(result.models.models.first { $0.modelId == "claude-haiku" })
    #expect(!haiku.hasAPIKey, "api_key: ignored is LiteLLM's placeholder, not a key")
    #expect(result.models.notes.contains { $0.contains("litellm_params.api_base has no field") })
    let document = result.models.document(source: "config.yaml", environment: "dev")
    let reread = try ModelFile.load(path: try write(document), displayName: "models.yaml")
    #expect(reread.map(\.modelId) == ["mistral7b", "e5v2", "claude-haiku", "partner-gpt"])
    #expect(reread.map(\.request) == result.models.models.map(\.request))
  }

  @Test func valuesLisaWouldRefuseAreReportedAtTheirLine() throws {
    let text = try fixture("v2.0/config.yaml").replacingOccurrences(
      of: "        sharedMemorySize: 4096\n", with: "        sharedMemorySize: 0\n")
    let result = try migrate(text, env: "prod")
    let model = try #require(result.models.models.first)
    let error = try #require(model.diagnostics.first { $0.severity == .error })
    #expect(error.path == "containerConfig.sharedMemorySize")
    let line = text.components(separatedBy: "\n").firstIndex(of: "        sharedMemorySize: 0").map { $0 + 1 }
    #expect(error.location?.line == line)
  }

  @Test func aRequiredKeyWithASafeEmptyValueIsAdded() throws {
    let text = try fixture("v3.0/config.yaml").replacingOccurrences(of: "  ragRepositories: []\n  ecsModels: []\n", with: "")
    let result = try migrate(text, env: "dev")
    #expect(result.errors.isEmpty, "\(result.errors.map(\.line))")
    #expect(result.node.lookup(["ragRepositories"])?.sequence?.items.isEmpty == true)
    #expect(result.report.changed.contains { $0.path == "ragRepositories" && $0.detail.hasPrefix("added as []") })
    #expect(result.yaml.contains("ragRepositories: []\n"))
  }

  @Test func aMissingAuthConfigStaysAnErrorNamingTheField() throws {
    let text = try fixture("v3.1/config.yaml")
    let result = try migrate(text)
    #expect(result.errors.map(\.path).contains("authConfig.authority"))
  }

  @Test func didYouMeanSuggestsTyposOnly() {
    let keys = ["modelName", "inferenceContainer", "baseImage", "deploymentName", "region", "db_key"]
    #expect(ConfigValidator.suggest("modelType", among: keys) == nil)
    #expect(ConfigValidator.suggest("deploymentNmae", among: keys) == "deploymentName")
    #expect(ConfigValidator.suggest("regoin", among: keys) == "region")
    #expect(ConfigValidator.suggest("dbKey", among: keys) == "db_key")
    #expect(ConfigValidator.suggest("baseImg", among: keys) == nil)
  }

  func write(_ text: String) throws -> String {
    let url = TestPaths.temporaryDirectory("legacy-models").appendingPathComponent("models.yaml")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }
}
