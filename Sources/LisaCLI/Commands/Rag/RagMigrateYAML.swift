import ArgumentParser
import Foundation
import LisaKit

struct RagMigrateYAML: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate-yaml",
    abstract: "Carry the config's ragRepositories over to LISA's repository API.",
    discussion: """
      Reads ragRepositories from the merged config (config-base.yaml + config-custom.yaml), turns each \
      entry into a create request (a pipeline's embeddingModel becomes the repository's \
      embeddingModelId; trigger daily, which the API refuses, becomes event; missing s3Prefix and chunk \
      sizes get v4's defaults; fields with no equivalent are reported), checks them as rag repos create \
      does, and plans against the repositories that exist: the ones already there are compared, the \
      others created. --dry-run prints the requests and the plan and changes nothing; otherwise the plan \
      is applied after confirmation (--yes off a terminal). Once an entry is removed from the YAML config \
      it cannot come back through YAML: from then on manage it with lisa rag repos.

      Exit status: 0 done or nothing to do, 1 a creation failed, 2 declined, 4 the credential was rejected, \
      5 no config or no ragRepositories, 7 an entry breaks LISA's rules, 64 --yes needed off a terminal, \
      69 LISA unreachable.
      """
  )

  @Flag(name: .customLong("dry-run"), help: "Print the requests and the plan; change nothing.")
  var dryRun = false

  @OptionGroup(title: "Waiting") var waiting: ModelWaitOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    let timeout = session.deadline.remaining
    let config = try session.loadConfig()
    guard let entries = config.merged.lookup(["ragRepositories"]) else {
      throw LisaError(.notFound, "the config has no ragRepositories", hint: "nothing to migrate")
    }
    let node = entries
    let items = node.json.arrayItems ?? []
    if items.isEmpty {
      session.info("ragRepositories is empty: nothing to migrate")
      return
    }
    let conversion = LegacyRagRepositories.convert(items, origin: "ragRepositories") { index, path in
      guard let item = node.sequence?.items[safe: index]?.value else { return node.location }
      return RagDefinitionFile.locate(path, in: item)
    }
    conversion.notes.forEach(session.warn)
    let api = try await session.ragAPI()
    let prepared = RagApplyPlanner.prepare(
      conversion.definitions, current: try await api.repositories(), prune: false, fileName: "ragRepositories")
    try session.requireNoErrors(prepared.diagnostics, what: "ragRepositories")
    if dryRun {
      let requests = prepared.plan.items.compactMap(\.desired)
      session.output(session.renderer.object(.object([("requests", .array(requests))]), format: .yaml))
    }
    session.warn(LegacyRagRepositories.warning)
    try await session.runRagApply(
      prepared, api: api, format: format, dryRun: dryRun, recreate: false, waiting: waiting, timeout: timeout,
      source: "ragRepositories",
      confirmation: "Apply this plan to the repositories of \(api.client.endpoint.url.host ?? "LISA")?")
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
