import Foundation

/// Writes new token items so that none replaces an item another writer put there after the existence
/// check: each is a PutItem on the condition `attribute_not_exists(token)`. A write whose condition
/// fails is decided again against what is now stored, so a conflict counts as "already in the target
/// table" (or "a different item", or is replaced when --overwrite is given), never as written.
///
/// Conditional PutItem rather than TransactWriteItems: moto_server copies the whole table for every
/// transaction, which makes migrations into a large table against it time out.
struct TokenConditionalWriter: Sendable {
  var dynamo: DynamoDBClient
  var table: String
  var overwrite: Bool
  /// Puts in flight at once for one batch; the importer runs four batches at once, so 64 in all, what a 100 ms
  /// round trip needs to keep the writes from waiting on the network (HTTPClientPool allows 64 connections a host).
  var concurrency = 16

  static let keyIsFree = DynamoDBExpression("attribute_not_exists(#t)", names: ["#t": "token"])

  /// Creates every item; returns each record's checkpoint.
  func create(_ entries: [(record: BackupRecord, item: DynamoDBItem)]) async throws -> [Checkpoint] {
    try await withThrowingTaskGroup(of: Checkpoint.self) { group in
      var results: [Checkpoint] = []
      var next = 0
      while next < entries.count || !group.isEmpty {
        while next < entries.count, next - results.count < concurrency {
          let entry = entries[next]
          group.addTask { try await create(entry.record, entry.item) }
          next += 1
        }
        if let result = try await group.next() { results.append(result) }
      }
      return results
    }
  }

  func create(_ record: BackupRecord, _ item: DynamoDBItem) async throws -> Checkpoint {
    // Bounded: the key would have to be freed and taken again by someone else at every attempt.
    for _ in 0..<3 {
      do {
        // Safe to repeat: a repeat after a lost answer fails its condition and is decided below.
        try await dynamo.putItem(table: table, item: item, condition: Self.keyIsFree, retrySafe: true)
        return Checkpoint(itemKey: record.key, status: .written)
      } catch is DynamoDBConditionalCheckFailed {
        guard case .s(let key)? = item["token"] else { break }
        let current = try await dynamo.getItem(table: table, key: ["token": .s(key)], consistentRead: true)
        switch TokenImportDecision.decide(planned: item, current: current, pendingFromEarlierSession: false, overwrite: overwrite)
        {
        case .create: continue
        case .replace:
          try await dynamo.putItem(table: table, item: item, retrySafe: true)
          return Checkpoint(itemKey: record.key, status: .written)
        case .alreadyWritten, .skip(TokenImportDecision.alreadyPresent):
          return Checkpoint(itemKey: record.key, status: .skipped, reason: TokenImportDecision.alreadyPresent)
        case .skip(let reason):
          return Checkpoint(itemKey: record.key, status: .skipped, reason: reason)
        }
      }
    }
    throw LisaError(
      .conflict, "dynamodb:PutItem on table \(table): the token's key kept changing hands during the write",
      hint: "another process is writing this table; run the command again when it is done")
  }
}
