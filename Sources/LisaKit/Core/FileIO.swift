import Foundation
import LisaProcess

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading input files with clear errors, and writing output files atomically.
public enum FileIO {
  /// Config and request files are small; anything bigger is a mistake, not a config.
  public static let defaultReadLimit = 4 * 1024 * 1024

  /// Whether the name exists, also as a broken or looping symlink (reading it then says which).
  public static func exists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
  }

  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// Reads a file of any kind (regular, FIFO, device, `/proc`) through `readBounded`, refusing
  /// directories, symlink loops, unreadable paths and anything over `limit` with one-line errors.
  public static func read(_ path: String, displayName: String? = nil, limit: Int = defaultReadLimit) throws -> Data {
    let name = displayName ?? path
    var st = stat()
    guard stat(path, &st) == 0 else { throw openError(name, path: path, errno) }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      throw LisaError(.ioError, "\(name): is a directory, expected a file")
    }
    if (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) > limit {
      throw LisaError(
        .dataError,
        "\(name): file is \(formatBytes(Int(st.st_size))), larger than the \(formatBytes(limit)) limit for this kind of file")
    }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw openError(name, path: path, errno) }
    defer { close(fd) }
    return try readBounded(fd, name: name, limit: limit)
  }

  /// Reads `fd` to its end, stopping at `limit + 1` bytes whatever it is: `/dev/zero` or a FIFO fed by
  /// `yes` cannot make lisa grow without end.
  public static func readBounded(_ fd: Int32, name: String, limit: Int) throws -> Data {
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while data.count <= limit {
      let wanted = min(chunk.count, limit + 1 - data.count)
      let n = chunk.withUnsafeMutableBytes { buffer in Foundation.read(fd, buffer.baseAddress, wanted) }
      if n < 0 {
        if errno == EINTR { continue }
        throw readError(name, errno)
      }
      if n == 0 { return data }
      data.append(contentsOf: chunk[0..<n])
    }
    throw tooLarge(name, limit: limit)
  }

  /// Standard input, bounded like a file; a closed stdin (`<&-`) or a directory on it is one clear error.
  public static func readStandardInput(limit: Int = defaultReadLimit) throws -> Data {
    var st = stat()
    guard lisa_stdin_was_closed() == 0, fstat(STDIN_FILENO, &st) == 0 else {
      throw LisaError(.ioError, "stdin: is closed, nothing to read", hint: "pipe the value in, e.g. `< file`")
    }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw LisaError(.ioError, "stdin: is a directory, expected a file or a pipe") }
    return try readBounded(STDIN_FILENO, name: "stdin", limit: limit)
  }

  static func openError(_ name: String, path: String, _ code: Int32) -> LisaError {
    switch code {
    case ENOENT where isSymlink(path): LisaError(.notFound, "\(name): a symlink to a file that does not exist")
    case ENOENT: LisaError(.notFound, "\(name): no such file")
    case ELOOP: LisaError(.ioError, "\(name): symlink loop (a link that points back to itself)")
    default: LisaError(.ioError, "\(name): cannot be read (\(String(cString: strerror(code))))")
    }
  }

  private static func isSymlink(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
  }

  static func readError(_ name: String, _ code: Int32) -> LisaError {
    if code == EISDIR { return LisaError(.ioError, "\(name): is a directory, expected a file") }
    return LisaError(.ioError, "\(name): read failed (\(String(cString: strerror(code))))")
  }

  static func tooLarge(_ name: String, limit: Int) -> LisaError {
    LisaError(.dataError, "\(name): more than the \(formatBytes(limit)) limit for this kind of input; nothing was used")
  }

  /// Creates `directory` and its missing parents, mode 0700, unless it exists; throws `failure` when that fails.
  public static func createPrivateDirectory(_ directory: String, orThrow failure: @autoclosure () -> LisaError) throws {
    guard !isDirectory(directory) else { return }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw failure()
    }
  }

  /// Writes `data` so that readers see either the old file or the new one, never a partial one:
  /// a temporary file in the same directory, fsync, rename, fsync of the directory. The directory
  /// must exist: lisa creates only directories of its own (state, backups), never one a user named.
  public static func writeAtomically(_ data: Data, to path: String, mode: mode_t = 0o600, displayName: String? = nil) throws {
    let name = displayName ?? path
    try checkWritable(path, displayName: name)
    let temporary = try stage(data, besides: path, mode: mode, displayName: name)
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw LisaError(.ioError, "\(name): cannot replace file (\(reason))")
    }
    syncDirectory(of: path)
  }

  public static func formatBytes(_ count: Int) -> String {
    if count >= 1024 * 1024 { return String(format: "%.1f MB", Double(count) / 1_048_576) }
    if count >= 1024 { return String(format: "%.1f KB", Double(count) / 1024) }
    return "\(count) bytes"
  }
}
