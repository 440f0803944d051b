import Foundation

/// The import and verification of `keys migrate`'s one pass: each page of the export is imported and then read
/// back from the target while the scan goes on, in parts of `recordsPerPart` tokens, a few parts at once. Parts
/// are settled oldest first, so the listed failures keep the source's order, and submitting waits while too many
/// are in flight, so memory holds one scanned page and those parts whatever the table's size.
actor TokenCopyPipeline {
  let importer: TokenImporter
  let verifier: TokenVerifier
  let settled: @Sendable (Int) -> Void
  var inFlight: [Task<TokenVerification, any Error>] = []
  var verification = TokenVerification()
  /// A Scan page holds up to 5,000 tokens (`TokenExporter.pageSize`); parts of a page keep what is in flight small.
  static let recordsPerPart = 1000
  /// Enough to keep writes going while a part is read back and the next page scanned.
  static let partsInFlight = 3

  init(importer: TokenImporter, verifier: TokenVerifier, settled: @escaping @Sendable (Int) -> Void) {
    self.importer = importer
    self.verifier = verifier
    self.settled = settled
  }

  func submit(_ records: [BackupRecord]) async throws {
    for start in stride(from: 0, to: records.count, by: Self.recordsPerPart) {
      inFlight.append(copy(Array(records[start..<min(start + Self.recordsPerPart, records.count)])))
      while inFlight.count > Self.partsInFlight { try await settleOldest() }
    }
  }

  private func copy(_ records: [BackupRecord]) -> Task<TokenVerification, any Error> {
    let (importer, verifier, settled) = (importer, verifier, settled)
    return Task {
      try await importer.importEach(Self.sequence(records), progress: { _ in })
      let verified = try await verifier.verify(Self.sequence(records), progress: { _ in })
      settled(records.count)
      return verified
    }
  }

  /// Waits for every part; the verification of all of them.
  func finish() async throws -> TokenVerification {
    while !inFlight.isEmpty { try await settleOldest() }
    return verification
  }

  /// Stops the parts still in flight (the run failed or was cancelled).
  func cancel() {
    for task in inFlight { task.cancel() }
    inFlight.removeAll()
  }

  func settleOldest() async throws {
    let task = inFlight.removeFirst()
    verification.add(try await task.value, maxListed: verifier.maxListedFailures)
  }

  static func sequence(_ records: [BackupRecord]) -> AsyncStream<BackupRecord> {
    AsyncStream { continuation in
      for record in records { continuation.yield(record) }
      continuation.finish()
    }
  }
}
