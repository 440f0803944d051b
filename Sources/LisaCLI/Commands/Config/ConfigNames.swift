import ArgumentParser
import LisaKit

struct ConfigNames: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "names",
    abstract: "Print every resource name LISA derives from the config.",
    discussion: """
      deploymentPrefix, CloudFormation stack names, SSM parameter names, old and new API token table \
      names, management-key secret names. -o json gives a grouped object for scripts, e.g. \
      `lisa config names -o json | jq -r .tables.tokenTableLegacy`.
      """
  )

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .jsonl])
    let config = try session.loadConfig()
    let names = DerivedNames(config: config.mapping)
    switch format {
    case .table:
      session.output(
        session.renderer.table(
          names.rows, columns: [Column("NAME", key: "name"), Column("VALUE", key: "value"), Column("NOTE", key: "note")]))
    case .jsonl:
      session.output(session.renderer.list(names.rows, format: .jsonl, columns: [], idKey: "name"))
    default:
      session.output(session.renderer.object(names.json, format: format))
    }
  }
}
