import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small socket helpers for test servers that must stay on 127.0.0.1.
public enum LoopbackSockets {
  /// A TCP port on 127.0.0.1 that was free a moment ago: bind port 0, read the port, close.
  public static func freePort() throws -> Int {
    let fd = try bindLoopback(port: 0)
    defer { close(fd) }
    return try boundPort(fd)
  }

  /// Whether something accepts TCP connections on 127.0.0.1:`port`.
  public static func isAccepting(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = loopbackAddress(port: port)
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
  }

  /// A listening socket on 127.0.0.1 that never accepts nor answers: connections complete in the
  /// kernel's backlog and then hang, like a stalled server. Returns the descriptor (close it) and port.
  public static func silentListener() throws -> (fd: Int32, port: Int) {
    let fd = try bindLoopback(port: 0)
    guard listen(fd, 16) == 0 else {
      close(fd)
      throw SocketError("listen(): \(String(cString: strerror(errno)))")
    }
    return (fd, try boundPort(fd))
  }

  static func bindLoopback(port: Int) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw SocketError("socket(): \(String(cString: strerror(errno)))") }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = loopbackAddress(port: port)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else {
      close(fd)
      throw SocketError("bind(127.0.0.1:\(port)): \(String(cString: strerror(errno)))")
    }
    return fd
  }

  static func boundPort(_ fd: Int32) throws -> Int {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let result = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard result == 0 else { throw SocketError("getsockname(): \(String(cString: strerror(errno)))") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  static func loopbackAddress(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }
}

public struct SocketError: Error, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}
