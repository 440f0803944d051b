import Foundation
import LisaKit
import Testing

@Suite struct UpgradePlannerTests {
  let knowledge: UpgradeKnowledge
  let planner: UpgradePlanner

  init() throws {
    knowledge = try UpgradeKnowledge.builtIn()
    planner = UpgradePlanner(knowledge: knowledge)
  }

  func plan(_ from: String, _ to: String) throws -> UpgradePlan {
    try planner.plan(from: LisaVersion(from)!, to: LisaVersion(to)!)
  }

  func ids(_ plan: UpgradePlan) -> [String] { plan.steps.map(\.step.id) }

  @Test func theBuiltInDataKnowsEveryReleaseFromV2ToV66() {
    #expect(knowledge.versions.first == LisaVersion(2, 0, 0))
    #expect(knowledge.latest == LisaVersion(6, 6, 0))
    #expect(knowledge.versions.count == 43)
    #expect(knowledge.versions.contains(LisaVersion(4, 0, 2)))
  }

  /// The rules every plan keeps, for every pair of versions the data knows.
  @Test func everyPairOfVersionsGivesAValidOrder() throws {
    let phases = UpgradePhase.allCases
    for (i, from) in knowledge.versions.enumerated() {
      for to in knowledge.versions[i...] {
        let plan = try planner.plan(from: from, to: to)
        let label = "\(from) → \(to)"
        if from == to {
          #expect(plan.steps.isEmpty, "\(label)")
          continue
        }
        var position: [String: Int] = [:]
        var last = (phase: 0, verify: false)
        for (index, planned) in plan.steps.enumerated() {
          let step = planned.step
          #expect(planned.number == index + 1)
          #expect(position[step.id] == nil, "\(label): \(step.id) twice")
          position[step.id] = index
          let now = (phase: phases.firstIndex(of: step.phase)!, verify: step.kind == .verify)
          #expect(
            now.phase > last.phase || (now.phase == last.phase && (now.verify || !last.verify)),
            "\(label): \(step.id) out of order")
          last = now
          for dependency in planned.dependsOn {
            #expect((position[dependency] ?? Int.max) < index, "\(label): \(step.id) before \(dependency)")
          }
          for need in step.needs {
            #expect(planned.dependsOn.contains(need), "\(label): \(step.id) without \(need)")
          }
          if let release = step.release { #expect(release > from && release <= to, "\(label): \(step.id) from \(release)") }
          for text in [step.title, step.protects, step.manual ?? "", step.check ?? ""] + planned.commands.map(\.run) {
            #expect(!text.contains("<from>") && !text.contains("<to>"), "\(label): \(step.id)")
          }
        }
        for phase in phases {
          let inPhase = plan.steps(in: phase)
          #expect(inPhase.last?.step.kind == .verify, "\(label): \(phase) ends without a verification")
        }
        #expect(plan.steps.filter { $0.step.id == "deploy" }.count == 1, "\(label)")
      }
    }
  }

  @Test func fromV54ToV66CarriesTokensAcrossTheTableMoveAndTheHashing() throws {
    let steps = ids(try plan("5.4", "6.6"))
    #expect(
      steps == [
        "backup", "clone-target", "v6-export-tokens", "v6-removal-policy", "v6-save-management-key", "preflight", "deploy",
        "deploy-verify", "v6-management-key", "v6-import-tokens", "v6-bedrock-kb-repositories", "v62-token-table-retained",
        "tokens-verify", "status",
      ])
    let importStep = try #require(try plan("5.4", "6.6").steps.first { $0.step.id == "v6-import-tokens" })
    #expect(importStep.commands.last?.run == "lisa keys import --backup tokens-pre-v6.lisabak --default-expiration 90d")
    #expect(importStep.dependsOn == ["v6-export-tokens"])
    let deploy = try #require(try plan("5.4", "6.6").steps.first { $0.step.id == "deploy" })
    #expect(deploy.commands.map(\.run) == ["npm run deploy"])
  }

  @Test func toV60AloneWritesPlaintextItemsAndDeploysWithMake() throws {
    let plan = try plan("5.4.0", "6.0.1")
    let importStep = try #require(plan.steps.first { $0.step.id == "v6-import-tokens" })
    #expect(
      importStep.commands.map(\.run) == [
        "lisa keys import --backup tokens-pre-v6.lisabak --dry-run", "lisa keys import --backup tokens-pre-v6.lisabak",
      ])
    #expect(plan.steps.first { $0.step.id == "deploy" }?.commands.map(\.run) == ["make deploy"])
    #expect(!ids(plan).contains("tokens-verify"))
  }

  @Test func fromV60ToV61RewritesTokensInPlaceAndDeletesTheLegacyItems() throws {
    let steps = ids(try plan("6.0", "6.1"))
    #expect(steps.contains("v61-export-tokens") && steps.contains("v61-delete-legacy-tokens"))
    #expect(!steps.contains("v6-export-tokens") && !steps.contains("v6-management-key"))
    #expect(steps.firstIndex(of: "v61-rewrite-tokens")! < steps.firstIndex(of: "v61-delete-legacy-tokens")!)
  }

  @Test func fromV2TheInstallationIsTornDownBeforeTheDeployAndRebuiltAfter() throws {
    let steps = ids(try plan("2.0.1", "6.6.0"))
    let teardown = try #require(steps.firstIndex(of: "v3-teardown"))
    #expect(teardown < steps.firstIndex(of: "deploy")!)
    for export in ["backup", "v3-export-tokens", "v3-rag-documents", "v32-config-split", "v3-litellm-admin-key"] {
      #expect(steps.firstIndex(of: export)! < teardown, "\(export)")
    }
    #expect(steps.firstIndex(of: "v3-litellm-admin-key")! < steps.firstIndex(of: "v32-config-split")!)
    // A reinstall has no old Models API stack, token table in place, or YAML repository to keep.
    for absent in ["v31-delete-models-stack", "v6-export-tokens", "v4-keep-yaml-repositories", "v3-models-out"] {
      #expect(!steps.contains(absent), "\(absent)")
    }
    #expect(steps.contains("v3-rag-recreate-api") && !steps.contains("v3-rag-recreate-yaml"))
  }

  @Test func fromV30TheModelsGoBeforeTheirStackAndComeBackAfterTheDeploy() throws {
    let steps = ids(try plan("3.0.1", "3.1.0"))
    let order = [
      "models-export", "v31-image-shape", "v31-delete-models", "v31-delete-models-stack", "deploy", "v31-recreate-models",
    ]
    #expect(order.map { steps.firstIndex(of: $0)! } == order.map { steps.firstIndex(of: $0)! }.sorted())
    #expect(steps.contains("v31-ecs-models") && !steps.contains("v32-config-split"))
    #expect(!ids(try plan("3.1.0", "6.6.0")).contains("v31-delete-models-stack"))
  }

  @Test func stepsFollowTheVersionsTheyConcern() throws {
    #expect(ids(try plan("4.0.1", "4.0.2")).contains("v402-base-rag-repository"))
    #expect(!ids(try plan("4.0.2", "6.6")).contains("v402-base-rag-repository"))
    #expect(!ids(try plan("5.0.0", "6.0.0")).contains("v6-bedrock-kb-repositories"))
    #expect(ids(try plan("5.1.0", "6.0.0")).contains("v6-bedrock-kb-repositories"))
    #expect(ids(try plan("3.2.1", "3.3.0")).contains("v33-management-key-name"))
    #expect(!ids(try plan("3.2.1", "6.0.0")).contains("v33-management-key-name"))
    #expect(ids(try plan("5.3.0", "5.3.1")).contains("v531-recreate-bedrock-models"))
    #expect(ids(try plan("6.2.0", "6.6.0")) == ["backup", "clone-target", "preflight", "deploy", "deploy-verify", "status"])
  }

  @Test func anEqualPairIsAnEmptyPlanAndALaterFromIsAUsageError() throws {
    #expect(try plan("6.6", "6.6").steps.isEmpty)
    #expect(throws: LisaError.self) { try plan("6.6", "5.4") }
    do {
      _ = try plan("6.6", "5.4")
    } catch let error as LisaError {
      #expect(error.status == .usage)
      #expect(
        error.description == "--from 6.6.0 is later than --to 5.4.0 (hint: lisa plans upgrades; LISA has no downgrade path)")
    }
  }

  @Test func versionsAreReadAsOperatorsWriteThem() throws {
    for text in ["6.6", "6.6.0", "v6.6.0", "V6.6", " 6.6 "] { #expect(LisaVersion(text) == LisaVersion(6, 6, 0), "\(text)") }
    for text in ["6", "6.6.0.1", "", "v", "6.x", "6.6-rc1", "-1.0", "6..0", "٦.٦"] {
      #expect(LisaVersion(text) == nil, "\(text)")
    }
    #expect(LisaVersion("4.0.10")! > LisaVersion("4.0.9")!)
    #expect(try knowledge.release("v5.4", option: "--from") == LisaVersion(5, 4, 0))
    do {
      _ = try knowledge.release("6.7", option: "--to")
      Issue.record("6.7 accepted")
    } catch let error as LisaError {
      #expect(error.status == .usage)
      #expect(error.message == "--to 6.7.0 is not a LISA release lisa knows")
    }
    #expect(throws: LisaError.self) { try knowledge.release("six", option: "--from") }
  }

  @Test func rangesAreHalfOpen() throws {
    let range = try #require(VersionRange(">=3.0.0 <3.1.0"))
    #expect(
      range.contains(LisaVersion(3, 0, 1)) && !range.contains(LisaVersion(3, 1, 0)) && !range.contains(LisaVersion(2, 0, 1)))
    #expect(VersionRange("<6.0.0")?.contains(LisaVersion(5, 4, 0)) == true)
    for bad in [">3.0.0", "<=3.0.0", ">=3.1.0 <3.0.0", ">=3.0.0 >=3.1.0", "3.0.0", "<x"] {
      #expect(VersionRange(bad) == nil, "\(bad)")
    }
  }

  @Test func placeholdersAreFilledFromTheDeploymentsNames() throws {
    let plan = try plan("6.0", "6.1").naming([("deploymentName", "acme")])
    let export = try #require(plan.steps.first { $0.step.id == "v61-export-tokens" })
    #expect(
      export.commands.map(\.run) == ["lisa keys export --from-table acme-LISAApiBaseTokenTable --output tokens-v6.0.0.lisabak"])
    #expect(!plan.placeholders.contains("deploymentName"))
    #expect(plan.json["names"] == .object([("deploymentName", .string("acme"))]))
  }
}

@Suite struct UpgradePlanChecklistTests {
  let planner: UpgradePlanner

  init() throws { planner = UpgradePlanner(knowledge: try UpgradeKnowledge.builtIn()) }

  @Test func eachPhaseIsHeadedAndClosedByItsVerifications() throws {
    let plan = try planner.plan(from: LisaVersion(6, 0, 0), to: LisaVersion(6, 1, 0), fromSource: "the stack tag VERSION")
    let text = UpgradePlanChecklist().render(plan)
    #expect(text.hasPrefix("LISA upgrade plan: 6.0.0 → 6.1.0  (6.0.0 read from the stack tag VERSION)\n"))
    let marks = [
      "BEFORE THE DEPLOY", "Verify before the deploy:", "DURING THE DEPLOY", "Verify the deploy:", "AFTER THE DEPLOY",
      "Verify the upgrade:",
    ]
    let positions = marks.map { text.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    let titled = text.split(separator: "\n").filter { $0.hasPrefix("[ ] ") }
    #expect(titled.count == plan.steps.count)
    #expect(titled.filter { $0.hasSuffix("v6.1.0") }.allSatisfy { $0.count == 100 })
    #expect(!text.contains("\u{1B}["))
  }

  @Test func colourMarksHeadingsAndTagsOnly() throws {
    let plan = try planner.plan(from: LisaVersion(6, 0, 0), to: LisaVersion(6, 1, 0))
    let text = UpgradePlanChecklist(color: true).render(plan)
    #expect(text.contains("\u{1B}[1mBEFORE THE DEPLOY"))
    #expect(text.contains("\u{1B}[2mv6.1.0\u{1B}[0m"))
    // Every command the data names exists now, so nothing is marked planned.
    #expect(!text.contains("(planned"))
    #expect(text.contains("        run      lisa keys export --from-table <deploymentName>-LISAApiBaseTokenTable"))
  }
}
