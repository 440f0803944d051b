import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum ChildProcess {
  /// SIGTERM, then SIGKILL after `grace` (a child may inherit a mask that blocks SIGTERM); waits for it to end.
  static func stop(_ process: Process, grace: TimeInterval = 2) {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGTERM)
    let deadline = Date().addingTimeInterval(grace)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }
}
