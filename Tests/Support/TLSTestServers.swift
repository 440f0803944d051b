import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A certificate authority made for one test with `openssl`, and a server certificate it signed for
/// 127.0.0.1 and localhost. Nothing outside the test trusts it.
public struct TestCertificateAuthority: Sendable {
  public let directory: URL
  public var caCertificate: String { directory.appendingPathComponent("ca.pem").path }
  public var serverCertificate: String { directory.appendingPathComponent("server.pem").path }
  public var serverKey: String { directory.appendingPathComponent("server.key").path }

  public init() async throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("lisa-ca-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let extensions = directory.appendingPathComponent("server.ext")
    try Data("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n".utf8).write(to: extensions)
    let steps: [[String]] = [
      [
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj",
        "/CN=lisa test CA",
      ],
      ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"],
      [
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
        "-days", "2", "-extfile", "server.ext",
      ],
    ]
    for step in steps {
      let result = try await Subprocess.run("/usr/bin/openssl", step, cwd: directory)
      guard result.status == 0 else { throw ScriptFailure(description: "openssl \(step[0]): \(result.stderr)") }
    }
  }

  public func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Tests/Support/tls_and_proxy.py in one of its modes on a free loopback port, stopped by PID.
public final class LoopbackScriptServer: @unchecked Sendable {
  public let port: Int
  private let process: Process

  /// An HTTPS server presenting the authority's server certificate.
  public static func https(_ authority: TestCertificateAuthority) throws -> LoopbackScriptServer {
    try LoopbackScriptServer(["tls", "--cert", authority.serverCertificate, "--key", authority.serverKey])
  }

  /// A CONNECT proxy that appends "CONNECT host:port" to `log` for every tunnel it opens.
  public static func connectProxy(log: URL) throws -> LoopbackScriptServer {
    try LoopbackScriptServer(["proxy", "--log", log.path])
  }

  private init(_ arguments: [String]) throws {
    let ready = FileManager.default.temporaryDirectory.appendingPathComponent("ready-\(UUID().uuidString.prefix(8))")
    do {
      (process, port) = try LoopbackServerLaunch.start(
        timeout: 20, isReady: { FileManager.default.fileExists(atPath: ready.path) }
      ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TokenTableScript.python)
        process.arguments =
          [TestPaths.repository.appendingPathComponent("Tests/Support/tls_and_proxy.py").path] + arguments
          + ["--port", String($0), "--ready", ready.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
      }
    } catch let failure as LoopbackServerLaunch.NotListening {
      throw ScriptFailure(description: "tls_and_proxy.py \(arguments[0]) \(failure)")
    }
    try? FileManager.default.removeItem(at: ready)
  }

  public func stop() { ChildProcess.stop(process) }

  deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
