import Foundation

/// For every token in a backup: would LISA's authorizer accept it against the target table?
public struct TokenVerification: Sendable {
  public struct Failure: Sendable, Equatable {
    public var token: String
    public var reason: String
  }

  public var checked = 0
  public var accepted = 0
  /// Tokens that had expired before the run: not expected to work, not counted as failures.
  public var expired = 0
  public var failures: [Failure] = []
  /// Failures beyond the listed ones (the list is capped so memory stays flat).
  public var unlistedFailures = 0

  public var failed: Int { failures.count + unlistedFailures }
  public var succeeded: Bool { failed == 0 }

  /// Records a failure: listed while fewer than `maxListed` are, counted beyond that.
  mutating func note(_ failure: Failure, maxListed: Int) {
    if failures.count < maxListed {
      failures.append(failure)
    } else {
      unlistedFailures += 1
    }
  }

  /// Adds the results of a later part of the same run, keeping the failures listed within `maxListed`.
  mutating func add(_ later: TokenVerification, maxListed: Int) {
    checked += later.checked
    accepted += later.accepted
    expired += later.expired
    for failure in later.failures { note(failure, maxListed: maxListed) }
    unlistedFailures += later.unlistedFailures
  }

  public var json: JSONValue {
    .object([
      ("checked", .int(checked)), ("accepted", .int(accepted)), ("expired", .int(expired)), ("failed", .int(failed)),
      ("failures", .array(failures.map { .object([("token", .string($0.token)), ("reason", .string($0.reason))]) })),
    ])
  }
}

public struct TokenVerifier: Sendable {
  public var dynamo: DynamoDBClient
  public var table: String
  public var format: LisaTokenFormat
  public var now: Date
  public var maxListedFailures = 200

  public init(dynamo: DynamoDBClient, table: String, format: LisaTokenFormat, now: Date) {
    self.dynamo = dynamo
    self.table = table
    self.format = format
    self.now = now
  }

  public func verify<Records: AsyncSequence>(
    _ records: Records, progress: @escaping @Sendable (Int) -> Void
  ) async throws -> TokenVerification where Records.Element == BackupRecord {
    var result = TokenVerification()
    var batch: [(label: String, key: String)] = []
    // A few reads in flight, settled oldest first so the failures keep the backup's order: at a 100 ms round trip
    // one read at a time left the verify phase waiting on the network for most of its time.
    var inFlight: [Task<[(label: String, item: DynamoDBItem?)], any Error>] = []
    defer { for task in inFlight { task.cancel() } }
    func settle(_ task: Task<[(label: String, item: DynamoDBItem?)], any Error>) async throws {
      let checked = try await task.value
      for entry in checked {
        switch TokenAcceptance.check(item: entry.item, format: format, now: now) {
        case .accepted: result.accepted += 1
        case .rejected(let reason): note(TokenVerification.Failure(token: entry.label, reason: reason), in: &result)
        }
      }
      progress(checked.count)
    }
    func flush() async throws {
      guard !batch.isEmpty else { return }
      let (work, dynamo, table) = (batch, dynamo, table)
      batch.removeAll(keepingCapacity: true)
      inFlight.append(
        Task {
          // Only what the check reads: for a v6.1 item a third of its attributes, so a third of the bytes to send,
          // and of the work to encode them (about 0.7 ms an item in moto_server, which encodes attribute by attribute).
          let byKey = try await dynamo.batchGet(
            table: table, attribute: "token", values: work.map(\.key), projecting: TokenAcceptance.attributesChecked)
          return work.map { (label: $0.label, item: byKey[$0.key]) }
        })
      if inFlight.count == Self.readsInFlight { try await settle(inFlight.removeFirst()) }
    }
    for try await record in records {
      result.checked += 1
      let item = try TokenBackup.item(from: record)
      if let expiration = LisaToken.expiration(of: item), TimeInterval(expiration) <= now.timeIntervalSince1970 {
        result.expired += 1
        progress(1)
        continue
      }
      guard let key = TokenAcceptance.key(for: item, in: format) else {
        note(TokenVerification.Failure(token: TokenBackup.label(record), reason: "backup item has no token"), in: &result)
        continue
      }
      if LisaTokenFormat.of(item) == .hashed && format == .plaintext {
        note(
          TokenVerification.Failure(token: TokenBackup.label(record), reason: "v6.1 token cannot work in a v6.0 table"),
          in: &result)
        continue
      }
      batch.append((TokenBackup.label(record), key))
      if batch.count == DynamoDBClient.batchGetLimit { try await flush() }
    }
    try await flush()
    while !inFlight.isEmpty { try await settle(inFlight.removeFirst()) }
    return result
  }

  static let readsInFlight = 8

  func note(_ failure: TokenVerification.Failure, in result: inout TokenVerification) {
    result.note(failure, maxListed: maxListedFailures)
  }
}
