import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An advisory `flock` on a sibling file (`keys.txt.lock`), held across read-modify-write so that
/// concurrent writers queue instead of losing each other's updates. The lock file is never removed:
/// unlinking it would let a waiter lock a file nobody else sees.
public enum KeyFileLock {
  public static func path(for file: String) -> String { file + ".lock" }

  /// Runs `body` while holding the exclusive lock; waits up to `timeout` for another holder.
  public static func withLock<T>(
    on file: String, displayName: String, timeout: Duration = .seconds(30), _ body: () throws -> T
  ) async throws -> T {
    let lockPath = path(for: file)
    let directory = (lockPath as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try FileIO.createPrivateDirectory(
        directory, orThrow: LisaError(.ioError, "\(displayName): cannot create directory \(directory)"))
    }
    let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw LisaError(.ioError, "\(displayName).lock: cannot open lock file (\(String(cString: strerror(errno))))")
    }
    defer { close(fd) }
    let deadline = ContinuousClock.now + timeout
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let reason = errno
      guard reason == EWOULDBLOCK || reason == EINTR else {
        throw LisaError(.ioError, "\(displayName).lock: cannot lock (\(String(cString: strerror(reason))))")
      }
      guard ContinuousClock.now < deadline else {
        throw LisaError(
          .conflict, "\(displayName): another process has held the lock for \(timeout)",
          hint: "another lisa keys command is writing; retry, or check for a stuck process holding \(displayName).lock")
      }
      try await Task.sleep(for: .milliseconds(Int.random(in: 5...25)))
    }
    defer { flock(fd, LOCK_UN) }
    return try body()
  }
}
