import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Tests/Support/fault_proxy.py in front of an upstream (moto) on a free loopback port, stopped by PID.
public final class FaultProxy: @unchecked Sendable {
  public let url: URL
  private let process: Process
  private let errors = Pipe()
  private var errorText: DrainingReader?

  public init(upstream: URL) throws {
    let port = try LoopbackSockets.freePort()
    guard let url = URL(string: "http://127.0.0.1:\(port)") else { throw ScriptFailure(description: "bad port \(port)") }
    self.url = url
    let ready = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-\(port)-\(UUID().uuidString.prefix(6))")
    process = Process()
    process.executableURL = URL(fileURLWithPath: TokenTableScript.python)
    process.arguments = [
      TestPaths.repository.appendingPathComponent("Tests/Support/fault_proxy.py").path, "--listen", String(port),
      "--upstream", upstream.absoluteString, "--ready", ready.path,
    ]
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try ChildProcess.launch(process)
    errorText = DrainingReader(errors.fileHandleForReading)
    let deadline = Date().addingTimeInterval(20)
    while !FileManager.default.fileExists(atPath: ready.path) || !LoopbackSockets.isAccepting(port: port) {
      guard process.isRunning, Date() < deadline else {
        stop()
        throw ScriptFailure(description: "fault_proxy.py did not start")
      }
      usleep(50_000)
    }
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
