import Foundation
import LisaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The test servers' start: a child that lost its port to another server is not taken for ready.
struct LoopbackServerLaunchTests {
  func httpServer(port: Int) -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TokenTableScript.python)
    process.arguments = ["-m", "http.server", "--bind", "127.0.0.1", String(port)]
    process.currentDirectoryURL = FileManager.default.temporaryDirectory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    return process
  }

  @Test func aPortAnotherServerTookIsGivenUpForAnotherOne() throws {
    // Something else (this test process) listens on the first port offered, as a parallel test's server would.
    let taken = try LoopbackSockets.silentListener()
    defer { close(taken.fd) }
    var offered: [Int] = []
    let started = try LoopbackServerLaunch.start(
      timeout: 20,
      pickPort: {
        offered.append(offered.isEmpty ? taken.port : try LoopbackSockets.freePort())
        return offered[offered.count - 1]
      }, httpServer)
    defer { ChildProcess.stop(started.process) }
    #expect(offered.count == 2 && started.port == offered[1])
    #expect(LoopbackSockets.isListening(port: started.port, inProcessTreeOf: started.process.processIdentifier))
    #expect(!LoopbackSockets.isListening(port: taken.port, inProcessTreeOf: started.process.processIdentifier))
    #expect(LoopbackSockets.isListening(port: taken.port, inProcessTreeOf: getpid()))
  }

  @Test func aChildThatNeverListensIsStoppedAndNamed() throws {
    let error = #expect(throws: LoopbackServerLaunch.NotListening.self) {
      _ = try LoopbackServerLaunch.start(timeout: 20, attempts: 2) { _ in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 3"]
        return process
      }
    }
    #expect(error?.description.hasPrefix("exited with status 3 before listening on port ") == true)
  }
}
