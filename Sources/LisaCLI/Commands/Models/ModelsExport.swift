import ArgumentParser
import Foundation
import LisaKit

struct ModelsExport: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write every model as a create request that apply can replay.",
    discussion: """
      For redeploying models after a teardown upgrade: export before, apply after. Each model is written \
      as the CreateModelRequest LISA stored, without what LISA added (status, the load balancer URL of a \
      LISA-hosted model, schedule bookkeeping). Written to stdout as YAML, or -f FILE (atomically, mode \
      0600); -o json for JSON. A model LISA would no longer accept is still exported, with a warning.

      Third-party apiKey values are never written in the clear. LISA's API never returns them; they live \
      only in LISA's models table (--model-table, LISA_MODEL_TABLE, else SSM \
      <deploymentPrefix>/modelTableName). --backup FILE.lisabak reads them from there with the AWS access \
      the environment gives and writes every model with its key encrypted (a passphrase from \
      --passphrase-file, LISA_BACKUP_PASSPHRASE or a prompt; or --kms-key-id); without table access it \
      says in one warning which models' keys are missing. apply -f FILE.lisabak restores the keys. \
      Schedule times are written quoted ("18:00"), which YAML 1.1 readers would otherwise read as numbers. \
      Example: lisa models export -f models.yaml --backup models.lisabak

      Exit status: 0 ok, 4 the credential was rejected, 6 a file exists (use --force), 64 no passphrase \
      and no terminal, 69 LISA unreachable, 74 a file cannot be written.
      """
  )

  @Option(name: .shortAndLong, help: "Write the YAML (or JSON with -o json) here instead of stdout.", completion: .file())
  var file: String?

  @Option(
    name: .customLong("backup"), help: "Also write an encrypted backup with the third-party API keys.",
    completion: .file(extensions: ["lisabak"]))
  var backup: String?

  @Flag(name: .customLong("force"), help: "Replace existing output files.")
  var force = false

  @Option(
    name: .customLong("model-table"),
    help: "LISA's models table, read for --backup (env: LISA_MODEL_TABLE; else SSM <deploymentPrefix>/modelTableName).")
  var modelTable: String?

  @OptionGroup(title: "Backup encryption") var protection: BackupEncryptionOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json])
    let outputPath = file.map(session.context.resolve)
    if let outputPath, FileIO.exists(outputPath), !force {
      throw LisaError(
        .conflict, "\(session.context.display(outputPath)): already exists", hint: "choose another name or pass --force")
    }
    let lock = try backup.map { _ in
      try session.protectionForWriting(protection, aws: try session.awsClients(config: session.loadConfigIfPresent()))
    }
    let catalog = try await session.modelCatalog(table: modelTable)
    let client = catalog.api.client
    let (exported, notes) = try await ModelExport.collect(catalog, withKeys: backup != nil)
    notes.forEach(session.warn)
    for model in exported {
      for finding in model.diagnostics { session.warn("model '\(model.modelId)': \(finding.path): \(finding.message)") }
    }
    let now = session.context.now()
    let text =
      format == .json
      ? JSONWriter.pretty(.object([("models", .array(exported.map(\.request)))])) + "\n"
      : ModelExport.document(exported, source: client.endpoint.url.absoluteString, at: now)
    if let outputPath {
      try FileIO.writeAtomically(Data(text.utf8), to: outputPath, displayName: session.context.display(outputPath))
      session.info("exported \(exported.count) model\(exported.count == 1 ? "" : "s") to \(session.context.display(outputPath))")
    } else {
      session.output(text)
    }
    let withKeys = exported.filter { $0.apiKey != nil }.count
    if let backup, let lock {
      let path = session.context.resolve(backup)
      let shown = session.context.display(path)
      try ModelBackup.write(
        exported, to: path, displayName: shown, source: BackupSource(resource: client.endpoint.url.absoluteString),
        createdAt: now,
        completedAt: session.context.now(), cipher: try await lock.newCipher(), replacing: force)
      session.info(
        "wrote \(shown): \(exported.count) model\(exported.count == 1 ? "" : "s"), \(withKeys) with an encrypted API key")
    } else if !exported.filter(\.mayHoldKey).isEmpty {
      session.warn(
        "API keys of \(exported.filter(\.mayHoldKey).map(\.modelId).joined(separator: ", ")) (if they have one) are not in "
          + "this file; --backup FILE.lisabak saves them encrypted")
    }
  }
}
