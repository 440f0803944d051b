import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks on the raw bytes of a backup before SQLite sees them. SQLite zero-fills pages missing
/// from a truncated file and would read on; comparing the file size with the page count recorded in
/// the header catches truncation (and appended garbage) up front.
struct BackupFileHeader {
  let pageSize: Int

  init(path: String, displayName: String) throws {
    var status = stat()
    guard stat(path, &status) == 0 else {
      if errno == ENOENT { throw LisaError(.notFound, "\(displayName): no such file") }
      throw LisaError(.ioError, "\(displayName): \(String(cString: strerror(errno)))")
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else { throw LisaError(.ioError, "\(displayName): not a regular file") }
    let size = Int(status.st_size)
    guard size > 0 else { throw BackupFormat.damaged(displayName, "the file is empty") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw LisaError(.ioError, "\(displayName): cannot be read (\(String(cString: strerror(errno))))")
    }
    defer { try? handle.close() }
    let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
    guard header.count == 100 else {
      throw BackupFormat.damaged(displayName, "shorter than a database header: \(size) of 100 bytes")
    }
    guard Data(header[0..<16]) == BackupFormat.sqliteMagic else {
      throw LisaError(.dataError, "\(displayName): not a lisa backup file (not an SQLite database)")
    }
    guard Self.uint32(header, at: 68) == UInt32(bitPattern: BackupFormat.applicationID) else {
      throw LisaError(.dataError, "\(displayName): not a lisa backup file (an SQLite database of another application)")
    }
    let rawPageSize = Int(header[16]) << 8 | Int(header[17])
    pageSize = rawPageSize == 1 ? 65536 : rawPageSize
    guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else {
      throw BackupFormat.damaged(displayName, "invalid page size \(pageSize)")
    }
    guard size % pageSize == 0 else {
      throw BackupFormat.damaged(displayName, "\(size) bytes is not a whole number of \(pageSize)-byte pages")
    }
    // The page count at offset 28 is valid when the change counter matches "version-valid-for".
    if Self.uint32(header, at: 24) == Self.uint32(header, at: 92) {
      let pages = Int(Self.uint32(header, at: 28))
      guard pages * pageSize == size else {
        throw BackupFormat.damaged(displayName, "\(size / pageSize) pages on disk, the header says \(pages)")
      }
    }
  }

  private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
  }
}
