import ArgumentParser
import Foundation
import LisaKit

extension Session {
  func ragAPI() async throws -> RagAPI { RagAPI(client: try await lisaAPI()) }
}

enum RagStyle {
  @Sendable static func status(_ status: String) -> Style? {
    if status.hasSuffix("_COMPLETE") || status == "ACTIVE" || status.hasSuffix("_COMPLETED") { return .green }
    if status.hasSuffix("_FAILED") { return .red }
    if status.hasSuffix("_IN_PROGRESS") || status.hasSuffix("_PENDING") { return .yellow }
    return .dim
  }

  static let repositoryColumns = [
    Column("ID", key: "repositoryId"), Column("NAME", key: "repositoryName"), Column("TYPE", key: "type"),
    Column("EMBEDDING MODEL", key: "embeddingModelId"), Column("PIPELINES", key: "pipelines"),
    Column("STATUS", key: "status", style: status),
  ]
}

extension Session {
  /// One definition file (YAML or JSON), resolved against the working directory.
  func ragDefinition(_ path: String) throws -> RagDefinition {
    let resolved = context.resolve(path)
    return try RagDefinitionFile.loadOne(path: resolved, displayName: context.display(resolved))
  }

  /// A waiter that prints each status the repository passes through (stderr, unless -q).
  func ragWaiter(_ api: RagAPI, _ options: ModelWaitOptions, timeout: TimeInterval) -> RagWaiter {
    let info = infoSink
    let color = terminal.colorOnStderr
    return RagWaiter(
      api: api, interval: options.interval, maxInterval: max(options.interval, 30), timeout: timeout,
      onChange: { id, status in
        let styled = RagStyle.status(status).map { $0.apply(status, enabled: color) } ?? status
        info("\(id) is \(styled)")
      })
  }
}
