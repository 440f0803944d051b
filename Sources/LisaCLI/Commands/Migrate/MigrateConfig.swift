import ArgumentParser
import Foundation
import LisaKit

struct MigrateConfig: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Turn an old single-file config.yaml into config-custom.yaml.",
    discussion: """
      Does what LISA's `npm run migrate-properties` means to do, without its bugs: it migrates the \
      environment env: names (or --env), moves litellmConfig.general_settings.master_key to \
      litellmConfig.db_key, lifts sslCertIamArn and domainName out of restApiConfig.loadBalancerConfig, \
      drops what LISA's schema no longer accepts and reports each dropped key, leaves values equal to \
      config-base.yaml out, keeps the comments of the keys that survive, and checks the result with \
      `lisa config validate` before writing it (atomically, mode 0600: it holds db_key).

      Files from LISA v2.0 and v3.0 define whole models under ecsModels (and third-party ones under \
      litellmConfig.model_list); LISA v3.1+ keeps only modelName, inferenceContainer and baseImage there \
      and deletes the models on upgrade. --models-out FILE writes every one of them as a create request \
      for `lisa models apply -f FILE` after the upgrade (mode 0600: it may hold third-party API keys).

      Every output (config, --models-out, --report) is checked before any is written, and they are \
      written all or none. Directories are not created, except --out-dir.

      With no options, in a LISA checkout, it reads ./config.yaml and writes ./config-custom.yaml.
      """
  )

  @Option(
    name: .customLong("input"), help: "The old config file (default: <config dir>/config.yaml).",
    completion: .file(extensions: ["yaml", "yml"]))
  var input: String?

  @Option(
    name: .customLong("output"), help: "Where to write (default: <config dir>/config-custom.yaml).",
    completion: .file(extensions: ["yaml"]))
  var output: String?

  @Option(
    name: .customLong("env"), help: "Environment block to migrate (default: the one env: names).",
    completion: .custom(Completions.legacyEnvironments))
  var environment: String?

  @Flag(name: .customLong("all-envs"), help: "Migrate every environment block to <out-dir>/config-custom.<env>.yaml.")
  var allEnvironments = false

  @Option(name: .customLong("out-dir"), help: "Directory for --all-envs.", completion: .directory)
  var outDir: String?

  @Flag(name: .customLong("keep-defaults"), help: "Keep values that equal config-base.yaml.")
  var keepDefaults = false

  @Flag(name: .customLong("force"), help: "Overwrite an existing output file.")
  var force = false

  @Flag(name: .customLong("dry-run"), help: "Print the result and a diff; write nothing.")
  var dryRun = false

  @Flag(name: .customLong("no-validate"), help: "Write even if the result fails `lisa config validate` (errors become warnings).")
  var noValidate = false

  @Option(
    name: .customLong("report"), help: "Also write the migration report as JSON to this file.",
    completion: .file(extensions: ["json"]))
  var reportFile: String?

  @Option(
    name: .customLong("models-out"), help: "Also write the old file's models as create requests for `lisa models apply -f`.",
    completion: .file(extensions: ["yaml"]))
  var modelsOut: String?

  @OptionGroup var secrets: SecretDisplayOptions
  @OptionGroup var globals: GlobalOptions

  func validate() throws {
    if allEnvironments && outDir == nil { throw ValidationError("'--all-envs' needs '--out-dir DIR'") }
    if allEnvironments && (environment != nil || output != nil) {
      throw ValidationError("'--all-envs' cannot be combined with '--env' or '--output'")
    }
    if outDir != nil && !allEnvironments { throw ValidationError("'--out-dir' is only used with '--all-envs'") }
    if allEnvironments && modelsOut != nil {
      throw ValidationError("'--models-out' works on one environment; use '--env NAME' instead of '--all-envs'")
    }
  }

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    let ctx = session.context
    let configDir = ConfigLoader.directory(flag: globals.deployment.configDir, context: ctx)
    let inputPath = input.map(ctx.resolve) ?? (configDir as NSString).appendingPathComponent("config.yaml")
    let inputName = ctx.display(inputPath)
    let data = try FileIO.read(inputPath, displayName: inputName)
    let sourceText = String(decoding: data, as: UTF8.self)
    let source = try YAMLLoader.parse(data: data, file: inputName, keepComments: true)
    try ConfigLoader.requireMapping(source, file: inputName)
    guard let root = source.mapping else { return }

    var plan: [(result: ConfigMigrator.Result, path: String)] = []
    if allEnvironments, let outDir {
      let dir = ctx.resolve(outDir)
      let environments = ConfigMigrator.environments(in: root)
      guard !environments.isEmpty else { throw LisaError(.notFound, "\(inputName) has no environment blocks") }
      let migrator = try makeMigrator(outputDirectory: dir, session: session)
      for name in environments {
        let path = (dir as NSString).appendingPathComponent("config-custom.\(name).yaml")
        plan.append((migrator.migrate(root: root, environment: name, file: inputName), path))
      }
    } else {
      let name = try ConfigMigrator.selectEnvironment(in: root, requested: environment, file: inputName)
      let path = output.map(ctx.resolve) ?? (configDir as NSString).appendingPathComponent(ConfigLoader.customFile)
      let migrator = try makeMigrator(outputDirectory: (path as NSString).deletingLastPathComponent, session: session)
      plan.append((migrator.migrate(root: root, environment: name, file: inputName), path))
      let others = ConfigMigrator.environments(in: root).filter { $0 != name }
      if environment == nil && !others.isEmpty {
        session.info(
          "migrating environment '\(name)' (named by env: in \(inputName)); also in the file: \(others.joined(separator: ", ")) (use --env or --all-envs)"
        )
      }
    }
    try check(plan, inputPath: inputPath, session: session)

    var outputs = OutputFiles(replacing: force)
    var reports: [MigrationReport] = []
    for (result, path) in plan {
      var report = result.report
      report.output = ctx.display(path)
      report.written = !dryRun
      outputs.add(Data(result.yaml.utf8), to: path, displayName: ctx.display(path))
      reports.append(report)
    }
    let models = modelsOut.flatMap { name in plan.first.map { (ctx.resolve(name), $0.result.models) } }
    if let (path, _) = models, let result = plan.first?.result {
      showFindings(result.models, session: session)
      outputs.add(
        Data(result.models.document(source: inputName, environment: result.environment).utf8), to: path,
        displayName: ctx.display(path))
    }
    let json: JSONValue = reports.count == 1 ? reports[0].json : .object([("environments", .array(reports.map(\.json)))])
    if let reportFile {
      outputs.add(
        Data((JSONWriter.pretty(json) + "\n").utf8), to: ctx.resolve(reportFile),
        displayName: ctx.display(ctx.resolve(reportFile)))
    }
    if dryRun {
      for ((result, path), report) in zip(plan, reports) {
        let shown = secrets.showSecrets ? result.yaml : SecretMask.maskLines(result.yaml)
        session.output(plan.count > 1 ? "# --- \(ctx.display(path))\n" + shown : shown)
        showDiff(result, sourceText: sourceText, path: path, session: session)
        session.info("would migrate " + report.summary)
        for detail in report.details { session.info(detail) }
      }
    } else {
      try write(outputs, session: session)
      for report in reports {
        session.info("migrated " + report.summary + " → \(report.output)")
        for detail in report.details { session.info(detail) }
      }
    }
    if let (path, carried) = models { summarize(carried, path: path, session: session) }
    if format != .table {
      session.output(session.renderer.object(json, format: format))
    } else if !dryRun {
      session.output(reports.map { $0.output + "\n" }.joined())
    }
  }

  /// `--out-dir` is the one directory created, and only once every other check has passed.
  func write(_ outputs: OutputFiles, session: Session) throws {
    guard let outDir else { return try outputs.write() }
    let dir = session.context.resolve(outDir)
    let created = !FileIO.exists(dir)
    if created {
      try FileIO.checkWritable(dir, displayName: outDir)
      try FileIO.createPrivateDirectory(dir, orThrow: LisaError(.ioError, "\(outDir): cannot create the directory"))
    }
    do {
      try outputs.write()
    } catch {
      if created { try? FileManager.default.removeItem(atPath: dir) }
      throw error
    }
  }

  /// What LISA's create rules would refuse in the models `--models-out` carries, at the old file's lines.
  func showFindings(_ models: LegacyModelRequests, session: Session) {
    for model in models.models {
      for diagnostic in model.diagnostics {
        var warning = diagnostic
        if warning.severity == .error {
          warning.severity = .warning
          warning.message = "LISA would refuse model '\(model.modelId)' (\(model.origin)): " + warning.message
        }
        session.diagnostic(warning)
      }
    }
    for note in models.notes { session.info("  note: \(note)") }
  }

  func summarize(_ models: LegacyModelRequests, path: String, session: Session) {
    let keys = models.models.filter(\.hasAPIKey).count
    let display = session.context.display(path)
    session.info(
      "\(dryRun ? "would write" : "wrote") \(models.models.count) model\(models.models.count == 1 ? "" : "s") to \(display)"
        + (keys > 0 ? " (\(keys) with a third-party API key; mode 0600)" : "")
        + "; after the upgrade run: lisa models apply -f \(display)")
  }

  func makeMigrator(outputDirectory: String, session: Session) throws -> ConfigMigrator {
    let (base, baseName) = try ConfigLoader.loadBase(directory: outputDirectory, context: session.context)
    session.detail("defaults from \(baseName)")
    return ConfigMigrator(base: base, keepDefaults: keepDefaults, modelsOut: modelsOut != nil)
  }

  /// Everything that could stop the run is checked before anything is written.
  func check(_ plan: [(result: ConfigMigrator.Result, path: String)], inputPath: String, session: Session) throws {
    var errorCount = 0
    for (result, path) in plan {
      for diagnostic in result.diagnostics {
        var shown = diagnostic
        shown.location = shown.location ?? SourceLocation(file: session.context.display(path))
        if noValidate && shown.severity == .error { shown.severity = .warning }
        session.diagnostic(shown)
      }
      errorCount += result.errors.count
      if path == inputPath { throw LisaError.usage("the output would overwrite the input \(session.context.display(path))") }
    }
    if errorCount > 0 && !noValidate {
      throw LisaError(
        .invalid,
        "nothing written: the migrated config fails LISA's schema (\(errorCount) error\(errorCount == 1 ? "" : "s") above)",
        hint: "fix them in the source file, or pass --no-validate to write it anyway")
    }
  }

  /// Against the existing target if there is one, else against the environment block as written.
  func showDiff(_ result: ConfigMigrator.Result, sourceText: String, path: String, session: Session) {
    let ctx = session.context
    let (old, oldName): (String, String)
    if let existing = try? FileIO.read(path) {
      (old, oldName) = (String(decoding: existing, as: UTF8.self), ctx.display(path))
    } else {
      (old, oldName) = (
        LegacyBlock.text(of: result.environment, in: sourceText), "\(result.report.source) (\(result.environment):)"
      )
    }
    let unified = LineDiff.unified(old: old, new: result.yaml, oldName: oldName, newName: ctx.display(path))
    let diff = secrets.showSecrets ? unified : SecretMask.maskLines(unified)
    guard !diff.isEmpty, !session.quiet else { return }
    let colored = ctx.terminal.colorOnStderr
    for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      let style: Style? = line.hasPrefix("+") ? .green : line.hasPrefix("-") ? .red : line.hasPrefix("@@") ? .cyan : nil
      ctx.stderr.write((style?.apply(String(line), enabled: colored) ?? String(line)) + "\n")
    }
  }
}
