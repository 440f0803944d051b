import Foundation
import LisaKit
import Testing

/// The one decision `--dry-run` reports and the real import carries out.
struct TokenImportDecisionTests {
  let planned: DynamoDBItem = ["token": .s("k"), "tokenUUID": .s("u1"), "createdDate": .number(2)]

  func decide(_ current: DynamoDBItem?, pending: Bool = false, overwrite: Bool = false) -> TokenImportDecision {
    TokenImportDecision.decide(planned: planned, current: current, pendingFromEarlierSession: pending, overwrite: overwrite)
  }

  @Test func eachCaseOnce() {
    #expect(decide(nil) == .create)
    #expect(decide(nil, overwrite: true) == .create)
    #expect(decide(planned, pending: true) == .alreadyWritten)
    #expect(decide(planned) == .skip(TokenImportDecision.alreadyPresent))
    var earlierRun = planned
    earlierRun["createdDate"] = .number(1)
    #expect(decide(earlierRun, overwrite: true) == .skip(TokenImportDecision.alreadyPresent), "same derived tokenUUID")
    let different: DynamoDBItem = ["token": .s("k"), "tokenUUID": .s("other")]
    #expect(decide(different) == .skip(TokenImportDecision.differentItem))
    #expect(decide(different, overwrite: true) == .replace, "what --dry-run --overwrite must report as a write")
  }
}
