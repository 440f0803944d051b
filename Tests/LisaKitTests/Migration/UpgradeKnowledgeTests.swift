import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The upgrade data is checked as a whole when it is read: a mistake in it names the line.
@Suite struct UpgradeKnowledgeTests {
  func data(_ steps: String) -> String {
    """
    format: 1
    versions: [5.4.0, 6.0.0, 6.1.0]
    steps:
    \(steps)
    """
  }

  let deploy = """
      - id: deploy
        phase: during
        title: Deploy
        protects: nothing
    """

  func failure(_ steps: String) -> String? {
    do {
      _ = try UpgradeKnowledge(yaml: data(steps), file: "steps.yaml")
      return nil
    } catch let error as LisaError {
      #expect(error.status == .dataError)
      return error.description
    } catch {
      return "unexpected \(error)"
    }
  }

  @Test func aSmallValidFileIsRead() throws {
    let knowledge = try UpgradeKnowledge(
      yaml: data(
        deploy + """

            - id: export
              release: 6.0.0
              phase: before
              title: Export
              protects: tokens
              commands: [lisa keys export]
          """), file: "steps.yaml")
    #expect(knowledge.steps.map(\.id) == ["deploy", "export"])
    let export = knowledge.steps[1]
    #expect(export.when == [UpgradeCondition(from: VersionRange("<6.0.0")!, to: VersionRange(">=6.0.0")!)])
    #expect(export.line == 8)
    #expect(export.applies(from: LisaVersion(5, 4, 0), to: LisaVersion(6, 1, 0)))
    #expect(!export.applies(from: LisaVersion(6, 0, 0), to: LisaVersion(6, 1, 0)))
  }

  @Test func mistakesNameTheLineAndWhatIsWrong() {
    #expect(
      failure(deploy + "\n    colour: red")
        == "steps.yaml:8:5: step deploy: unknown key 'colour' (hint: known keys: id, release, phase, kind, when, title, "
        + "protects, commands, manual, check, needs, after, optional, source)"
    )
    #expect(failure(deploy + "\n    needs: [backup]") == "steps.yaml:4: step deploy: 'backup' is not a step")
    #expect(
      failure(deploy.replacingOccurrences(of: "during", with: "later"))?.contains("phase is before, during or after") == true)
    #expect(failure(deploy + "\n    release: 6.2.0") == "steps.yaml:8:14: step deploy: 6.2.0 is not one of the versions listed")
    #expect(failure(deploy + "\n    when: {to: \">=6.5.0\"}")?.contains("6.5.0 is not one of the versions listed") == true)
    #expect(failure(deploy + "\n    when: {to: \"6.0.0\"}")?.contains("is not a range like") == true)
    #expect(
      failure(deploy.replacingOccurrences(of: "Deploy", with: String(repeating: "x", count: 73)))?.contains("at most 72") == true)
    #expect(failure(deploy.replacingOccurrences(of: "id: deploy", with: "id: Deploy_It"))?.contains("lower-case words") == true)
  }

  @Test func dependenciesMustPointBackwardsAndNotInACircle() {
    let before = """

        - id: backup
          phase: before
          title: Back up
          protects: all
      """
    #expect(failure(deploy + before + "\n    needs: [deploy]")?.contains("which belongs later (during, action)") == true)
    let cycle = """

        - id: a
          phase: before
          title: A
          protects: x
          after: [b]
        - id: b
          phase: before
          title: B
          protects: x
          needs: [a]
      """
    #expect(failure(deploy + cycle)?.contains("its dependencies form a cycle: a → b → a") == true)
    let variant = """

        - id: deploy
          phase: after
          title: Deploy again
          protects: nothing
      """
    #expect(failure(deploy + variant)?.contains("variants of one step must have the same phase and kind") == true)
  }

  @Test func theVersionListIsInOrderAndTheFormatKnown() {
    #expect(throws: LisaError.self) {
      try UpgradeKnowledge(yaml: "format: 1\nversions: [6.0.0, 5.4.0]\nsteps: []\n", file: "x.yaml")
    }
    #expect(throws: LisaError.self) {
      try UpgradeKnowledge(yaml: data(deploy).replacingOccurrences(of: "format: 1", with: "format: 2"), file: "x.yaml")
    }
  }

  /// Own data, not the built-in file: its `planned` list shrinks as commands land.
  @Test func plannedCommandsAreMatchedByWholeWords() throws {
    let yaml = """
      format: 1
      versions: [5.4.0, 6.0.0]
      planned:
        lisa status: issue 15, item 3
        lisa rag repos: issue 13, item 1
        lisa migrate config --models-out: issue 9, item 3
      steps:
      \(deploy)
      """
    let knowledge = try UpgradeKnowledge(yaml: yaml, file: "steps.yaml")
    #expect(knowledge.plannedReason(for: "lisa status") == "issue 15, item 3")
    #expect(knowledge.plannedReason(for: "lisa rag repos list") == "issue 13, item 1")
    #expect(knowledge.plannedReason(for: "lisa statusx") == nil)
    #expect(knowledge.plannedReason(for: "lisa migrate config --input config.yaml") == nil)
    #expect(knowledge.plannedReason(for: "lisa migrate config --input c.yaml --models-out m.yaml") == "issue 9, item 3")
  }

  /// The planner cannot be fed a step that needs one its upgrade lacks: the data check above lets it
  /// through (the need exists), so the planner refuses it as a bug instead of printing a broken order.
  @Test func aNeedThatDoesNotApplyIsABugNotAPlan() throws {
    let knowledge = try UpgradeKnowledge(
      yaml: data(
        deploy + """

            - id: export
              release: 6.1.0
              phase: before
              title: Export
              protects: tokens
            - id: import
              release: 6.0.0
              phase: after
              title: Import
              protects: tokens
              needs: [export]
          """), file: "steps.yaml")
    #expect(throws: LisaError.self) {
      try UpgradePlanner(knowledge: knowledge).plan(from: LisaVersion(5, 4, 0), to: LisaVersion(6, 0, 0))
    }
  }
}

@Suite struct DeployedVersionTests {
  struct Reader: DeployedVersionReader {
    var source: String
    var answer: Result<String?, LisaError>
    func deployedVersion() async throws -> String? { try answer.get() }
  }

  let knowledge: UpgradeKnowledge

  init() throws { knowledge = try UpgradeKnowledge.builtIn() }

  @Test func aGivenVersionWinsOverTheReaders() async throws {
    let reader = Reader(source: "tag", answer: .success("6.0.0"))
    let (version, source) = try await DeployedVersion.resolve(given: "v5.4", readers: [reader], knowledge: knowledge)
    #expect(version == LisaVersion(5, 4, 0) && source == "--from")
  }

  @Test func theFirstReaderThatKnowsAnswers() async throws {
    let readers = [
      Reader(source: "SSM", answer: .success(nil)),
      Reader(source: "stack tag", answer: .failure(LisaError(.unavailable, "CloudFormation did not answer"))),
      Reader(source: "UI", answer: .success("5.4.0")),
    ]
    let (version, source) = try await DeployedVersion.resolve(given: nil, readers: readers, knowledge: knowledge)
    #expect(version == LisaVersion(5, 4, 0) && source == "UI")
  }

  @Test func withoutAnAnswerTheErrorAsksForFrom() async throws {
    let readers = [
      Reader(source: "SSM", answer: .success(nil)),
      Reader(source: "stack tag", answer: .failure(LisaError(.auth, "AccessDenied"))),
    ]
    for (list, reason) in [(readers, "SSM: not recorded; stack tag: AccessDenied"), ([], "lisa has no way to read it here")] {
      do {
        _ = try await DeployedVersion.resolve(given: nil, readers: list, knowledge: knowledge)
        Issue.record("resolved without an answer")
      } catch let error as LisaError {
        #expect(error.status == .usage)
        #expect(
          error.description
            == "--from VERSION is needed: the deployed LISA version could not be read (\(reason)) "
            + "(hint: pass the release the deployment runs, e.g. --from 5.4)"
        )
      }
    }
  }

  @Test func anUnknownDeployedVersionIsNamed() async throws {
    await #expect(throws: LisaError.self) {
      try await DeployedVersion.resolve(
        given: nil, readers: [Reader(source: "tag", answer: .success("7.0.0"))], knowledge: knowledge)
    }
  }
}
