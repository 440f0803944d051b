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
    let deadline: CommandDeadline
    do {
      deadline = try CommandDeadline(flag: globals.network.timeout, environment: context.environment)
    } catch let error as LisaError {
      Session(context: context, globals: globals, deadline: CommandDeadline(seconds: 1, source: "")).report(error)
      return error.status
    } catch {
      return .usage
    }
    var session = Session(context: context, globals: globals, deadline: deadline)
    if var transport = context.transport as? AsyncHTTPTransport {
      transport.notice = session.noticeSink
      context.transport = transport
      session = Session(context: context, globals: globals, deadline: deadline)
    }
    do {
      // The command and its session are only read while it runs; the child task is awaited before they go.
      nonisolated(unsafe) let command = self
      nonisolated(unsafe) let running = session
      if try await deadline.enforce({ try await command.run(running) }) {
        session.report(deadline.error)
        return deadline.error.status
      }
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
  /// The binary's entry point: parse, run, and report a bad command line as one line, like every
  /// other error. Help, version and completion output keep the argument parser's own handling.
  public static func main() async {
    let status = await execute(Array(CommandLine.arguments.dropFirst()), context: .live())
    // Closes the pooled connections; a command that made no request has nothing to close.
    await HTTPClientPool.shutdown()
    Foundation.exit(status.rawValue)
  }

  /// Parses and runs a command line, as the binary does; tests call it in-process.
  public static func execute(_ arguments: [String], context: LisaContext) async -> ExitStatus {
    if arguments == ["help", "exit-codes"] {
      context.stdout.write("EXIT CODES\n\(ExitStatus.table)\n")
      return .ok
    }
    do {
      var command = try await asyncParseAsRoot(arguments)
      guard let leaf = command as? any LisaCommand else {
        if var asyncCommand = command as? any AsyncParsableCommand {
          try await asyncCommand.run()
        } else {
          try command.run()
        }
        return .ok
      }
      return await leaf.execute(context: context)
    } catch {
      let code = exitCode(for: error).rawValue
      if code == ExitCode.validationFailure.rawValue {
        let brief = message(for: error).replacingOccurrences(of: "Error: ", with: "")
        context.stderr.write(LisaError(.usage, brief, hint: "see --help").description.prefixed("error: ") + "\n")
        return .usage
      }
      let text = fullMessage(for: error)
      if !text.isEmpty { (code == 0 ? context.stdout : context.stderr).write(text + "\n") }
      return ExitStatus(rawValue: code) ?? (code == 0 ? .ok : .failure)
    }
  }
}

extension String {
  fileprivate func prefixed(_ prefix: String) -> String { prefix + self }
}
