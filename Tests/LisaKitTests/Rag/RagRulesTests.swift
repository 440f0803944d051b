import Foundation
import Testing

@testable import LisaKit

/// Client-side repository rules (docs/lisa/rag-api.md#repository) and the plan's comparison of a definition
/// with what LISA stored, rule by rule.
@Suite struct RagRulesTests {
  func json(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8), source: "test") }

  func errors(_ text: String) throws -> [String] {
    RagRules.checkRepository(try json(text)).diagnostics.filter { $0.severity == .error }.map { "\($0.path): \($0.message)" }
  }

  static let pipeline = #"{"s3Bucket": "b", "s3Prefix": "p/", "trigger": "event", "chunkSize": 512, "chunkOverlap": 51}"#

  @Test func aValidDefinitionPassesAndServerFieldsAreDropped() throws {
    let checked = RagRules.checkRepository(
      try json(
        #"{"repositoryId": "docs-1", "type": "pgvector", "rdsConfig": {}, "status": "CREATE_COMPLETE", "pipelines": [\#(Self.pipeline)]}"#
      ))
    #expect(checked.errors.isEmpty, "\(checked.diagnostics)")
    #expect(checked.body?["status"] == nil && checked.body?["pipelines"]?.arrayItems?.count == 1)
  }

  @Test(arguments: [
    ("ab", "must be 3 to 20 characters"), ("-abc", "cannot start or end with '-'"), ("Upper", "must be 3 to 20 characters"),
    ("a-very-long-repository-id", "must be 3 to 20 characters"),
  ])
  func repositoryIdPattern(id: String, message: String) throws {
    let found = try errors(#"{"repositoryId": "\#(id)", "type": "pgvector", "rdsConfig": {}}"#)
    #expect(found.contains { $0.hasPrefix("repositoryId:") && $0.contains(message) }, "\(found)")
  }

  @Test func eachTypeNeedsItsConfig() throws {
    for (type, config) in RagSchema.typeConfig {
      let found = try errors(#"{"repositoryId": "abc", "type": "\#(type)"}"#)
      #expect(found.contains { $0.hasPrefix("\(config): a repository of type \(type) needs \(config)") }, "\(found)")
    }
  }

  @Test func pipelineRules() throws {
    func pipelineErrors(_ edit: String) throws -> [String] {
      try errors(#"{"repositoryId": "abc", "type": "pgvector", "rdsConfig": {}, "pipelines": [\#(edit)]}"#)
    }
    let daily = try pipelineErrors(Self.pipeline.replacingOccurrences(of: "\"event\"", with: "\"daily\""))
    #expect(daily.contains { $0.hasPrefix("pipelines[0].trigger: 'daily' is refused by LISA's API") })
    let absolute = try pipelineErrors(Self.pipeline.replacingOccurrences(of: "\"p/\"", with: "\"/p\""))
    #expect(absolute == ["pipelines[0].s3Prefix: '/p' must not start with '/'"])
    let dots = try pipelineErrors(Self.pipeline.replacingOccurrences(of: "\"p/\"", with: "\"a/../b\""))
    #expect(dots == ["pipelines[0].s3Prefix: 'a/../b' must not contain '.' or '..' path components"])
    let half = try pipelineErrors(#"{"s3Bucket": "b", "s3Prefix": "", "trigger": "event", "chunkSize": 512}"#)
    #expect(half.contains { $0.hasPrefix("pipelines[0].chunkOverlap: chunkSize and chunkOverlap go together") })
    let bounds = try pipelineErrors(
      #"{"s3Bucket": "b", "s3Prefix": "", "trigger": "event", "chunkingStrategy": {"type": "fixed", "size": 50, "overlap": 0}}"#)
    #expect(bounds == ["pipelines[0].chunkingStrategy: chunk size must be between 100 and 10000 (is 50)"])
    let tags = try pipelineErrors(
      #"{"s3Bucket": "b", "s3Prefix": "", "trigger": "event", "chunkingStrategy": {"type": "none"}, "metadata": {"tags": ["ok", "not ok"]}}"#
    )
    #expect(tags == ["pipelines[0].metadata.tags[1]: 'not ok' may hold only letters, digits, '-' and '_'"])
    #expect(RagRules.chunkingProblem(size: 512, overlap: 256) == nil)
    #expect(RagRules.chunkingProblem(size: 512, overlap: 257) != nil)
  }

  @Test func immutablePipelineFieldsAreFoundByPositionAndByKey() throws {
    let stored = try json(#"{"s3Bucket": "b", "s3Prefix": "p/", "trigger": "event", "autoRemove": true}"#)
    let moved = stored.setting("s3Prefix", .string("q/"))
    #expect(RagRules.immutablePipelineProblem(current: [stored], desired: [moved])! == (0, "s3Prefix"))
    let retriggered = stored.setting("trigger", .string("schedule"))
    #expect(RagRules.immutablePipelineProblem(current: [stored], desired: [retriggered, moved])! == (0, "trigger"))
    #expect(RagRules.immutablePipelineProblem(current: [stored], desired: [stored.setting("autoRemove", nil)]) == nil)
  }

  @Test func plansCompareNumbersByValueAndLeaveUnmanagedFieldsAlone() throws {
    let stored = RagRepository(
      json: try json(
        #"{"repositoryId": "abc", "type": "pgvector", "rdsConfig": {"dbPort": 5432.0}, "status": "CREATE_COMPLETE", "#
          + #""createdBy": "x", "pipelines": [{"s3Bucket": "b", "s3Prefix": "", "trigger": "event", "autoRemove": true, "#
          + #""chunkSize": 512.0, "chunkOverlap": 51.0, "chunkingStrategy": {"type": "fixed", "size": 512.0, "overlap": 51.0}}]}"#
      ))
    let desired = try json(
      #"{"repositoryId": "abc", "type": "pgvector", "rdsConfig": {"dbPort": 5432}, "pipelines": [\#(Self.pipeline.replacingOccurrences(of: "p/", with: ""))]}"#
    )
    let plan = RagRepositoryPlan.make(desired: [desired], current: [stored], prune: false, fileName: "f")
    #expect(plan.items.map(\.action) == [.unchanged], "\(plan.text)")
    let renamed = RagRepositoryPlan.make(
      desired: [desired.setting("repositoryName", .string("New"))], current: [stored], prune: false, fileName: "f")
    #expect(
      renamed.items.first?.action == .update && renamed.items.first?.updateBody == .object([("repositoryName", .string("New"))]))
    let retyped = RagRepositoryPlan.make(
      desired: [desired.setting("rdsConfig", try json(#"{"dbPort": 6543}"#))], current: [stored], prune: false, fileName: "f")
    #expect(retyped.items.first?.action == .recreate)
    #expect(throws: LisaError.self) { try retyped.requireRunnable(recreate: false) }
    #expect(JSONComparison.integral(try json(#"{"a": [512.0, 1.5]}"#)) == (try json(#"{"a": [512, 1.5]}"#)))
  }
}
