import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The local state database: run journal, per-item checkpoints, index of backups. Every change is
/// one SQLite transaction in WAL mode, so a process killed at any point leaves either the state
/// before or after a call, never half of one; nothing about progress lives only in memory.
public final class StateStore: Sendable {
  public static let fileName = "state.db"
  public let directory: String
  public let path: String
  let database: DatabaseQueue
  let now: @Sendable () -> Date

  public convenience init(context: LisaContext) throws {
    try self.init(directory: StateLocation.directory(context: context), now: context.now)
  }

  public init(directory: String, now: @escaping @Sendable () -> Date) throws {
    self.directory = directory
    path = (directory as NSString).appendingPathComponent(Self.fileName)
    self.now = now
    try Self.prepareDirectory(directory)
    try Self.prepareFile(path)
    var configuration = Configuration.smallPageCache()
    // WAL, and GRDB's synchronous=NORMAL with it: a commit survives kill -9 at once; a power cut may
    // lose the last few, which a resume redoes (item writes are idempotent, keyed by item).
    configuration.journalMode = .wal
    configuration.busyMode = .timeout(10)
    configuration.foreignKeysEnabled = true
    database = try Self.openDatabase(path: path, configuration: configuration)
  }

  /// Another lisa process may be creating or writing the database at this moment: a schema that is
  /// already current is only read, and a busy database is tried again for a while before giving up.
  /// Two processes creating the schema at once both see it missing, and the one that loses the race
  /// fails on a table the other has just made ("already exists", or grdb_migrations not yet there):
  /// looked at again, the schema is current, so such an error is retried a few times too.
  private static func openDatabase(path: String, configuration: Configuration) throws -> DatabaseQueue {
    var attempt = 0
    while true {
      do {
        let database = try DatabaseQueue(path: path, configuration: configuration)
        if try !database.read(StateSchema.migrator.hasCompletedMigrations) { try StateSchema.migrator.migrate(database) }
        return database
      } catch let error as DatabaseError
        where ((error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && attempt < 50)
        || (error.resultCode == .SQLITE_ERROR && attempt < 10)
      {
        attempt += 1
        usleep(100_000)
      } catch {
        throw Self.translate(error, path: path)
      }
    }
  }

  /// Missing directories are created; the state directory itself is 0700 because it holds the
  /// journal of what was exported where.
  private static func prepareDirectory(_ directory: String) throws {
    if FileIO.isDirectory(directory) { return }
    if FileIO.exists(directory) { throw LisaError(.ioError, "\(directory): state directory path is a file") }
    let parent = (directory as NSString).deletingLastPathComponent
    do {
      if !parent.isEmpty { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
    } catch {
      throw LisaError(.ioError, "\(parent): cannot create directory", hint: "set \(StateLocation.environmentVariable)")
    }
    guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
      throw LisaError(.ioError, "\(directory): cannot create the state directory (\(String(cString: strerror(errno))))")
    }
    chmod(directory, 0o700)
  }

  /// Creates `state.db` as 0600 before SQLite opens it (SQLite gives the -wal and -shm files the
  /// same mode), and tightens a file that was made more permissive.
  private static func prepareFile(_ path: String) throws {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw LisaError(.ioError, "\(path): cannot open the state database (\(String(cString: strerror(errno))))")
    }
    defer { close(fd) }
    var status = stat()
    if fstat(fd, &status) == 0, status.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }
  }

  func write<Result>(_ body: (Database) throws -> Result) throws -> Result {
    do {
      return try database.write(body)
    } catch {
      throw translate(error, path: path)
    }
  }

  func read<Result>(_ body: (Database) throws -> Result) throws -> Result {
    do {
      return try database.read(body)
    } catch {
      throw translate(error, path: path)
    }
  }

  var timestamp: Double { now().timeIntervalSince1970 }

  private func translate(_ error: any Error, path: String) -> any Error {
    Self.translate(error, path: path)
  }

  private static func translate(_ error: any Error, path: String) -> any Error {
    if error is LisaError { return error }
    guard let error = error as? DatabaseError else { return LisaError(.ioError, "\(path): state database error (\(error))") }
    let detail = error.message ?? "\(error.resultCode)"
    switch error.resultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return LisaError(.dataError, "\(path): state database is damaged (\(detail))", hint: "move it aside; lisa starts a new one")
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return LisaError(.conflict, "\(path): state database is busy (\(detail))", hint: "another lisa process is using it")
    default:
      return LisaError(.ioError, "\(path): state database error (\(detail))")
    }
  }
}
