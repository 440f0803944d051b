import Foundation

/// A sink for text: stdout, stderr, or a buffer in tests.
public protocol TextSink: Sendable {
  func write(_ text: String)
}

public final class FileHandleSink: TextSink, @unchecked Sendable {
  private let handle: FileHandle
  private let lock = NSLock()
  public init(_ handle: FileHandle) { self.handle = handle }
  public func write(_ text: String) {
    lock.lock()
    defer { lock.unlock() }
    handle.write(Data(text.utf8))
  }
}

public final class BufferSink: TextSink, @unchecked Sendable {
  private let lock = NSLock()
  private var storage = ""
  public init() {}
  public func write(_ text: String) {
    lock.lock()
    storage += text
    lock.unlock()
  }
  public var text: String {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}

/// Everything a command needs from the outside world. Commands never read `ProcessInfo`,
/// `FileManager.default` or `Date()` directly, so tests inject their own.
public struct LisaContext: Sendable {
  public var environment: [String: String]
  public var workingDirectory: String
  public var homeDirectory: String
  public var now: @Sendable () -> Date
  public var terminal: Terminal
  public var stdout: any TextSink
  public var stderr: any TextSink
  /// Standard input, read once, up to the limit given (`FileIO.readStandardInput`).
  public var stdin: @Sendable (_ limit: Int) throws -> Data
  /// Reads one line from the terminal, for prompts.
  public var readLine: @Sendable () -> String?
  public var transport: any HTTPTransport

  public init(
    environment: [String: String], workingDirectory: String, homeDirectory: String,
    now: @escaping @Sendable () -> Date, terminal: Terminal, stdout: any TextSink, stderr: any TextSink,
    stdin: @escaping @Sendable (_ limit: Int) throws -> Data = { _ in Data() },
    readLine: @escaping @Sendable () -> String? = { nil },
    transport: any HTTPTransport = AsyncHTTPTransport()
  ) {
    self.environment = environment
    self.workingDirectory = workingDirectory
    self.homeDirectory = homeDirectory
    self.now = now
    self.terminal = terminal
    self.stdout = stdout
    self.stderr = stderr
    self.stdin = stdin
    self.readLine = readLine
    self.transport = transport
  }

  public static func live() -> LisaContext {
    let env = ProcessInfo.processInfo.environment
    return LisaContext(
      environment: env,
      workingDirectory: FileManager.default.currentDirectoryPath,
      homeDirectory: env["HOME"] ?? NSHomeDirectory(),
      now: { Date() },
      terminal: .live(environment: env),
      stdout: FileHandleSink(.standardOutput),
      stderr: FileHandleSink(.standardError),
      stdin: { limit in try FileIO.readStandardInput(limit: limit) },
      readLine: { Swift.readLine() },
      transport: AsyncHTTPTransport(environment: env)
    )
  }

  /// Resolves a user-given path against the working directory.
  public func resolve(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    if path == "~" { return homeDirectory }
    if path.hasPrefix("~/") { return homeDirectory + String(path.dropFirst(1)) }
    return URL(fileURLWithPath: workingDirectory).appendingPathComponent(path).standardizedFileURL.path
  }

  /// A path as shown to the user: relative to the working directory when it lies inside it.
  public func display(_ path: String) -> String {
    let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
  }

  /// A small secret input (a key, a passphrase): the file at `path`, or stdin for "-", with the
  /// name its errors should show.
  public func readSecretInput(_ path: String) throws -> (name: String, data: Data) {
    let limit = 64 * 1024
    if path == "-" {
      return ("stdin", try stdin(limit))
    }
    let name = display(resolve(path))
    return (name, try FileIO.read(resolve(path), displayName: name, limit: limit))
  }
}
