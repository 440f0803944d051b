import Foundation
import LisaKit

/// Runs the built `lisa` binary the way a user does, capturing exit status, stdout and stderr.
public enum LisaBinary {
  /// `LISA_BINARY`, else the `lisa` built next to the test bundle.
  public static let path: String = {
    if let explicit = ProcessInfo.processInfo.environment["LISA_BINARY"], !explicit.isEmpty { return explicit }
    let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("lisa").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      directory.deleteLastPathComponent()
    }
    return TestPaths.repository.appendingPathComponent(".build/debug/lisa").path
  }()
}

public struct ProcessResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
  /// From the child's start to its exit: what a timing expectation measures, not the wait for a `Throttle` slot.
  public var elapsed: TimeInterval = 0
  /// stderr without the transport's wait notices (`withoutWaitNotices`), for exact comparisons.
  public var stderrWithoutWaits: String { withoutWaitNotices(stderr) }
}

extension ProcessResult {
  /// Blocks until `process` exits and its output is read to the end.
  init(waitingFor process: Process, out: DrainingReader, err: DrainingReader, started: Date) {
    process.waitUntilExit()
    self.init(
      status: process.terminationStatus, stdout: String(decoding: out.finish(), as: UTF8.self),
      stderr: String(decoding: err.finish(), as: UTF8.self), elapsed: Date().timeIntervalSince(started))
  }
}

public enum Subprocess {
  /// Runs a program to completion. The environment starts empty except PATH/HOME unless `inherit`.
  public static func run(
    _ executable: String, _ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:],
    inheritEnvironment: Bool = false, stdin: Data? = nil
  ) async throws -> ProcessResult {
    try await Throttle.children.run {
      try runBlocking(
        executable, arguments, cwd: cwd, environment: environment, inheritEnvironment: inheritEnvironment, stdin: stdin)
    }
  }

  private static func runBlocking(
    _ executable: String, _ arguments: [String], cwd: URL?, environment: [String: String], inheritEnvironment: Bool,
    stdin: Data?
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let cwd { process.currentDirectoryURL = cwd }
    var env = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
    env["PATH"] = env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    env["HOME"] = env["HOME"] ?? FileManager.default.temporaryDirectory.path
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    let started = Date()
    try ChildProcess.launch(process)
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try? input.fileHandleForWriting.close()
    let outData = DrainingReader(out.fileHandleForReading)
    let errData = DrainingReader(err.fileHandleForReading)
    return ProcessResult(waitingFor: process, out: outData, err: errData, started: started)
  }

  public static func lisa(
    _ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:], stdin: Data? = nil
  ) async throws -> ProcessResult {
    try await run(LisaBinary.path, arguments, cwd: cwd, environment: watchdog(environment), stdin: stdin)
  }

  /// The built binary under `/bin/sh`, for what only a shell can set up: `redirect` is appended to the
  /// command (`<&-`, `< some-dir`), `limits` runs first (`ulimit -v 2000000`), and `timeout` seconds is
  /// a watchdog (exit 124) so a regression fails fast instead of eating the machine.
  public static func lisaInShell(
    _ arguments: [String], redirect: String = "", limits: String = "", timeout: Int = 60, cwd: URL? = nil,
    environment: [String: String] = [:]
  ) async throws -> ProcessResult {
    let quoted = ([LisaBinary.path] + arguments).map(ShellQuote.word)
    let script =
      (limits.isEmpty ? "" : limits + "; ") + "exec timeout \(timeout) " + quoted.joined(separator: " ") + " " + redirect
    return try await run("/bin/sh", ["-c", script], cwd: cwd, environment: watchdog(environment))
  }

  /// A child that waits on something that never comes gives up after five minutes instead of lisa's default 30:
  /// the suite must end well inside CI's limit even when a test is wrong. A test that sets LISA_TIMEOUT keeps it.
  static func watchdog(_ environment: [String: String]) -> [String: String] {
    environment["LISA_TIMEOUT"] == nil ? environment.merging(["LISA_TIMEOUT": "5m"]) { $1 } : environment
  }
}

/// Reads a pipe on a background thread so a chatty child never blocks on a full pipe.
final class DrainingReader: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  func finish() -> Data {
    done.wait()
    return data
  }
}

/// A `lisa` started in the background, to be killed or waited for.
public final class RunningProcess: @unchecked Sendable {
  private let process: Process
  private let out: DrainingReader
  private let err: DrainingReader
  private let started = Date()

  init(process: Process, out: DrainingReader, err: DrainingReader) {
    self.process = process
    self.out = out
    self.err = err
  }

  public var isRunning: Bool { process.isRunning }

  /// kill -9: no chance to clean up, as after a crash or an OOM kill.
  public func killHard() {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  public func wait() async -> ProcessResult {
    await offPool { [self] in ProcessResult(waitingFor: process, out: out, err: err, started: started) }
  }
}

extension Subprocess {
  public static func startLisa(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:]) throws
    -> RunningProcess
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: LisaBinary.path)
    process.arguments = arguments
    if let cwd { process.currentDirectoryURL = cwd }
    var env = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path]
    for (key, value) in watchdog(environment) { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try ChildProcess.launch(process)
    return RunningProcess(
      process: process, out: DrainingReader(out.fileHandleForReading), err: DrainingReader(err.fileHandleForReading))
  }
}

/// stderr without the transport's "no answer yet" lines: a test process whose threads are busy waiting on child
/// processes can take longer than their 5 s to be answered by a local fake, which says nothing about the command.
public func withoutWaitNotices(_ stderr: String) -> String {
  stderr.split(separator: "\n", omittingEmptySubsequences: false)
    .filter { !($0.hasPrefix("lisa: ") && $0.contains(": no answer yet to ")) }
    .joined(separator: "\n")
}
