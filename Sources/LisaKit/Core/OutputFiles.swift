import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files one command writes, written all or none: every target is checked before the first
/// byte is written (its directory exists — lisa never creates one the user did not name —, it is
/// not a directory, it is free unless replacing was asked for), all contents are staged next to
/// their targets, and only then moved into place. If a move still fails, the files already moved
/// are put back as they were.
public struct OutputFiles {
  public struct File {
    public var path: String
    public var data: Data
    public var mode: mode_t
    public var displayName: String
  }

  public private(set) var files: [File] = []
  /// Whether existing files may be replaced (`--force`).
  public var replacing: Bool

  public init(replacing: Bool) { self.replacing = replacing }

  public mutating func add(_ data: Data, to path: String, mode: mode_t = 0o600, displayName: String) {
    files.append(File(path: path, data: data, mode: mode, displayName: displayName))
  }

  /// Throws the first reason any file could not be written; writes nothing.
  public func check() throws {
    var seen: [String: String] = [:]
    for file in files {
      if let other = seen[file.path] {
        throw LisaError.usage("\(file.displayName) is named for two outputs (also as \(other))")
      }
      seen[file.path] = file.displayName
      try FileIO.checkWritable(file.path, displayName: file.displayName)
      if !replacing && FileIO.exists(file.path) {
        throw LisaError(
          .conflict, "\(file.displayName) already exists; nothing written",
          hint: "pass --force to replace it, or --dry-run to compare")
      }
    }
  }

  public func write() throws {
    try check()
    var staged: [(file: File, temporary: String)] = []
    defer { for (_, temporary) in staged { unlink(temporary) } }
    for file in files {
      staged.append((file, try FileIO.stage(file.data, besides: file.path, mode: file.mode, displayName: file.displayName)))
    }
    var moved: [(file: File, previous: String?)] = []
    for (index, (file, temporary)) in staged.enumerated() {
      let previous = FileIO.exists(file.path) ? FileIO.keepPrevious(of: file.path) : nil
      guard rename(temporary, file.path) == 0 else {
        let reason = String(cString: strerror(errno))
        if let previous { unlink(previous) }
        for (done, saved) in moved.reversed() {
          if let saved { rename(saved, done.path) } else { unlink(done.path) }
        }
        throw LisaError(.ioError, "\(file.displayName): cannot be written (\(reason)); nothing written")
      }
      staged[index].temporary = ""
      moved.append((file, previous))
      FileIO.syncDirectory(of: file.path)
    }
    for (_, saved) in moved { if let saved { unlink(saved) } }
  }
}

extension FileIO {
  /// The directory of `path` exists and `path` is not itself a directory.
  public static func checkWritable(_ path: String, displayName: String) throws {
    let directory = directory(of: path)
    let named = (displayName as NSString).deletingLastPathComponent
    let shown = named.isEmpty ? directory : named
    if isDirectory(path) { throw LisaError(.ioError, "\(displayName): is a directory, expected a file") }
    guard isDirectory(directory) else {
      let reason = exists(directory) ? "is not a directory" : "does not exist"
      throw LisaError(.ioError, "\(displayName): the directory \(shown) \(reason); nothing written", hint: "create it first")
    }
    guard access(directory, W_OK) == 0 else {
      throw LisaError(.ioError, "\(displayName): cannot write in \(shown) (\(String(cString: strerror(errno))))")
    }
  }

  static func directory(of path: String) -> String {
    let directory = (path as NSString).deletingLastPathComponent
    return directory.isEmpty ? "." : directory
  }

  /// Writes `data` to a new hidden file next to `path` (mode `mode`, fsynced) and returns its path.
  static func stage(_ data: Data, besides path: String, mode: mode_t, displayName: String) throws -> String {
    let dir = directory(of: path)
    var template = Array("\(dir)/.\((path as NSString).lastPathComponent).XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
    guard fd >= 0 else {
      throw LisaError(.ioError, "\(displayName): cannot create a file in \(dir) (\(String(cString: strerror(errno))))")
    }
    let temporary = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { String(cString: $0) } ?? "" }
    fchmod(fd, mode)
    let written = data.withUnsafeBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }
      var offset = 0
      while offset < buffer.count {
        let n = Foundation.write(fd, base + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += n
      }
      return true
    }
    let synced = written && fsync(fd) == 0
    let reason = String(cString: strerror(errno))
    close(fd)
    guard synced else {
      unlink(temporary)
      throw LisaError(.ioError, "\(displayName): write failed (\(reason))")
    }
    return temporary
  }

  /// A hard link to the current file, so it can be put back; nil where links are not possible.
  static func keepPrevious(of path: String) -> String? {
    let saved = directory(of: path) + "/.\((path as NSString).lastPathComponent).lisa-previous-\(getpid())"
    unlink(saved)
    return link(path, saved) == 0 ? saved : nil
  }

  static func syncDirectory(of path: String) {
    let fd = open(directory(of: path), O_RDONLY)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }
}
