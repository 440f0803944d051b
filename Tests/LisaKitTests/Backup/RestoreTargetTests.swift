import Foundation
import Testing

@testable import LisaKit

/// Which deployment a restore goes into and which sections it takes.
struct RestoreTargetTests {
  static let all: [BackupSection] = [.config, .models, .rag, .keys]

  func decide(source: String? = "prod", only: String? = nil, configured: String = "prod", confirmed: String? = nil)
    throws -> RestoreTarget
  {
    try RestoreTarget.decide(
      available: Self.all, source: source, displayName: "b.lisabak", only: only, configured: configured, confirmed: confirmed)
  }

  func status(_ body: () throws -> RestoreTarget) -> LisaKit.ExitStatus? {
    do {
      _ = try body()
      return nil
    } catch let error as LisaError {
      return error.status
    } catch {
      return nil
    }
  }

  @Test func itsOwnDeploymentGetsEverySectionOrThoseAskedFor() throws {
    #expect(try decide() == RestoreTarget(deployment: "prod", sections: Self.all, leftOut: []))
    #expect(try decide(only: "keys,config").sections == [.config, .keys])
    #expect(try decide(source: nil).sections == Self.all, "a backup that names no deployment goes where it is told")
    #expect(try decide(confirmed: "prod").sections == Self.all)
  }

  @Test func anotherDeploymentNeedsConfirmingAndKeepsItsOwnConfig() throws {
    #expect(status { try decide(configured: "staging") } == .conflict)
    let decided = try decide(configured: "staging", confirmed: "staging")
    #expect(decided.deployment == "staging" && decided.sections == [.models, .rag, .keys])
    #expect(decided.leftOut == ["config: left out; its files are deployment 'prod's and 'staging' keeps its own"])
    #expect(try decide(only: "models", configured: "staging", confirmed: "staging").leftOut.isEmpty)
    #expect(status { try decide(only: "config,keys", configured: "staging", confirmed: "staging") } == .conflict)
  }

  @Test func aConfirmationNamingAnotherConfigOrAnAbsentSectionIsRefused() throws {
    #expect(status { try decide(configured: "staging", confirmed: "stagin") } == .usage)
    #expect(
      status {
        try RestoreTarget.decide(
          available: [.keys], source: "prod", displayName: "b.lisabak", only: "models", configured: "prod", confirmed: nil)
      }
        == .notFound)
  }
}
