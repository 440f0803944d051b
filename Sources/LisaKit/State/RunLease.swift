import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Proof that this process is the one working on a run: an exclusive flock on `run-<id>.lock` in
/// the state directory. The kernel drops it when the process dies, even by kill -9, so a crashed
/// run can be resumed at once while two live processes cannot work on the same run.
public final class RunLease: Sendable {
  public let runId: Int64
  private let path: String
  private let descriptor: Int32

  init(runId: Int64, directory: String) throws {
    self.runId = runId
    path = (directory as NSString).appendingPathComponent("run-\(runId).lock")
    // The lock file is deleted on release, so a lock can land on a file that was just unlinked;
    // checking that the path still names the locked file closes that gap.
    for _ in 0..<5 {
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
      guard fd >= 0 else { throw LisaError(.ioError, "\(path): cannot create lock file (\(String(cString: strerror(errno))))") }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
        close(fd)
        throw LisaError(
          .conflict, "run \(runId) is in progress in another lisa process",
          hint: "wait for it to finish, or stop it and run again")
      }
      var locked = stat()
      var named = stat()
      if fstat(fd, &locked) == 0, stat(path, &named) == 0, locked.st_ino == named.st_ino, locked.st_dev == named.st_dev {
        descriptor = fd
        return
      }
      close(fd)
    }
    throw LisaError(.conflict, "run \(runId): its lock file keeps changing; another lisa process is starting or stopping")
  }

  deinit {
    unlink(path)
    close(descriptor)
  }
}

extension StateStore {
  /// Takes the run for this process until the lease is released (dropped).
  public func lease(_ runId: Int64) throws -> RunLease {
    try RunLease(runId: runId, directory: directory)
  }
}
