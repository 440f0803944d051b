import ArgumentParser
import Foundation
import LisaKit

/// A leaf command. Its `run(_:)` gets a `Session`; errors from it are reported in one place.
public protocol LisaCommand: AsyncParsableCommand {
  var globals: GlobalOptions { get }
  func run(_ session: Session) async throws
}

extension LisaCommand {
  public func run() async throws {
    let status = await execute(context: .live())
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// Runs with the given context and maps any error to an exit status, printing it as one line.
  public func execute(context: LisaContext) async -> ExitStatus {
    var context = context
    context.terminal.colorMode = globals.output.color
    let session = Session(context: context, globals: globals)
    do {
      try await run(session)
      return .ok
    } catch let error as LisaError {
      session.report(error)
      return error.status
    } catch let error as ValidationError {
      session.report(LisaError(.usage, error.message))
      return .usage
    } catch is CancellationError {
      return .interrupted
    } catch {
      session.report(LisaError(.failure, String(describing: error)))
      return .failure
    }
  }
}

extension Lisa {
  /// Parses and runs a command line in-process, as the binary would; used by tests.
  public static func execute(_ arguments: [String], context: LisaContext) async -> ExitStatus {
    do {
      var command = try parseAsRoot(arguments)
      guard let leaf = command as? any LisaCommand else {
        try command.run()
        return .ok
      }
      return await leaf.execute(context: context)
    } catch {
      let message = fullMessage(for: error)
      if !message.isEmpty { context.stderr.write(message + "\n") }
      let code = exitCode(for: error).rawValue
      return ExitStatus(rawValue: code) ?? (code == 0 ? .ok : .usage)
    }
  }
}
