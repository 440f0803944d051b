import ArgumentParser
import Foundation
import LisaKit

struct BackupCreate: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Write the deployment's config, models and tokens to one encrypted *.lisabak file.",
    discussion: """
      Sections (--only config,models,keys; default: every section the deployment has): config (both \
      config files and the merged config, as text), models (every model's create request, its third-party \
      API key read from LISA's models table), keys (every item of the pre-v6 and v6 token tables that \
      exist; a token in both is kept once). The file is the one keys export writes (docs/backup-format.md): \
      secrets encrypted with a passphrase (--passphrase-file, LISA_BACKUP_PASSPHRASE, a prompt) or a KMS \
      data key (--kms-key-id), --no-encrypt only when asked; metadata (deployment name, stage, region, \
      account, LISA version when readable, time, per-section counts and checksums) readable by lisa backup \
      show. Records stream to disk; the file is mode 0600, appears only once complete, never replaces \
      another, and is added to the index lisa backup list reads.

      Exit codes: 0 written; 4 credentials or passphrase; 5 no config for --only config; 6 the file exists; \
      64 usage; 69 LISA unreachable; 74 the file cannot be written.
      """
  )

  @Option(
    name: [.short, .customLong("file")], help: "Backup file to write (default: ./<deploymentName>-<UTC time>.lisabak).",
    completion: .file(extensions: ["lisabak"]))
  var file: String?

  @Option(name: .customLong("only"), help: "Sections to back up, comma-separated: config, models, keys.")
  var only: String?

  @Option(
    name: .customLong("model-table"),
    help: "LISA's models table, for API keys (env: LISA_MODEL_TABLE; else SSM <deploymentPrefix>/modelTableName).")
  var modelTable: String?

  @OptionGroup(title: "Backup encryption") var encryption: BackupEncryptionOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let ctx = session.context
    let deployment = try session.backupDeployment()
    let asked = try BackupSection.parse(only)
    var sections = asked ?? BackupSection.allCases.filter(\.canBackUp)
    if let unsupported = sections.first(where: { !$0.canBackUp }) {
      throw LisaError.usage("--only \(unsupported.rawValue): this lisa cannot back up the \(unsupported.rawValue) section yet")
    }
    if sections.contains(.config), deployment.config == nil {
      guard asked == nil else {
        throw LisaError(.notFound, "--only config: no config-custom.yaml in \(ctx.display(deployment.directory))")
      }
      session.warn("config: no config-custom.yaml in \(ctx.display(deployment.directory)); the config is not backed up")
      sections.removeAll { $0 == .config }
    }
    let names = deployment.names
    let path = ctx.resolve(file ?? "\(names.deploymentName)-\(KeysExport.stamp(ctx.now())).lisabak")
    var source = BackupSource(deployment: names.deploymentName, details: ["stage": names.deploymentStage])
    var writers: [any BackupSectionWriter] = []
    for section in sections {
      switch section {
      case .config:
        if let config = deployment.config { writers.append(ConfigSectionWriter(config: config)) }
      case .models:
        let catalog = try await session.modelCatalog(table: modelTable)
        source.resource = catalog.api.client.endpoint.url.absoluteString
        writers.append(ModelsSectionWriter(catalog: catalog))
      case .keys:
        let (aws, tables, tried) = try await session.existingTokenTables(deployment)
        if tables.isEmpty { session.warn("keys: no token table exists (tried \(tried.joined(separator: ", ")))") }
        source.details["tokenTables"] = tables.joined(separator: ",")
        writers.append(TokensSectionWriter(dynamo: try aws.dynamoDB(), tables: tables))
      case .rag:
        continue
      }
    }
    if let aws = try? deployment.aws() {
      source.region = aws.region
      if let identity = try? await aws.sts().getCallerIdentity() { source.details["account"] = identity.account }
    }
    let protection = try session.protectionForWriting(encryption, aws: try deployment.aws())
    let creator = DeploymentBackupCreator(
      path: path, source: source, lisaVersion: await session.readableLisaVersion(), writers: writers, context: ctx,
      quiet: session.quiet)
    let outcome = try await creator.create(
      cipher: try await protection.newCipher(), state: try StateStore(context: ctx), info: session.infoSink,
      warn: session.warnSink)
    let metadata = outcome.metadata
    let parts = outcome.counts.map { "\($0.records) \($0.section.rawValue)" }.joined(separator: ", ")
    try session.report(
      summary: "wrote \(ctx.display(path)): \(parts.isEmpty ? "nothing" : parts); \(metadata.encryption.scheme)",
      json: BackupSummary(path: path, metadata: metadata).json)
  }
}

extension BackupSection {
  /// Sections this build has a writer for; RAG joins when its client does.
  var canBackUp: Bool { self != .rag }
}
