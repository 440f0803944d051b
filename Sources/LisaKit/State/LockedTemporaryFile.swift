import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hidden file next to a final path, created with mode 0600 (mkstemp) so it is never readable by
/// others, and held under an exclusive flock while its writer lives. A writer killed with -9 leaves
/// the file behind but drops the lock, which is how the next writer recognises it as debris.
final class LockedTemporaryFile {
  let path: String
  private var descriptor: Int32

  /// `.<name>.tmp-XXXXXX` in the directory of `finalPath`.
  init(besides finalPath: String, displayName: String) throws {
    let directory = Self.directory(of: finalPath)
    // Another writer's debris sweep may lock and delete a file between mkstemp and our flock; a file
    // we could not lock, or that no longer has its name, is left to that sweep and we try again.
    for _ in 0..<5 {
      var template = Array((Self.prefix(for: finalPath) + "XXXXXX").utf8CString)
      let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
        guard let base = buffer.baseAddress else { return -1 }
        return mkstemp(base)
      }
      guard fd >= 0 else {
        throw LisaError(.ioError, "\(displayName): cannot create a file in \(directory) (\(String(cString: strerror(errno))))")
      }
      let candidate = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { String(cString: $0) } ?? "" }
      fchmod(fd, 0o600)
      if flock(fd, LOCK_EX | LOCK_NB) == 0, Self.names(candidate, fd) {
        path = candidate
        descriptor = fd
        return
      }
      close(fd)
    }
    throw LisaError(.ioError, "\(displayName): cannot create a private temporary file in \(directory)")
  }

  private static func names(_ path: String, _ fd: Int32) -> Bool {
    var opened = stat()
    var named = stat()
    return fstat(fd, &opened) == 0 && stat(path, &named) == 0 && opened.st_ino == named.st_ino && opened.st_dev == named.st_dev
  }

  /// Makes the file durable: SQLite wrote it with syncing off, so one fsync here covers it all.
  func sync(displayName: String) throws {
    guard fsync(descriptor) == 0 else {
      throw LisaError(.ioError, "\(displayName): cannot flush to disk (\(String(cString: strerror(errno))))")
    }
  }

  /// Moves the file to its final name. Without `replacing`, an existing file is never overwritten:
  /// link(2) fails atomically if the name is taken.
  func publish(as finalPath: String, replacing: Bool, displayName: String) throws {
    if replacing {
      guard rename(path, finalPath) == 0 else {
        throw LisaError(.ioError, "\(displayName): cannot move the backup into place (\(String(cString: strerror(errno))))")
      }
    } else {
      if link(path, finalPath) == 0 {
        unlink(path)
      } else if errno == EEXIST {
        throw LisaError(.conflict, "\(displayName): already exists", hint: "choose another name or pass --force to replace it")
      } else if [EPERM, ENOTSUP, EOPNOTSUPP, ENOSYS].contains(errno), !FileIO.exists(finalPath) {
        // File systems without hard links: check-then-rename, which leaves a small race window.
        try publish(as: finalPath, replacing: true, displayName: displayName)
        return
      } else {
        throw LisaError(.ioError, "\(displayName): cannot move the backup into place (\(String(cString: strerror(errno))))")
      }
    }
    let directoryFD = open(Self.directory(of: finalPath), O_RDONLY)
    if directoryFD >= 0 {
      fsync(directoryFD)
      close(directoryFD)
    }
    release()
  }

  /// Deletes the file (and a journal SQLite may have left) and drops the lock.
  func discard() {
    unlink(path)
    unlink(path + "-journal")
    release()
  }

  private func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }

  /// Deletes temporary files of earlier writers of `finalPath` that died without cleaning up. A file
  /// whose lock can be taken has no living writer.
  static func removeDebris(besides finalPath: String) {
    let directory = directory(of: finalPath)
    let prefix = (prefix(for: finalPath) as NSString).lastPathComponent
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    for name in names where name.hasPrefix(prefix) && name.count == prefix.count + 6 {
      let candidate = directory + "/" + name
      let fd = open(candidate, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { continue }
      if flock(fd, LOCK_EX | LOCK_NB) == 0 {
        unlink(candidate)
        unlink(candidate + "-journal")
      }
      close(fd)
    }
  }

  private static func directory(of path: String) -> String {
    let directory = (path as NSString).deletingLastPathComponent
    return directory.isEmpty ? "." : directory
  }

  private static func prefix(for finalPath: String) -> String {
    directory(of: finalPath) + "/." + (finalPath as NSString).lastPathComponent + ".tmp-"
  }
}
