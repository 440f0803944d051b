import ArgumentParser
import LisaKit

struct ConfigValidate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check the merged config against LISA's schema rules.",
    discussion: """
      Errors are what LISA's deploy would reject (its zod schema and refinements: required keys, types, \
      db_key starting with sk-, 12-digit account numbers, deployUi needing deployChat, authConfig with \
      chat/RAG/UI, removalPolicy, rateLimitOverrides key forms, RAG repository ids, ecsModels containers, …). \
      Warnings are what LISA would silently drop or misread (unknown keys such as dbKey, with a suggestion). \
      Exit 7 on any error; warnings alone exit 0 unless --strict. -o json prints the full report.
      """
  )

  @Flag(name: .customLong("strict"), help: "Treat warnings as errors.")
  var strict = false

  @Flag(name: .customLong("no-env"), help: "Do not apply LISA's environment-variable overrides.")
  var noEnv = false

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    let config = try session.loadConfig(applyEnvironment: !noEnv)
    let diagnostics = ConfigValidator.validate(config.merged)
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    let valid = errors == 0 && (!strict || warnings == 0)
    if format == .table {
      diagnostics.forEach(session.diagnostic)
      let verdict = valid ? "valid" : "invalid"
      session.output(
        "\(config.customName): \(verdict) for LISA v\(LisaConfigSchema.lisaVersion) (\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"))\n"
      )
    } else {
      let report = JSONValue.object([
        ("valid", .bool(valid)), ("errors", .int(errors)), ("warnings", .int(warnings)),
        ("files", .array([.string(config.baseName), .string(config.customName)])),
        ("diagnostics", .array(diagnostics.map(\.json))),
      ])
      session.output(session.renderer.object(report, format: format))
    }
    if !valid {
      throw LisaError(
        .invalid,
        errors > 0
          ? "config has \(errors) error\(errors == 1 ? "" : "s")"
          : "config has \(warnings) warning\(warnings == 1 ? "" : "s") (--strict)")
    }
  }
}
