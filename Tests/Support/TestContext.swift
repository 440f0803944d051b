import Foundation
import LisaKit

/// A `LisaContext` for in-process tests: buffers instead of stdout/stderr, an explicit terminal,
/// a fixed clock and only the environment the test gives.
public struct TestContext {
  public let stdout = BufferSink()
  public let stderr = BufferSink()
  public var context: LisaContext

  public init(
    workingDirectory: URL, environment: [String: String] = [:], terminal: Terminal = .pipes,
    now: Date = Date(timeIntervalSince1970: 1_795_000_000), home: URL? = nil, answers: [String] = []
  ) {
    let queue = AnswerQueue(answers)
    context = LisaContext(
      environment: environment, workingDirectory: workingDirectory.path, homeDirectory: (home ?? workingDirectory).path,
      now: { now }, terminal: terminal, stdout: stdout, stderr: stderr, readLine: { queue.next() })
  }
}

final class AnswerQueue: @unchecked Sendable {
  private var answers: [String]
  private let lock = NSLock()
  init(_ answers: [String]) { self.answers = answers }
  func next() -> String? {
    lock.lock()
    defer { lock.unlock() }
    return answers.isEmpty ? nil : answers.removeFirst()
  }
}
