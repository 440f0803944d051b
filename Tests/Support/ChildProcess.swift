import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum ChildProcess {
  /// Starts `process` with no signals blocked. A child inherits the mask of the thread that spawns it, and the
  /// threads Swift Testing runs tests on block nearly every signal: a server started from one ignored SIGTERM, so
  /// stopping it hung the suite, and a `lisa` started from one could not be interrupted as a shell's can.
  public static func launch(_ process: Process) throws {
    var unblocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&unblocked)
    pthread_sigmask(SIG_SETMASK, &unblocked, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    try process.run()
  }

  /// SIGTERM, then SIGKILL after `grace` (a child may inherit a mask that blocks SIGTERM); waits for it to end.
  public static func stop(_ process: Process, grace: TimeInterval = 2) {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGTERM)
    let deadline = Date().addingTimeInterval(grace)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  /// A child of `executable` with no stdin whose stdout and stderr both go to `logPath`, emptied first: a server
  /// whose log the failure messages quote.
  public static func logging(
    to logPath: String, _ executable: String, _ arguments: [String], environment: [String: String]
  ) -> Process {
    _ = FileManager.default.createFile(atPath: logPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    let log = FileHandle(forWritingAtPath: logPath)
    process.standardOutput = log
    process.standardError = log
    process.standardInput = FileHandle.nullDevice
    return process
  }
}
