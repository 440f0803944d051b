import Foundation

/// Runs blocking work (a child's exit, a server's start-up poll, a SIGTERM-then-wait) on a thread of its own.
/// Swift Testing runs every test on the cooperative pool, which has one thread per core: two here. A test that blocks
/// one in `waitUntilExit` starves every other test's async work (and the transport's streamed bodies) until its child
/// ends, which made the suite slow and its timings flaky.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
  }
}

/// `offPool` for work that cannot throw.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
  await withCheckedContinuation { continuation in
    Thread.detachNewThread { continuation.resume(returning: work()) }
  }
}

/// Starts a server off the pool, runs `body` with it, and stops it off the pool however `body` ends.
public func withServer<Server: Sendable, T>(
  _ start: @escaping @Sendable () throws -> Server, stop: @escaping @Sendable (Server) -> Void,
  _ body: (Server) async throws -> T
) async throws -> T {
  let server = try await Throttle.serverStarts.run(start)
  do {
    let result = try await body(server)
    await offPool { stop(server) }
    return result
  } catch {
    await offPool { stop(server) }
    throw error
  }
}

/// At most `width` holders at once, in arrival order. Off-pool waits let every test run at once; on two cores that
/// many children and server start-ups at the same moment starve each other past their own timeouts.
public actor Throttle {
  public static let children = Throttle(width: 3)
  public static let serverStarts = Throttle(width: 2)

  private let width: Int
  private var holders = 0
  private var waiting: [CheckedContinuation<Void, Never>] = []

  public init(width: Int) { self.width = width }

  public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    await acquire()
    defer { release() }
    return try await offPool(work)
  }

  private func acquire() async {
    if holders < width {
      holders += 1
      return
    }
    await withCheckedContinuation { waiting.append($0) }
  }

  private func release() {
    if waiting.isEmpty { holders -= 1 } else { waiting.removeFirst().resume() }
  }
}
