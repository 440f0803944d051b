import Foundation

/// The import and verification of `keys migrate`'s one pass: each page of the export is imported and then read
/// back from the target while the scan goes on, a few pages at once. Pages are settled oldest first, so the
/// listed failures keep the source's order, and submitting waits while too many are in flight, so memory holds
/// at most that many pages whatever the table's size.
actor TokenCopyPipeline {
  let importer: TokenImporter
  let verifier: TokenVerifier
  let settled: @Sendable (Int) -> Void
  var inFlight: [Task<TokenVerification, any Error>] = []
  var verification = TokenVerification()
  /// Enough to keep writes going while a page is read back and the next one scanned.
  static let pagesInFlight = 3

  init(importer: TokenImporter, verifier: TokenVerifier, settled: @escaping @Sendable (Int) -> Void) {
    self.importer = importer
    self.verifier = verifier
    self.settled = settled
  }

  func submit(_ records: [BackupRecord]) async throws {
    let (importer, verifier, settled) = (importer, verifier, settled)
    inFlight.append(
      Task {
        try await importer.importEach(Self.sequence(records), progress: { _ in })
        let verified = try await verifier.verify(Self.sequence(records), progress: { _ in })
        settled(records.count)
        return verified
      })
    while inFlight.count > Self.pagesInFlight { try await settleOldest() }
  }

  /// Waits for every page; the verification of all of them.
  func finish() async throws -> TokenVerification {
    while !inFlight.isEmpty { try await settleOldest() }
    return verification
  }

  /// Stops the pages still in flight (the run failed or was cancelled).
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
