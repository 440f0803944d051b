import ArgumentParser
import Foundation
import LisaKit

struct RagReposExport: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write repositories as definitions that rag repos apply replays.",
    discussion: """
      Writes every repository (or the ones named) as a create request without what LISA adds (status, \
      createdBy, createdAt, updatedAt), numbers as integers, and pipelines' deprecated chunkSize and \
      chunkOverlap left out where LISA already made a chunkingStrategy of them. YAML by default, -o json \
      for JSON; to stdout, or to -f FILE (written whole or not at all; --force replaces it).

      Exit status: 0 ok, 4 the credential was rejected, 5 a named repository does not exist, 6 the file \
      exists, 69 LISA unreachable, 74 the file cannot be written.
      """
  )

  @Argument(help: "Repository ids (default: all).", completion: .custom(LiveCompletions.repositories))
  var ids: [String] = []

  @Option(name: .shortAndLong, help: "Write to this file instead of stdout.", completion: .file())
  var file: String?

  @Flag(name: .customLong("force"), help: "Replace an existing output file.")
  var force = false

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json])
    let outputPath = file.map(session.context.resolve)
    if let outputPath, FileIO.exists(outputPath), !force {
      throw LisaError(
        .conflict, "\(session.context.display(outputPath)): already exists", hint: "choose another name or pass --force")
    }
    let api = try await session.ragAPI()
    var repositories = try await api.repositories().sorted { $0.id < $1.id }
    if !ids.isEmpty {
      for id in ids where !repositories.contains(where: { $0.id == id }) {
        throw LisaError(.notFound, "repository '\(id)' not found")
      }
      repositories = repositories.filter { ids.contains($0.id) }
    }
    let definitions = repositories.map(RagDefinitionFile.export)
    let text =
      format == .json
      ? JSONWriter.pretty(.object([("repositories", .array(definitions))])) + "\n"
      : RagDefinitionFile.document(definitions, source: api.client.endpoint.url.absoluteString, at: session.context.now())
    guard let outputPath else { return session.output(text) }
    try FileIO.writeAtomically(Data(text.utf8), to: outputPath, displayName: session.context.display(outputPath))
    let count = definitions.count
    session.info("exported \(count) repositor\(count == 1 ? "y" : "ies") to \(session.context.display(outputPath))")
  }
}
