import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A moto_server from the repository's test venv on 127.0.0.1 and a free port, stopped by PID.
/// Use `MotoServer.with { server in … }` so it is stopped however the test ends.
public final class MotoServer: @unchecked Sendable {
  public let port: Int
  public let url: URL
  private let process: Process
  private let logPath: String
  private let lock = NSLock()
  private var stopped = false

  public static var executable: String { TestPaths.repository.appendingPathComponent(".venv/bin/moto_server").path }

  /// Starts the server and waits until it accepts connections. `environment` adds moto settings
  /// such as `INITIAL_NO_AUTH_ACTION_COUNT`.
  public init(environment: [String: String] = [:], startupTimeout: TimeInterval = 60) throws {
    guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
      throw MotoUnavailable("moto_server not found at \(Self.executable); run scripts/bootstrap.sh --test")
    }
    let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(UUID().uuidString.prefix(8)).log").path
    self.logPath = logPath
    var env = [
      "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "PYTHONUNBUFFERED": "1",
    ]
    for (key, value) in environment { env[key] = value }
    let started: (process: Process, port: Int)
    do {
      started = try LoopbackServerLaunch.start(timeout: startupTimeout) { port in
        ChildProcess.logging(to: logPath, Self.executable, ["-H", "127.0.0.1", "-p", String(port)], environment: env)
      }
    } catch let failure as LoopbackServerLaunch.NotListening {
      throw MotoUnavailable("moto_server \(failure): \(Self.logTail(logPath))")
    }
    (process, port) = started
    guard let url = URL(string: "http://127.0.0.1:\(port)") else { throw MotoUnavailable("bad port \(port)") }
    self.url = url
  }

  public var pid: Int32 { process.processIdentifier }

  /// SIGTERM, then SIGKILL after two seconds; waits for the process to end.
  public func stop() {
    lock.lock()
    defer { lock.unlock() }
    guard !stopped else { return }
    stopped = true
    ChildProcess.stop(process)
    try? FileManager.default.removeItem(atPath: logPath)
  }

  deinit { stop() }

  /// The last lines the server printed, for failure messages.
  public func logTail(lines: Int = 15) -> String { Self.logTail(logPath, lines: lines) }

  static func logTail(_ logPath: String, lines: Int = 15) -> String {
    let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").suffix(lines).joined(separator: " | ")
  }

  /// Runs `body` with a fresh server and stops it afterwards, also when `body` throws.
  public static func with<T>(environment: [String: String] = [:], _ body: (MotoServer) async throws -> T) async throws -> T {
    try await withServer({ try MotoServer(environment: environment) }, stop: { $0.stop() }, body)
  }
}

public struct MotoUnavailable: Error, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}
