import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

/// Export strips what LISA added; plans compare field by field and pick create, update, recreate or delete.
@Suite struct ModelPlanTests {
  func document(_ request: JSONValue) throws -> ModelDocument {
    let checked = CreateModelRules.check(request)
    return ModelDocument(request: try #require(checked.body, "\(checked.errors.map(\.line))"), origin: "models.yaml")
  }

  func exported(_ text: String, status: String = "InService") throws -> JSONValue {
    ModelExport.export(try APIFixture.model(text, status: status)).request
  }

  @Test func exportDropsServerFieldsAndKeysButKeepsTheRequest() throws {
    var stored = try APIFixture.json(APIFixture.hostedModel).setting("litellmId", .string("abc"))
    let scaling = try #require(stored["autoScalingConfig"])
    stored = stored.setting(
      "autoScalingConfig",
      scaling.setting("scheduling", .object([("scheduleEnabled", .bool(false)), ("lastScheduleFailed", .bool(false))])))
    let result = ModelExport.export(try ModelInfo(json: stored))
    #expect(result.request["status"] == nil && result.request["modelUrl"] == nil && result.request["litellmId"] == nil)
    #expect(result.request["autoScalingConfig"]?["scheduling"] == nil)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.line))")
    let thirdParty = ModelExport.export(try APIFixture.model(APIFixture.thirdPartyModel))
    #expect(thirdParty.apiKey == ModelFixtures.thirdPartyKey)
    #expect(!JSONWriter.compact(thirdParty.request).contains(ModelFixtures.thirdPartyKey))
    let internalHosted = try APIFixture.json(APIFixture.thirdPartyModel).setting("hostingType", .string("internal_hosted"))
      .setting("modelUrl", .string("https://internal-a.us-east-1.elb.amazonaws.com/v1"))
    #expect(ModelExport.export(try ModelInfo(json: internalHosted)).request["modelUrl"] != nil)
  }

  @Test func aStoredModelLISAWouldRefuseTodayIsExportedWithWarnings() throws {
    let old = try APIFixture.json(APIFixture.thirdPartyModel).setting("modelType", .string("embedding"))
    let result = ModelExport.export(try ModelInfo(json: old))
    #expect(result.request["modelType"] == .string("embedding"))
    #expect(result.diagnostics.map(\.severity) == [.warning])
    #expect(result.diagnostics.first?.message.hasPrefix("LISA would refuse this today: an embedding model cannot stream") == true)
  }

  @Test func exportedModelsPlanAsUnchanged() throws {
    let models = [try APIFixture.model(APIFixture.hostedModel), try APIFixture.model(APIFixture.thirdPartyModel)]
    let desired = try models.map { try document(ModelExport.export($0).request) }
    let plan = ModelPlan.make(desired: desired, current: models, prune: true, fileName: "models.yaml")
    #expect(plan.items.map(\.action) == [.unchanged, .unchanged])
    #expect(!plan.hasChanges)
  }

  @Test func leftOutFieldsAndDefaultsAreNotChanges() throws {
    let minimal = try APIFixture.json(
      #"{"modelId": "claude", "modelName": "bedrock/anthropic.claude-3", "modelType": "textgen", "streaming": true}"#)
    let current = try APIFixture.model(APIFixture.thirdPartyModel).json.setting("modelDescription", .string("kept")).setting(
      "features", .null)
    let plan = ModelPlan.make(
      desired: [try document(minimal.setting("features", .array([])))], current: [try ModelInfo(json: current)], prune: false,
      fileName: "f")
    #expect(plan.items.first?.action == .unchanged)
  }

  @Test func updatableChangesBecomeOneUpdateRequest() throws {
    var desired = try exported(APIFixture.hostedModel)
    desired = ModelDiff.setting(desired, ["autoScalingConfig", "maxCapacity"], .int(6))
    desired = ModelDiff.setting(desired, ["containerConfig", "environment"], .object([("VLLM_MAX_MODEL_LEN", .string("8192"))]))
    desired = ModelDiff.setting(desired, ["containerConfig", "healthCheckConfig", "retries"], .int(5))
    desired = desired.setting("modelDescription", .string("new"))
    let plan = ModelPlan.make(
      desired: [try document(desired)], current: [try APIFixture.model(APIFixture.hostedModel)], prune: false, fileName: "f")
    let item = try #require(plan.items.first)
    #expect(item.action == .update)
    #expect(
      item.changes.map(\.path) == [
        "containerConfig.healthCheckConfig.retries", "containerConfig.environment.VLLM_MAX_MODEL_LEN",
        "containerConfig.environment.MAX_TOTAL_TOKENS",
        "autoScalingConfig.maxCapacity", "modelDescription",
      ])
    #expect(item.restartsContainer)
    let body = try #require(item.updateBody)
    #expect(body["autoScalingInstanceConfig"] == .object([("maxCapacity", .number("6"))]))
    #expect(body["containerConfig"]?["healthCheckRetries"] == .number("5"))
    // LISA replaces the stored map with the one sent: the whole map goes, the removed variable marked.
    #expect(
      body["containerConfig"]?["environment"]
        == .object([
          ("MAX_TOTAL_TOKENS", .string(ModelDiff.deletionMarker)), ("VLLM_MAX_MODEL_LEN", .string("8192")),
        ]))
    #expect(body["modelDescription"] == .string("new"))
    #expect(plan.text.contains("~ update    mistral-7b [restarts the container: an outage]"))
    #expect(plan.text.contains("    autoScalingConfig.maxCapacity: 4 → 6\n"))
    #expect(plan.text.hasSuffix("Plan: 0 to create, 1 to update, 0 to recreate, 0 to delete, 0 unchanged.\n"))
  }

  @Test func fieldsTheUpdateCannotChangeNeedARecreate() throws {
    let desired = try exported(APIFixture.hostedModel).setting("instanceType", .string("g5.2xlarge"))
    let plan = ModelPlan.make(
      desired: [try document(desired)], current: [try APIFixture.model(APIFixture.hostedModel)], prune: false, fileName: "f")
    #expect(plan.items.first?.action == .recreate)
    #expect(plan.items.first?.note == "the update route cannot change instanceType")
    #expect(plan.json["items"]?.arrayItems?.first?["changes"]?.arrayItems?.first?["needsRecreate"] == .bool(true))
  }

  @Test func failedModelsAreRecreatedAndMissingOnesCreatedAndStrayOnesPruned() throws {
    let failed = try APIFixture.model(APIFixture.hostedModel, status: "Failed")
    let stray = try APIFixture.model(APIFixture.thirdPartyModel)
    let new = try document(try APIFixture.json(#"{"modelId": "new", "modelName": "bedrock/x", "modelType": "textgen"}"#))
    let plan = ModelPlan.make(
      desired: [try document(try exported(APIFixture.hostedModel)), new], current: [failed, stray], prune: true,
      fileName: "models.yaml")
    #expect(plan.items.map(\.action) == [.recreate, .create, .delete])
    #expect(plan.items.last?.note == "not in models.yaml")
    #expect(plan.summary == "1 to create, 0 to update, 1 to recreate, 1 to delete, 0 unchanged")
    let kept = ModelPlan.make(desired: [new], current: [stray], prune: false, fileName: "f")
    #expect(kept.items.map(\.action) == [.create])
  }

  @Test func scheduleChangesGoThroughTheScheduleRoute() throws {
    let schedule = try APIFixture.json(
      #"{"scheduleType": "RECURRING", "timezone": "UTC", "recurringSchedule": {"startTime": "08:00", "stopTime": "18:00"}}"#)
    let desired = ModelDiff.setting(try exported(APIFixture.hostedModel), ["autoScalingConfig", "scheduling"], schedule)
    let item = try #require(
      ModelPlan.make(
        desired: [try document(desired)], current: [try APIFixture.model(APIFixture.hostedModel)], prune: false, fileName: "f"
      ).items.first)
    #expect(item.action == .update && item.updateBody == nil)
    #expect(item.schedule?["scheduleType"] == .string("RECURRING"))
  }

  @Test func sameMeansSameValue() {
    #expect(ModelDiff.same(.number("30"), .number("30.0")))
    #expect(ModelDiff.same(.object([("a", .int(1)), ("b", .null)]), .object([("a", .int(1))])))
    #expect(!ModelDiff.same(.string("1"), .number("1")))
    #expect(!ModelDiff.same(.array([.int(1), .int(2)]), .array([.int(2), .int(1)])))
  }
}
