import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The built `lisa` binary against a key file: many writers at once, and writers killed mid-write.
@Suite(.serialized) struct KeysProcessTests {
  static let zone = TimeZone(identifier: "UTC")!

  /// Starts `lisa keys ...` with stdout and stderr going to files in `directory`.
  final class Child: @unchecked Sendable {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    init(_ arguments: [String], in directory: URL, tag: String) throws {
      let logs = directory.appendingPathComponent("logs")
      try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
      stdoutPath = logs.appendingPathComponent("\(tag).out").path
      stderrPath = logs.appendingPathComponent("\(tag).err").path
      _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
      _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
      process.executableURL = URL(fileURLWithPath: LisaBinary.path)
      process.arguments = ["keys"] + arguments
      process.currentDirectoryURL = directory
      process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "TZ": "UTC"]
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
      process.standardError = FileHandle(forWritingAtPath: stderrPath)
      try ChildProcess.launch(process)
    }

    /// Waits off the test pool (Tests/Support/OffPool.swift).
    func waitForExit() async { await offPool { [process] in process.waitUntilExit() } }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
  }

  static func mode(_ path: String) -> mode_t {
    var info = stat()
    _ = stat(path, &info)
    return info.st_mode & 0o777
  }

  static func secret(_ n: Int) -> String { "sk-" + String(format: "%043d", n) }

  @Test func twentyConcurrentRotationsLoseNothing() async throws {
    let directory = TestPaths.temporaryDirectory("keys-proc")
    let path = directory.appendingPathComponent("keys.txt").path
    var original = KeyFileFormat.header + "\n"
    for n in 0..<20 { original += "# owner of k\(n)\nk\(n):\(Self.secret(n)):\(n + 1):2030-01-01T00:00:00\n" }
    try Data(original.utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o644)

    let rotations = try (0..<20).map { n in
      try Child(["rotate", "k\(n)", "--store", "file:keys.txt", "--yes", "-o", "value", "-v"], in: directory, tag: "rotate-\(n)")
    }
    let creations = try (0..<10).map { n in
      try Child(["create", "new\(n)", "--store", "file:keys.txt"], in: directory, tag: "create-\(n)")
    }
    for child in rotations + creations { await child.waitForExit() }

    let document = KeyFileDocument.parse(try Data(contentsOf: URL(fileURLWithPath: path)), zone: Self.zone)
    let onDisk = Dictionary(uniqueKeysWithValues: document.entries.map { ($0.entry.id, $0.entry) })
    #expect(onDisk.count == 30)
    for (n, child) in rotations.enumerated() {
      #expect(child.process.terminationStatus == 0, "\(child.stderr)")
      let printed = child.stdout.trimmingCharacters(in: .newlines)
      #expect(onDisk["k\(n)"]?.secret.reveal() == printed, "k\(n) lost its rotation")
      #expect(printed != Self.secret(n) && KeyFileFormat.hasGeneratedShape(printed))
      #expect(onDisk["k\(n)"]?.rateLimit == n + 1)
      #expect(!child.stderr.contains(printed) && !(child.process.arguments ?? []).joined().contains("sk-"))
    }
    for (n, child) in creations.enumerated() {
      #expect(child.process.terminationStatus == 0, "\(child.stderr)")
      #expect(onDisk["new\(n)"]?.secret.reveal() == child.stdout.trimmingCharacters(in: .newlines))
    }
    let comments = document.lines.filter { $0.kind == .comment }.map { String(decoding: $0.raw, as: UTF8.self) }
    #expect(comments == [KeyFileFormat.header] + (0..<20).map { "# owner of k\($0)" })
    #expect(Self.mode(path) == 0o600)
  }

  @Test func aKillDuringAWriteLeavesTheOldOrTheNewFile() async throws {
    let directory = TestPaths.temporaryDirectory("keys-kill")
    let path = directory.appendingPathComponent("keys.txt").path
    var original = "# big file, so the write takes a while\n"
    for n in 0..<20_000 { original += "k\(n):\(Self.secret(n))::2030-01-01T00:00:00\n" }
    try Data(original.utf8).write(to: URL(fileURLWithPath: path))

    // One undisturbed run measures how long the locked read-modify-write takes.
    let first = try Child(["rotate", "k0", "--store", "file:keys.txt", "--yes", "-v"], in: directory, tag: "first")
    let lockedAt = try await Self.waitForLock(first)
    await first.waitForExit()
    let critical = lockedAt.duration(to: .now)
    #expect(first.process.terminationStatus == 0)

    var previous = try Data(contentsOf: URL(fileURLWithPath: path))
    var outcomes = (old: 0, new: 0, midWrite: 0)
    for round in 0..<16 {
      let key = "k\(round * 811 % 20_000)"
      let child = try Child(["rotate", key, "--store", "file:keys.txt", "--yes", "-v"], in: directory, tag: "kill-\(round)")
      _ = try await Self.waitForLock(child)
      switch round % 3 {
      case 0: try await Task.sleep(for: critical * Double.random(in: 0...1.1))  // anywhere
      case 1: try await Task.sleep(for: critical * Double.random(in: 0.9...1.02))  // near the end
      default:  // while the new file is written
        if try await Self.waitForTempFile(in: directory, child: child) { outcomes.midWrite += 1 }
      }
      kill(child.process.processIdentifier, SIGKILL)
      await child.waitForExit()

      let now = try Data(contentsOf: URL(fileURLWithPath: path))
      if now == previous {
        outcomes.old += 1
      } else {
        outcomes.new += 1
        let before = KeyFileDocument.parse(previous, zone: Self.zone).lines.map(\.raw)
        let after = KeyFileDocument.parse(now, zone: Self.zone)
        #expect(after.lines.count == before.count, "round \(round): line count changed")
        let changed = after.lines.indices.filter { after.lines[$0].raw != before[$0] }
        #expect(changed.count == 1, "round \(round): \(changed.count) lines changed")
        let entry = changed.first.flatMap { after.lines[$0].entry }
        #expect(entry?.id == key && entry.map { KeyFileFormat.hasGeneratedShape($0.secret.reveal()) } == true)
        #expect(Self.mode(path) == 0o600)
      }
      previous = now
    }
    let leftovers = KeyFileLeftovers.find(for: path).count
    // Whatever the kills left behind, the next writer gets the lock and writes a good file.
    let after = try Child(["rotate", "k1", "--store", "file:keys.txt", "--yes"], in: directory, tag: "after")
    await after.waitForExit()
    #expect(after.process.terminationStatus == 0, "\(after.stderr)")
    let final = KeyFileDocument.parse(try Data(contentsOf: URL(fileURLWithPath: path)), zone: Self.zone)
    #expect(final.entries.count == 20_000)
    #expect(Self.mode(path) == 0o600)
    #expect(KeyFileLeftovers.find(for: path).isEmpty, "the next writer removes what killed writers left")
    print(
      "kill test: critical section \(critical); \(outcomes.old) kills left the old file, \(outcomes.new) the new one; "
        + "\(outcomes.midWrite) kills hit a write in progress, \(leftovers) temp files left"
    )
  }

  /// Returns as soon as a `.keys.txt.XXXXXX` temp file exists, i.e. mid-write. It lives for a few
  /// milliseconds, so this spins on readdir instead of sleeping.
  static func waitForTempFile(in directory: URL, child: Child) async throws -> Bool {
    while child.process.isRunning {
      guard let dir = opendir(directory.path) else { return false }
      defer { closedir(dir) }
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name.hasPrefix(".keys.txt.") { return true }
      }
    }
    return false
  }

  /// Waits until the child reports holding the lock (its `-v` line), returning when it did.
  static func waitForLock(_ child: Child) async throws -> ContinuousClock.Instant {
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
      if child.stderr.contains("keys: locked") { return .now }
      if !child.process.isRunning { break }
      try await Task.sleep(for: .milliseconds(1))
    }
    // A child that said it and exited while this loop sat unscheduled: its last lines may still be in the pipe.
    let drained = ContinuousClock.now + .seconds(2)
    while ContinuousClock.now < drained {
      if child.stderr.contains("keys: locked") { return .now }
      try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("lisa never reported taking the lock: \(child.stderr)")
    return .now
  }
}
