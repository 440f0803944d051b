import Foundation
import Testing

@testable import LisaKit

/// Time and memory for 100,000 records with passphrase encryption at the recommended scrypt cost.
/// Prints numbers and asserts only correctness. Opt in: `LISA_MEASURE=1 swift test --filter BackupMeasurement`,
/// alone, because peak memory is process-wide.
@Suite("Backup files: measurement")
struct BackupMeasurementTests {
  typealias Support = BackupTestSupport

  @Test(.enabled(if: ProcessInfo.processInfo.environment["LISA_MEASURE"] != nil))
  func writeAndReadOneHundredThousandRecords() async throws {
    let count = 100_000
    let path = Support.temporaryFile()
    defer { Support.removeDirectory(of: path) }
    let protection = PassphraseProtection(Support.passphrase("measure me, then forget me"))
    resetPeakMemory()
    let baseline = memoryKB("VmRSS")
    let clock = ContinuousClock()

    var start = clock.now
    for index in 0..<count { _ = try Support.record(index) }
    let building = clock.now - start
    start = clock.now
    let cipher = try await protection.newCipher()
    let derive = clock.now - start
    let derivePeak = memoryKB("VmHWM")
    resetPeakMemory()
    start = clock.now
    let writer = try BackupWriter(path: path, kind: "keys", source: Support.source, createdAt: Support.createdAt, cipher: cipher)
    for index in 0..<count { try writer.append(try Support.record(index)) }
    try writer.finish(completedAt: Support.createdAt)
    let write = clock.now - start
    let writePeak = memoryKB("VmHWM")

    resetPeakMemory()
    start = clock.now
    let reader = try BackupReader(path: path)
    let verify = clock.now - start
    let backup = try await reader.unlock(with: protection)
    let unlock = clock.now - start - verify
    let unlockPeak = memoryKB("VmHWM")
    resetPeakMemory()
    var read = 0
    var secretBytes = 0
    for try await record in backup.records() {
      if read % 25_000 == 0 { #expect(record == (try Support.record(read))) }
      read += 1
      secretBytes += record.secret?.count ?? 0
    }
    let total = clock.now - start
    let readPeak = memoryKB("VmHWM")
    #expect(read == count)

    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(
      """
      MEASURE records=\(count) file=\(FileIO.formatBytes(size)) secretBytes=\(secretBytes)
      MEASURE scrypt(N=2^17,r=8,p=1) derive=\(derive)
      MEASURE write=\(write) (append+seal+commit+fsync+rename, includes building the records, which alone took \(building))
      MEASURE open+verify=\(verify) unlock=\(unlock) open+verify+unlock+iterate=\(total)
      MEASURE rss KB: baseline=\(baseline) scrypt-peak=\(derivePeak) write-peak=\(writePeak) \
      open+verify+unlock-peak=\(unlockPeak) iterate-peak=\(readPeak)
      """)
  }

  /// Linux: writing 5 to clear_refs resets the VmHWM high-water mark.
  private func resetPeakMemory() {
    try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
  }

  private func memoryKB(_ field: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
    return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? -1
  }
}
