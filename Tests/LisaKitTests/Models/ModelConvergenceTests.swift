import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

/// What makes lisa's requests converge with LISA's handlers: whole environment maps, desiredCapacity left
/// alone, values the deployment already holds, pydantic's account of a stored model LISA cannot read.
@Suite struct ModelConvergenceTests {
  let hosted = try? APIFixture.model(APIFixture.hostedModel)

  @Test func environmentChangesBecomeTheWholeMap() throws {
    let model = try #require(hosted)
    let body = try APIFixture.json(
      #"{"containerConfig": {"environment": {"NEW": "1", "MAX_TOTAL_TOKENS": "LISA_MARKED_FOR_DELETION"}}, "streaming": false}"#)
    let completed = ModelEnvironment.completing(body, current: model)
    #expect(
      completed["containerConfig"]?["environment"]
        == .object([("MAX_TOTAL_TOKENS", .string(ModelDiff.deletionMarker)), ("NEW", .string("1"))]))
    #expect(completed["streaming"] == .bool(false))
    let untouched = try APIFixture.json(#"{"containerConfig": {"sharedMemorySize": 4096}}"#)
    #expect(ModelEnvironment.completing(untouched, current: model) == untouched)
  }

  @Test func desiredCapacityIsNeverAChange() throws {
    let model = try #require(hosted)
    var desired = ModelExport.export(model).request
    let scaling = try #require(desired["autoScalingConfig"])
    desired = desired.setting("autoScalingConfig", scaling.setting("desiredCapacity", .int(3)))
    let document = ModelDocument(request: desired, origin: "models.yaml")
    let prepared = ModelApplyPlanner.prepare(
      [document], listing: ModelListing(models: [model]), prune: false, fileName: "models.yaml")
    #expect(prepared.plan.items.map(\.action) == [.unchanged])
    #expect(
      prepared.notes == [
        "desiredCapacity 3 of 'mistral-7b' is not applied: LISA stores no change of it, so apply does not manage it; "
          + "set it once with 'lisa models update mistral-7b --desired-capacity 3'"
      ])
  }

  /// One flagged time inside a schedule the model already has: the whole schedule is left as stored.
  @Test func flaggedValuesTheModelHoldsAreTolerated() throws {
    let window = #"{"scheduleType": "RECURRING", "recurringSchedule": {"startTime": "8:00", "stopTime": "8:30"}}"#
    var stored = try APIFixture.json(APIFixture.hostedModel)
    let scaling = try #require(stored["autoScalingConfig"])
    stored = stored.setting("autoScalingConfig", scaling.setting("scheduling", try APIFixture.json(window)))
    let model = try ModelInfo(json: stored)
    let request = ModelExport.export(model).request
    let checked = DesiredModels.check([ModelDocument(request: request, origin: "f")], current: [model])
    #expect(checked.diagnostics.map(\.severity) == [.warning])
    #expect(checked.diagnostics.first?.message.hasPrefix("LISA already holds this value for the model") == true)
    #expect(checked.documents.first?.request["autoScalingConfig"]?["scheduling"] == nil)
    #expect(checked.tolerated["mistral-7b"]?.count == 1)
    let changed = request.setting(
      "autoScalingConfig",
      try #require(request["autoScalingConfig"]).setting(
        "scheduling", try APIFixture.json(window.replacingOccurrences(of: "8:30", with: "8:45"))))
    let refused = DesiredModels.check([ModelDocument(request: changed, origin: "f")], current: [model])
    #expect(refused.diagnostics.map(\.severity) == [.error] && refused.documents.isEmpty)
    #expect(DesiredModels.check([ModelDocument(request: request, origin: "f")], current: []).documents.isEmpty)
  }

  @Test func pydanticsAccountOfAStoredModelNamesTheField() throws {
    let text = [
      "2 validation errors for LISAModel", "streaming",
      "  Input should be a valid boolean [type=bool_type, input_value=None, input_type=NoneType]",
      "    For further information visit https://errors.pydantic.dev/2.11/v/bool_type", "autoScalingConfig.minCapacity",
      "  Input should be greater than 0 [type=greater_than, input_value=0, input_type=int]",
      "    For further information visit https://errors.pydantic.dev/2.11/v/greater_than",
    ].joined(separator: "\n")
    let body = JSONWriter.compact(.object([("detail", .string(text))]))
    let problem = try #require(StoredModelProblem(Data(body.utf8)))
    #expect(
      problem.summary
        == "streaming: Input should be a valid boolean (stored: None); "
        + "autoScalingConfig.minCapacity: Input should be greater than 0 (stored: 0)")
    #expect(problem.modelError("m1").message.hasPrefix("model 'm1': LISA cannot read what it stored: streaming:"))
    #expect(StoredModelProblem(Data(#"{"detail": "Model cannot be updated"}"#.utf8)) == nil)
    #expect(StoredModelProblem(Data("not json".utf8)) == nil)
  }

  @Test func idsNoRouteReachesAreRefusedOnCreate() throws {
    for id in ["a/b", ".", ".."] {
      let checked = CreateModelRules.check(
        try APIFixture.json(#"{"modelId": "\#(id)", "modelName": "x", "modelType": "textgen"}"#))
      #expect(checked.errors.map(\.path) == ["modelId"], "\(id)")
    }
    #expect(
      CreateModelRules.check(try APIFixture.json(#"{"modelId": "v1.2", "modelName": "x", "modelType": "textgen"}"#)).body != nil)
  }

  @Test func storedItemsReadAsLISAsAnswers() throws {
    let item: DynamoDBItem = [
      "model_id": "claude", "model_status": "Failed", "failure_reason": "no access",
      "model_config": .m([
        "modelId": "claude", "modelName": "bedrock/c", "modelType": "textgen", "apiKey": "sk-1", "streaming": .null,
        "features": .l([]), "maxTokens": .n("4096"),
      ]),
    ]
    let stored = StoredModel(item: item)
    #expect(stored.apiKey == "sk-1" && stored.failureReason == "no access" && stored.status == "Failed")
    let model = try #require(stored.asModelInfo)
    #expect(model.status == .failed && model.failureReason == "no access" && model.json["maxTokens"] == .number("4096"))
  }

  @Test func exportsStartWithTheIdAndQuoteTimes() throws {
    let model = try APIFixture.model(#"{"status": "InService", "modelType": "textgen", "modelName": "x", "modelId": "m"}"#)
    #expect(ModelExport.export(model).request.objectPairs?.map(\.0) == ["modelId", "modelName", "modelType"])
    let yaml = YAMLEmitter().emit(Renderer.yamlNode(.object([("startTime", .string("18:00")), ("at", .string("8:00:30"))])))
    #expect(yaml == "startTime: \"18:00\"\nat: \"8:00:30\"\n")
  }
}
