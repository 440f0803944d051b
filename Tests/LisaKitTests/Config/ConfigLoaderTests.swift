import Foundation
import LisaKit
import LisaTestSupport
import Testing

@Suite struct ConfigLoaderTests {
  func directory(custom: String?, base: String? = nil) throws -> URL {
    let dir = TestPaths.temporaryDirectory("config")
    if let custom { try custom.write(to: dir.appendingPathComponent("config-custom.yaml"), atomically: true, encoding: .utf8) }
    if let base { try base.write(to: dir.appendingPathComponent("config-base.yaml"), atomically: true, encoding: .utf8) }
    return dir
  }

  func load(_ dir: URL, env: [String: String] = [:]) throws -> LoadedConfig {
    try ConfigLoader.load(directory: dir.path, context: TestContext(workingDirectory: dir, environment: env).context)
  }

  @Test func usesTheBuiltInBaseWhenTheDirectoryHasNone() throws {
    let config = try load(try directory(custom: "region: us-east-1\n"))
    #expect(config.baseName.contains("built into lisa"))
    #expect(config.mapping.keys == ["mountS3DebUrl", "stackSynthesizer", "ragFileProcessingConfig", "litellmConfig", "region"])
  }

  @Test func builtInBaseMatchesTheRepositoryCopy() throws {
    let repoCopy = try String(contentsOf: TestPaths.repository.appendingPathComponent("config-base.yaml"), encoding: .utf8)
    let dir = try directory(custom: "a: 1\n", base: repoCopy)
    let fromFile = try load(dir).base
    let builtIn = try load(try directory(custom: "a: 1\n")).base
    #expect(emit(fromFile) == emit(builtIn))
  }

  @Test func environmentOverridesApplyAfterTheMergeAndEmptyValuesAreIgnored() throws {
    let dir = try directory(custom: "region: us-east-1\ndeploymentName: dev\nprofile: p\n", base: "partition: aws\n")
    let env = [
      "REGION": "eu-west-1", "DEPLOYMENT_NAME": "", "ACCOUNT_NUMBER": "012345678901", "PROFILE": "ops", "PARTITION": "aws-us-gov",
      "DOMAIN": "example.com",
    ]
    let config = try load(dir, env: env)
    #expect(config.string("region") == "eu-west-1")
    #expect(config.string("deploymentName") == "dev")
    #expect(config.string("accountNumber") == "012345678901")
    #expect(config.mapping["accountNumber"]?.scalar?.resolved == .string("012345678901"))
    #expect(config.string("profile") == "ops")
    #expect(config.string("partition") == "aws-us-gov")
    #expect(config.string("domain") == "example.com")
    #expect(config.overrides.map(\.variable) == ["PROFILE", "ACCOUNT_NUMBER", "PARTITION", "DOMAIN", "REGION"])
  }

  @Test func missingCustomFileNamesMigrateWhenAnOldConfigIsThere() throws {
    let dir = try directory(custom: nil)
    try "env: dev\n".write(to: dir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
    let error = try #require(throws: LisaError.self) { try load(dir) }
    #expect(error.status == .notFound)
    #expect(error.description.contains("lisa migrate config"))
  }

  @Test func topLevelMustBeAMapping() throws {
    let error = try #require(throws: LisaError.self) { try load(try directory(custom: "- a\n- b\n")) }
    #expect(error.status == .dataError)
    #expect(error.description.hasPrefix("config-custom.yaml:1:1: expected a mapping"))
  }

  @Test func missingDirectoryIsNotFound() throws {
    let error = try #require(throws: LisaError.self) {
      try ConfigLoader.load(
        directory: "/nonexistent/lisa", context: TestContext(workingDirectory: URL(fileURLWithPath: "/")).context)
    }
    #expect(error.status == .notFound)
  }
}
