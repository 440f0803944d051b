import ArgumentParser
import Foundation
import LisaKit

/// Completions that ask the deployment, as kubectl's do: the API found as the command being typed would find it
/// (its deployment and network flags, the environment, the config), answered within two seconds or not at all.
/// They write nothing, locally or to the terminal: any failure, a slow API or no deployment completes nothing.
enum LiveCompletions {
  static let deadline: Duration = .seconds(2)

  /// Options that take a value (their next word is not a positional): the global ones and `-f`.
  static let valueOptions: Set<String> = [
    "--config-dir", "--profile", "--region", "--endpoint-url", "--api-url", "--token-file", "-o", "--output-format",
    "--color", "--timeout", "--ca-bundle", "--api-ca-bundle", "-f", "--file",
  ]
  /// The global options that say where the deployment is and how to reach it.
  static let deploymentOptions: Set<String> = [
    "--config-dir", "--profile", "--region", "--endpoint-url", "--api-url", "--token-file", "--ca-bundle", "--api-ca-bundle",
  ]

  @Sendable static func repositories(_ words: [String], _ index: Int, _ prefix: String) async -> [String] {
    await answer(words, prefix) { session in try await session.ragAPI().repositories().map(\.id) }
  }

  /// Collection ids of the repository typed before them (`lisa rag collections get REPO <tab>`).
  @Sendable static func collections(_ words: [String], _ index: Int, _ prefix: String) async -> [String] {
    guard let repository = positionals(words, before: index).first else { return [] }
    return await answer(words, prefix) { session in
      try await session.ragAPI().collections(repository).compactMap { $0["collectionId"]?.stringValue }
    }
  }

  @Sendable static func models(_ words: [String], _ index: Int, _ prefix: String) async -> [String] {
    await answer(words, prefix) { session in try await session.modelsAPI().list().map(\.id) }
  }

  /// The ids `ask` finds that start with `prefix`, sorted; none when it fails or takes longer than `deadline`.
  static func answer(
    _ words: [String], _ prefix: String, _ ask: @escaping @Sendable (Session) async throws -> [String]
  ) async -> [String] {
    guard let session = session(for: words) else { return [] }
    nonisolated(unsafe) let running = session
    let ids = await firstOf(deadline: deadline) { (try? await ask(running)) ?? [] }
    return Array(Set(ids)).filter { $0.hasPrefix(prefix) }.sorted()
  }

  /// A quiet session whose output goes nowhere, with the deployment flags found among `words`.
  static func session(for words: [String]) -> Session? {
    var arguments = ["--quiet"]
    var position = 0
    while position < words.count {
      let word = words[position]
      let (name, inline) = split(word)
      if deploymentOptions.contains(name) {
        let value = inline ?? (position + 1 < words.count ? words[position + 1] : nil)
        // The credential on stdin belongs to the command, not to its completion.
        if let value, !(name == "--token-file" && value == "-") { arguments += [name, value] }
      }
      position += valueOptions.contains(name) && inline == nil ? 2 : 1
    }
    guard let globals = try? GlobalOptions.parse(arguments) else { return nil }
    var context = LisaContext.live()
    context.stdout = BufferSink()
    context.stderr = BufferSink()
    context.readLine = { nil }
    return Session(context: context, globals: globals, deadline: CommandDeadline(seconds: 2, source: "completion"))
  }

  /// The positional words typed after the command's name and before the one being completed.
  static func positionals(_ words: [String], before index: Int) -> [String] {
    var found: [String] = []
    var position = commandLength(words)
    while position < min(index, words.count) {
      let word = words[position]
      if word.hasPrefix("-") {
        let (name, inline) = split(word)
        position += valueOptions.contains(name) && inline == nil ? 2 : 1
        continue
      }
      found.append(word)
      position += 1
    }
    return found
  }

  /// How many leading words name the command: `lisa` and its subcommands.
  static func commandLength(_ words: [String]) -> Int {
    var command: any ParsableCommand.Type = Lisa.self
    var length = 1
    while length < words.count,
      let next = command.configuration.subcommands.first(where: { $0._commandName == words[length] })
    {
      command = next
      length += 1
    }
    return length
  }

  static func split(_ word: String) -> (String, String?) {
    guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
    return (String(word[..<equals]), String(word[word.index(after: equals)...]))
  }

  /// `work`'s answer, or none once `deadline` passes; the work is then cancelled and not waited for.
  static func firstOf(deadline: Duration, _ work: @escaping @Sendable () async -> [String]) async -> [String] {
    let once = FirstAnswer()
    return await withCheckedContinuation { continuation in
      once.continuation = continuation
      let task = Task { once.resume(await work()) }
      Task {
        try? await Task.sleep(for: deadline)
        task.cancel()
        once.resume([])
      }
    }
  }
}

/// Resumes its continuation once, with whichever answer comes first.
private final class FirstAnswer: @unchecked Sendable {
  private let lock = NSLock()
  var continuation: CheckedContinuation<[String], Never>?

  func resume(_ answer: [String]) {
    lock.lock()
    let waiting = continuation
    continuation = nil
    lock.unlock()
    waiting?.resume(returning: answer)
  }
}
