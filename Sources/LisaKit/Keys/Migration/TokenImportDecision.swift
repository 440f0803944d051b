import Foundation

/// What an import does with one converted item given what the target holds under its key. `--dry-run`
/// reports this decision and the real run carries it out, so the two cannot disagree.
public enum TokenImportDecision: Sendable, Equatable {
  /// Nothing under the key: written on the condition that the key is still free when the write lands.
  case create
  /// A different item under the key and `--overwrite`: replaced.
  case replace
  /// The very item this run wrote in a session that was interrupted before recording it.
  case alreadyWritten
  case skip(String)

  public static let alreadyPresent = "already in the target table"
  public static let differentItem = "a different item exists at this key (pass --overwrite to replace it)"

  /// `pendingFromEarlierSession`: this run marked the item pending in a session that did not finish.
  public static func decide(planned: DynamoDBItem, current: DynamoDBItem?, pendingFromEarlierSession: Bool, overwrite: Bool)
    -> TokenImportDecision
  {
    guard let current else { return .create }
    if current == planned, pendingFromEarlierSession { return .alreadyWritten }
    if current == planned || sameMigratedToken(current, planned) { return .skip(alreadyPresent) }
    return overwrite ? .replace : .skip(differentItem)
  }

  /// The tokenUUID is derived from the token, so an earlier run's item for this token has the same one
  /// (its createdDate differs); LISA's own tokens have random ones.
  static func sameMigratedToken(_ current: DynamoDBItem, _ planned: DynamoDBItem) -> Bool {
    guard let uuid = planned["tokenUUID"]?.stringValue else { return false }
    return current["tokenUUID"]?.stringValue == uuid
  }

  public var writes: Bool { self == .create || self == .replace }
}
