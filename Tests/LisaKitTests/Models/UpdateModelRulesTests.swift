import Foundation
import Testing

@testable import LisaKit

/// UpdateModelRequest checks: request rules (exit 7), model-dependent rules, status gating (exit 6).
@Suite struct UpdateModelRulesTests {
  func check(_ body: String, model: String = APIFixture.hostedModel, status: String = "InService") throws -> [String] {
    UpdateModelRules.check(try APIFixture.json(body), current: try APIFixture.model(model, status: status)).errors.map {
      "\($0.path): \($0.message)"
    }
  }

  @Test func requestRules() throws {
    #expect(try check("{}").first?.hasPrefix(": nothing to change") == true)
    #expect(
      try check(#"{"enabled": true, "autoScalingInstanceConfig": {"minCapacity": 1}}"#) == [
        "enabled: start/stop and autoscaling changes must be separate requests"
      ])
    #expect(
      try check(#"{"autoScalingInstanceConfig": {}}"#).first?.hasPrefix("autoScalingInstanceConfig: give at least one of") == true
    )
    #expect(try check(#"{"modelType": "EMBEDDING", "streaming": true}"#) == ["streaming: an embedding model cannot stream"])
    #expect(
      try check(#"{"autoScalingInstanceConfig": {"defaultInstanceWarmup": 4000}}"#) == [
        "autoScalingInstanceConfig.defaultInstanceWarmup: must be at most 3600 (is 4000)"
      ])
  }

  /// The stored config is not what LISA checks against (the running group is), so only values given together are.
  @Test func capacitiesGivenTogetherAgreeAndTheRestIsLISAs() throws {
    #expect(try check(#"{"autoScalingInstanceConfig": {"desiredCapacity": 5}}"#).isEmpty)
    #expect(try check(#"{"autoScalingInstanceConfig": {"minCapacity": 5}}"#).isEmpty)
    #expect(
      try check(#"{"autoScalingInstanceConfig": {"desiredCapacity": 7, "maxCapacity": 6}}"#) == [
        "autoScalingInstanceConfig.desiredCapacity: must not exceed maxCapacity (7 > 6)"
      ])
    #expect(
      try check(#"{"autoScalingInstanceConfig": {"minCapacity": 3, "maxCapacity": 2}}"#) == [
        "autoScalingInstanceConfig.minCapacity: must not exceed maxCapacity (3 > 2)"
      ])
    #expect(
      try check(#"{"autoScalingInstanceConfig": {"minCapacity": 0}}"#) == [
        "autoScalingInstanceConfig.minCapacity: must be a positive integer: LISA takes no 0 here (its update would skip a 0 "
          + "even if the API let it through); to scale a model to zero, stop it (lisa models stop mistral-7b)"
      ])
  }

  @Test func thirdPartyModelsChangeOnlyMetadata() throws {
    #expect(
      try check(#"{"modelDescription": "x", "allowedGroups": ["a"], "streaming": false}"#, model: APIFixture.thirdPartyModel)
        .isEmpty)
    let scaling = try check(#"{"autoScalingInstanceConfig": {"maxCapacity": 2}}"#, model: APIFixture.thirdPartyModel)
    #expect(
      scaling.first?.hasPrefix(
        "autoScalingInstanceConfig: only LISA-hosted models have autoscaling to change; 'claude' is third_party") == true)
    let container = try check(#"{"containerConfig": {"sharedMemorySize": 4096}}"#, model: APIFixture.thirdPartyModel)
    #expect(container.first?.hasPrefix("containerConfig: only LISA-hosted models have a container to change") == true)
    let start = try check(#"{"enabled": true}"#, model: APIFixture.thirdPartyModel, status: "Stopped")
    #expect(start.first?.hasPrefix("enabled: a third_party model cannot be started or stopped") == true)
  }

  @Test func containerChangesNeedAModelCreatedWithAContainer() throws {
    let noContainer = try APIFixture.json(APIFixture.hostedModel).setting("containerConfig", .null)
    let model = try ModelInfo(json: noContainer.setting("hostingType", .string("lisa_hosted")))
    let errors = UpdateModelRules.check(try APIFixture.json(#"{"containerConfig": {"sharedMemorySize": 1}}"#), current: model)
      .errors
    #expect(errors.map(\.message) == ["'mistral-7b' was not created with a containerConfig, so LISA cannot change it"])
  }

  @Test(
    arguments: [
      ("Creating", #"{"modelDescription": "x"}"#, "is Creating; LISA changes a model only when it is InService or Stopped"),
      ("Failed", #"{"modelDescription": "x"}"#, "is Failed; LISA changes a model only when it is InService or Stopped"),
      ("InService", #"{"enabled": true}"#, "is InService; only a Stopped model can be started"),
      ("Stopped", #"{"enabled": false}"#, "is Stopped; only an InService model can be stopped"),
      ("Stopped", #"{"modelDescription": "x"}"#, nil), ("InService", #"{"enabled": false}"#, nil),
    ] as [(String, String, String?)])
  func statusGating(status: String, body: String, problem: String?) throws {
    let model = try APIFixture.model(APIFixture.hostedModel, status: status)
    if let problem {
      #expect { try UpdateModelRules.gate(try APIFixture.json(body), current: model) } throws: { error in
        (error as? LisaError)?.status == .conflict && (error as? LisaError)?.message == "model 'mistral-7b' \(problem)"
      }
    } else {
      try UpdateModelRules.gate(try APIFixture.json(body), current: model)
    }
  }

  @Test func containerChangesRestartOnlyRunningModels() throws {
    let body = try APIFixture.json(#"{"containerConfig": {"environment": {"A": "1"}}}"#)
    #expect(UpdateModelRules.restartsContainer(body, current: try APIFixture.model(APIFixture.hostedModel, status: "InService")))
    #expect(!UpdateModelRules.restartsContainer(body, current: try APIFixture.model(APIFixture.hostedModel, status: "Stopped")))
    #expect(
      !UpdateModelRules.restartsContainer(
        try APIFixture.json(#"{"modelDescription": "x"}"#), current: try APIFixture.model(APIFixture.hostedModel)))
  }
}
