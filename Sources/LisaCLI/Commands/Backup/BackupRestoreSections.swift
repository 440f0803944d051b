import Foundation
import LisaKit

extension BackupRestore {
  /// The restorer of one section, built from the same services as the section's own commands.
  func restorer(
    _ section: BackupSection, session: Session, deployment: BackupDeployment, protection: any BackupProtection,
    path: String, state: StateStore
  ) async throws -> any SectionRestorer {
    switch section {
    case .config:
      return ConfigRestorer(directory: deployment.directory, context: session.context)
    case .models:
      let catalog = try await session.modelCatalog(table: modelTable)
      let waiter = session.waiter(catalog, waiting)
      let (wait, timeout, progress) = (waiting.wait, session.deadline.remaining, session.progressLine)
      return ModelsRestorer(catalog: catalog) { recreate in
        ModelApplier(
          api: catalog.api, waiter: waiter, recreate: recreate, waitForReady: wait, timeout: timeout, progress: progress)
      }
    case .keys:
      let aws = try deployment.aws()
      let dynamo = try aws.dynamoDB()
      var candidates = await TokenTables.targetCandidates(flag: toTable, config: deployment.config, ssm: try? aws.ssm())
      if toTable == nil { candidates += TokenTables.sourceCandidates(flag: nil, config: deployment.config) }
      let (table, description) = try await TokenTables.describeFirst(
        candidates, dynamo: dynamo, region: aws.region, role: "target")
      let format = write.targetFormat(for: description)
      let options = try write.importOptions(
        format: format, config: deployment.config, startedAt: session.context.now(), createdBy: await session.callerName(aws),
        includeExpired: !expired.skipExpired)
      return TokensRestorer(
        dynamo: dynamo, region: aws.region, table: table.name, format: format, options: options, protection: protection,
        backupPath: path, state: state, context: session.context, quiet: session.quiet)
    case .rag:
      let api = try await session.ragAPI()
      return RagRestorer(
        api: api, waiter: session.ragWaiter(api, waiting, timeout: session.deadline.remaining),
        progress: session.progressLine)
    }
  }
}
