import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A real LiteLLM proxy (`litellm[proxy]` from PyPI) on 127.0.0.1 and a free port, without a database,
/// serving the models of a small config under `masterKey` (LiteLLM 1.108 refuses to start without one).
/// It makes no outbound calls for what the tests ask (health, model listing); the cost map is read from
/// the package itself. Its own venv (scripts/litellm-requirements.txt, `scripts/bootstrap.sh --litellm`): it is large.
public final class LiteLLMProxy: @unchecked Sendable {
  public let port: Int
  public var url: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }
  private let process: Process
  private let logPath: String
  private let lock = NSLock()
  private var stopped = false

  public static let masterKey = "sk-lisa-test-master-0001"

  /// `LISA_TEST_LITELLM`: the `litellm` executable of a venv with `litellm[proxy]`; the test that needs it is
  /// skipped without it.
  public static var executable: String? {
    guard let path = ProcessInfo.processInfo.environment["LISA_TEST_LITELLM"], !path.isEmpty else { return nil }
    return path
  }

  public init(models: [String], startupTimeout: TimeInterval = 600) throws {
    guard let executable = Self.executable else { throw MotoUnavailable("LISA_TEST_LITELLM is not set") }
    guard FileManager.default.isExecutableFile(atPath: executable) else {
      throw MotoUnavailable("LISA_TEST_LITELLM=\(executable) is not an executable")
    }
    let directory = TestPaths.temporaryDirectory("litellm")
    let config = directory.appendingPathComponent("config.yaml")
    let entries = models.map {
      "  - model_name: \($0)\n    litellm_params:\n      model: openai/\($0)\n      api_base: http://127.0.0.1:9/v1\n      api_key: none\n"
    }
    try ("model_list:\n" + entries.joined()).write(to: config, atomically: true, encoding: .utf8)
    let logPath = directory.appendingPathComponent("litellm.log").path
    self.logPath = logPath
    do {
      (process, port) = try LoopbackServerLaunch.start(timeout: startupTimeout, grace: 5) { port in
        ChildProcess.logging(
          to: logPath, executable,
          ["--config", config.path, "--host", "127.0.0.1", "--port", String(port), "--num_workers", "1"],
          environment: [
            "PATH": (executable as NSString).deletingLastPathComponent + ":/usr/bin:/bin", "HOME": directory.path,
            "LITELLM_MASTER_KEY": Self.masterKey,
            "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1", "LITELLM_LOCAL_MODEL_COST_MAP": "True",
            "LITELLM_TELEMETRY": "False", "DISABLE_ADMIN_UI": "True",
          ])
      }
    } catch let failure as LoopbackServerLaunch.NotListening {
      throw MotoUnavailable("litellm \(failure): \(Self.logTail(logPath))")
    }
  }

  public func logTail() -> String { Self.logTail(logPath) }

  static func logTail(_ logPath: String) -> String {
    let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").suffix(15).joined(separator: "\n")
  }

  public func stop() {
    lock.lock()
    defer { lock.unlock() }
    guard !stopped else { return }
    stopped = true
    ChildProcess.stop(process, grace: 5)
  }

  deinit { stop() }
}
