import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading input files with clear errors, and writing output files atomically.
public enum FileIO {
  /// Config and request files are small; anything bigger is a mistake, not a config.
  public static let defaultReadLimit = 4 * 1024 * 1024

  public static func exists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0
  }

  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// Reads a regular file, refusing directories, oversized files and unreadable paths with one-line errors.
  public static func read(_ path: String, displayName: String? = nil, limit: Int = defaultReadLimit) throws -> Data {
    let name = displayName ?? path
    var st = stat()
    guard stat(path, &st) == 0 else {
      if errno == ENOENT { throw LisaError(.notFound, "\(name): no such file") }
      throw LisaError(.ioError, "\(name): \(String(cString: strerror(errno)))")
    }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      throw LisaError(.ioError, "\(name): is a directory, expected a file")
    }
    if Int(st.st_size) > limit {
      throw LisaError(
        .dataError,
        "\(name): file is \(formatBytes(Int(st.st_size))), larger than the \(formatBytes(limit)) limit for this kind of file")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw LisaError(.ioError, "\(name): cannot be read (\(String(cString: strerror(errno))))")
    }
    defer { try? handle.close() }
    let data = (try? handle.readToEnd()) ?? Data()
    if data.count > limit {
      throw LisaError(.dataError, "\(name): larger than the \(formatBytes(limit)) limit for this kind of file")
    }
    return data
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
