import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Tests/Support/fault_proxy.py in front of an upstream (moto) on a free loopback port, stopped by PID.
public final class FaultProxy: @unchecked Sendable {
  public let url: URL
  private let process: Process
  private let errors: Pipe
  private var errorText: DrainingReader?

  public init(upstream: URL) throws {
    let ready = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-ready-\(UUID().uuidString.prefix(8))")
    let errors = Pipe()
    self.errors = errors
    let started: (process: Process, port: Int)
    do {
      started = try LoopbackServerLaunch.start(timeout: 20, isReady: { FileManager.default.fileExists(atPath: ready.path) }) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TokenTableScript.python)
        process.arguments = [
          TestPaths.repository.appendingPathComponent("Tests/Support/fault_proxy.py").path, "--listen", String($0),
          "--upstream", upstream.absoluteString, "--ready", ready.path,
        ]
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        return process
      }
    } catch let failure as LoopbackServerLaunch.NotListening {
      throw ScriptFailure(description: "fault_proxy.py \(failure)")
    }
    process = started.process
    guard let url = URL(string: "http://127.0.0.1:\(started.port)") else {
      ChildProcess.stop(process)
      throw ScriptFailure(description: "bad port \(started.port)")
    }
    self.url = url
    errorText = DrainingReader(errors.fileHandleForReading)
    try? FileManager.default.removeItem(at: ready)
  }

  /// Stops the proxy and returns how many faults of each kind it injected, and how many requests of each
  /// DynamoDB action it saw ("sent:PutItem").
  @discardableResult
  public func stop() -> [String: Int] {
    guard process.isRunning else { return [:] }
    kill(process.processIdentifier, SIGTERM)
    let deadline = Date().addingTimeInterval(5)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    let data = errorText?.finish() ?? Data()
    let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "{}"
    return (try? JSONDecoder().decode([String: Int].self, from: Data(line.utf8))) ?? [:]
  }

  deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
