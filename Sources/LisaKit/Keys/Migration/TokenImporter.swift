import Foundation

/// Writes backed-up tokens into a target table, resumably. Per batch of records: items already done in
/// this run are passed over; the rest are converted, looked up in the target, decided
/// (TokenImportDecision), marked `pending` in the journal, written, then marked written or skipped.
/// New items are written on the condition that their key is still free, so a concurrent writer's item
/// (another migration with its own state directory) is never replaced without --overwrite; with
/// `exclusiveTarget` they are batched like replacements, the existence check standing in. After a
/// crash, a `pending` item found identical in the target was written by this run, so the end state and
/// the counts equal those of an uninterrupted run.
public struct TokenImporter: Sendable {
  public static let alreadyPresent = TokenImportDecision.alreadyPresent

  public var dynamo: DynamoDBClient
  public var table: String
  public var options: TokenImportOptions
  public var overwrite: Bool
  public var state: StateStore
  public var runId: Int64
  public var batchSize = 100
  public var concurrency = 4

  public init(
    dynamo: DynamoDBClient, table: String, options: TokenImportOptions, overwrite: Bool, state: StateStore, runId: Int64
  ) {
    self.dynamo = dynamo
    self.table = table
    self.options = options
    self.overwrite = overwrite
    self.state = state
    self.runId = runId
  }

  /// Imports every record; `progress` gets the number of records settled by each batch.
  public func run<Records: AsyncSequence & Sendable>(
    _ records: Records, progress: @escaping @Sendable (Int) -> Void
  ) async throws -> TokenImportCounts where Records.Element == BackupRecord {
    try await importEach(records, progress: progress)
    return try TokenImportCounts.from(state: state, runId: runId)
  }

  /// Imports every record, `concurrency` batches at once; the counts are in the journal.
  func importEach<Records: AsyncSequence & Sendable>(
    _ records: Records, progress: @escaping @Sendable (Int) -> Void
  ) async throws where Records.Element == BackupRecord {
    try await withThrowingTaskGroup(of: Void.self) { group in
      var batch: [BackupRecord] = []
      var inFlight = 0
      for try await record in records {
        batch.append(record)
        guard batch.count == batchSize else { continue }
        if inFlight == concurrency {
          try await group.next()
          inFlight -= 1
        }
        let work = batch
        group.addTask { progress(try await importBatch(work)) }
        inFlight += 1
        batch.removeAll(keepingCapacity: true)
      }
      if !batch.isEmpty {
        let work = batch
        group.addTask { progress(try await importBatch(work)) }
      }
      try await group.waitForAll()
    }
  }

  /// Settles one batch; returns how many of its records it handled.
  func importBatch(_ records: [BackupRecord]) async throws -> Int {
    let previous = try state.statuses(for: runId, among: records.map(\.key))
    let todo = records.filter { !(previous[$0.key]?.isDone ?? false) }
    guard !todo.isEmpty else { return records.count }

    var outcome: [Checkpoint] = []
    var planned: [(record: BackupRecord, key: String, item: DynamoDBItem)] = []
    var seenKeys = Set<String>()
    for record in todo {
      switch options.convert(try TokenBackup.item(from: record)) {
      case .skip(let reason):
        outcome.append(Checkpoint(itemKey: record.key, status: .skipped, reason: reason))
      case .write(let item):
        guard case .s(let key)? = item["token"], seenKeys.insert(key).inserted else {
          outcome.append(Checkpoint(itemKey: record.key, status: .skipped, reason: "same token as another item of the source"))
          continue
        }
        planned.append((record, key, item))
      }
    }

    let existingByKey = try await dynamo.batchGet(table: table, attribute: "token", values: planned.map(\.key))
    var creates: [(record: BackupRecord, item: DynamoDBItem)] = []
    var replacements: [(record: BackupRecord, item: DynamoDBItem)] = []
    for entry in planned {
      let decision = TokenImportDecision.decide(
        planned: entry.item, current: existingByKey[entry.key], pendingFromEarlierSession: previous[entry.record.key] == .pending,
        overwrite: overwrite)
      switch decision {
      case .create: creates.append((entry.record, entry.item))
      case .replace: replacements.append((entry.record, entry.item))
      case .alreadyWritten: outcome.append(Checkpoint(itemKey: entry.record.key, status: .written))
      case .skip(let reason): outcome.append(Checkpoint(itemKey: entry.record.key, status: .skipped, reason: reason))
      }
    }

    let toWrite = creates + replacements
    if !toWrite.isEmpty {
      try state.record(toWrite.map { Checkpoint(itemKey: $0.record.key, status: .pending) }, for: runId)
      // Replacements need no condition; new items need one unless nothing else writes the table.
      let unconditional = options.exclusiveTarget ? toWrite : replacements
      if !unconditional.isEmpty {
        // The whole batch at once: `concurrency` already bounds how many batches are in flight.
        let chunks = (batchSize + DynamoDBClient.batchWriteLimit - 1) / DynamoDBClient.batchWriteLimit
        try await dynamo.batchWrite(table: table, unconditional.map { .put($0.item) }, inFlight: chunks)
        outcome += unconditional.map { Checkpoint(itemKey: $0.record.key, status: .written) }
      }
      if !options.exclusiveTarget {
        outcome += try await TokenConditionalWriter(dynamo: dynamo, table: table, overwrite: overwrite).create(creates)
      }
    }
    try state.record(outcome, for: runId)
    return records.count
  }
}
