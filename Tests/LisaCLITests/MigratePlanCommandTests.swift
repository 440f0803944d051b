import ArgumentParser
import Foundation
import LisaCLI
import LisaKit
import Testing

@Suite struct MigratePlanCommandTests {
  /// A plan may only tell an operator to run lisa commands this lisa understands, options included;
  /// a command marked planned must not parse yet, so landing it forces the data to say it is there.
  @Test func everyLisaCommandInTheDataParsesUnlessItIsPlanned() async throws {
    let knowledge = try UpgradeKnowledge.builtIn()
    var checked = Set<String>()
    for step in knowledge.steps {
      for command in step.commands where command.hasPrefix("lisa ") && checked.insert(command).inserted {
        let arguments = command.split(separator: " ").dropFirst().map(String.init)
        #expect(!command.contains("\"") && !command.contains("'") && !command.contains("|"), "\(step.id): keep it splittable")
        let parses: Bool
        do {
          _ = try await Lisa.asyncParseAsRoot(arguments)
          parses = true
        } catch {
          parses = false
        }
        if let reason = knowledge.plannedReason(for: command) {
          #expect(!parses, "step \(step.id): '\(command)' parses now; remove its prefix from `planned` (\(reason))")
        } else {
          #expect(parses, "step \(step.id): '\(command)' is not a command of this lisa")
        }
      }
    }
    #expect(checked.count > 30)
  }

  @Test func thePlanGoesToStdoutAndNothingElseToStderr() async throws {
    let dir = try configDirectory(custom: validConfig)
    let run = await runLisa(["migrate", "plan", "--from", "6.0", "--to", "6.1"], in: dir)
    #expect(run.status == .ok)
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.hasPrefix("LISA upgrade plan: 6.0.0 → 6.1.0\nBreaking changes that need steps: v6.1.0.\n"))
    #expect(run.stdout.contains("[ ] 3.  Export every API token of the v6.0 token table"))
    #expect(
      run.stdout.contains("run      lisa keys export --from-table acme-LISAApiBaseTokenTable --output tokens-v6.0.0.lisabak\n"))
    let yaml = await runLisa(["migrate", "plan", "--from", "6.0", "--to", "6.1", "-o", "yaml"], in: dir)
    #expect(yaml.stdout.contains("to: 6.1.0\n"))
  }

  @Test func aNarrowTerminalWrapsProseButNeverACommand() async throws {
    let dir = try configDirectory(custom: validConfig)
    let terminal = Terminal(isStdinTTY: false, isStdoutTTY: false, isStderrTTY: false, width: 60)
    let run = await runLisa(["migrate", "plan", "--from", "5.4"], in: dir, terminal: terminal)
    let lines = run.stdout.split(separator: "\n")
    for line in lines where !line.contains("run      ") && !line.hasPrefix("[ ]") {
      #expect(line.count <= 60 || line.split(separator: " ").count <= 2, "\(line)")
    }
    #expect(lines.contains { $0.hasSuffix("lisa keys import --backup tokens-pre-v6.lisabak --default-expiration 90d --dry-run") })
  }
}
