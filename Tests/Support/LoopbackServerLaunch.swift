import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts a child server on a port from `LoopbackSockets.freePort()` and waits until that very child listens there.
/// The port is only free at the moment it is picked: a server that a test running in parallel starts can take it
/// first. Our child then fails to bind and exits, while "something accepts on the port" holds for the other server,
/// and the test drives another test's server (seen on CI: a models test counted another test's writes). So ready means
/// this child, or a process it started, has the listening socket; a child that lost its port starts again on another.
public enum LoopbackServerLaunch {
  public struct NotListening: Error, CustomStringConvertible {
    public let description: String
  }

  /// `makeProcess` builds the (not yet run) child for a port; `isReady` adds a check of the caller's, such as a ready
  /// file. A child still not listening after `timeout` is stopped, with `grace` before SIGKILL. `pickPort` is for the
  /// test of this very race.
  public static func start(
    timeout: TimeInterval, grace: TimeInterval = 2, attempts: Int = 3, isReady: () -> Bool = { true },
    pickPort: () throws -> Int = LoopbackSockets.freePort, _ makeProcess: (Int) throws -> Process
  ) throws -> (process: Process, port: Int) {
    var failure = "did not start"
    for _ in 0..<attempts {
      let port = try pickPort()
      let process = try makeProcess(port)
      try ChildProcess.launch(process)
      let deadline = Date().addingTimeInterval(timeout)
      while process.isRunning {
        if LoopbackSockets.isListening(port: port, inProcessTreeOf: process.processIdentifier) && isReady() {
          return (process, port)
        }
        guard Date() < deadline else {
          ChildProcess.stop(process, grace: grace)
          throw NotListening(description: "did not listen on port \(port) within \(Int(timeout)) s")
        }
        usleep(50_000)
      }
      failure = "exited with status \(process.terminationStatus) before listening on port \(port)"
    }
    throw NotListening(description: failure)
  }
}

extension LoopbackSockets {
  /// Whether a TCP socket listening on `port` belongs to `pid` or one of its descendants. Linux only (/proc); elsewhere
  /// whether anything accepts there.
  public static func isListening(port: Int, inProcessTreeOf pid: Int32) -> Bool {
    #if os(Linux)
      let inodes = listeningSocketInodes(port: port)
      guard !inodes.isEmpty else { return false }
      return processTree(of: pid).contains { holdsSocket($0, among: inodes) }
    #else
      return isAccepting(port: port)
    #endif
  }

  /// Inodes of the sockets in state LISTEN (0A) on `port`, from /proc/net/tcp and tcp6.
  static func listeningSocketInodes(port: Int) -> Set<Substring> {
    let portSuffix = ":" + String(format: "%04X", port)
    var inodes = Set<Substring>()
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
      // Read to the end: String(contentsOfFile:) stops after procfs's first 4 KB chunk, and with a full test run's
      // sockets the server's line comes later (seen on CI: servers never seen listening).
      guard let data = try? FileHandle(forReadingAtPath: table)?.readToEnd() else { continue }
      let text = String(decoding: data, as: UTF8.self)
      for line in text.split(separator: "\n").dropFirst() {
        let fields = line.split(separator: " ")
        if fields.count > 9, fields[1].hasSuffix(portSuffix), fields[3] == "0A" { inodes.insert(fields[9]) }
      }
    }
    return inodes
  }

  /// `pid` and every process below it, from the parent field of /proc/*/stat.
  static func processTree(of pid: Int32) -> [Int32] {
    var children: [Int32: [Int32]] = [:]
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
      guard let child = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let commandEnd = stat.lastIndex(of: ")")
      else { continue }
      let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
      if fields.count > 1, let parent = Int32(fields[1]) { children[parent, default: []].append(child) }
    }
    var tree = [pid]
    var index = 0
    while index < tree.count {
      tree += children[tree[index]] ?? []
      index += 1
    }
    return tree
  }

  static func holdsSocket(_ pid: Int32, among inodes: Set<Substring>) -> Bool {
    let directory = "/proc/\(pid)/fd"
    for fd in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
      guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\(fd)"),
        target.hasPrefix("socket:["), target.hasSuffix("]")
      else { continue }
      if inodes.contains(target.dropFirst("socket:[".count).dropLast()) { return true }
    }
    return false
  }
}
