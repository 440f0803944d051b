import ArgumentParser
import Foundation
import LisaKit

struct RagIngest: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Upload files into a repository and start their ingestion.",
    discussion: """
      For each file: an upload URL from LISA (a presigned S3 POST), then a multipart upload streamed \
      from disk, a few at a time; then one /bulk call for the batch, which starts LISA's ingestion \
      jobs. Files go to the bucket as REPO/<path relative to the directory named>. Directories are read \
      without their subdirectories unless --recursive; hidden files are left out. A failed upload is \
      retried, and if it still fails it is reported and the others go on (exit 3). Every finished upload \
      is journaled in local state (LISA_STATE_DIR) with its path, size and SHA-256: running the same \
      command again uploads only what is new or changed, and skips what LISA already ingested. \
      --chunk-size and --chunk-overlap (both or neither; size 100-10000, overlap at most half) set a \
      fixed chunking; a collection that does not allow overrides keeps its own. Follow the jobs with \
      lisa rag jobs REPO --watch. One line per file on stderr, or a progress bar on a terminal.

      Exit status: 0 ok, 3 some files failed, 4 the credential was rejected, 5 no such repository or file, \
      64 bad chunking options, 69 LISA unreachable, 74 the state directory cannot be written.
      """
  )

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories)) var repository: String
  @Argument(help: "Files or directories to ingest.", completion: .file()) var paths: [String]
  @Flag(name: .customLong("recursive"), help: "Include subdirectories of the directories named.") var recursive = false
  @Option(name: .customLong("collection"), help: "Collection id (default: the repository's default collection).")
  var collection: String?
  @Option(name: .customLong("chunk-size"), help: "Fixed chunk size (100-10000).") var chunkSize: Int?
  @Option(name: .customLong("chunk-overlap"), help: "Chunk overlap (at most half the chunk size).") var chunkOverlap: Int?
  @Option(name: .customLong("parallel"), help: "Uploads in flight at once (1-16).") var parallel = 4
  @OptionGroup var globals: GlobalOptions

  func validate() throws {
    if (chunkSize == nil) != (chunkOverlap == nil) {
      throw ValidationError("--chunk-size and --chunk-overlap go together: give both or neither")
    }
    if let chunkSize, let chunkOverlap, let problem = RagRules.chunkingProblem(size: chunkSize, overlap: chunkOverlap) {
      throw ValidationError(problem)
    }
    guard (1...16).contains(parallel) else { throw ValidationError("--parallel must be between 1 and 16") }
  }

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    let files = try RagSourceFiles.collect(paths, resolve: session.context.resolve, recursive: recursive)
    let api = try await session.ragAPI()
    _ = try await api.repository(repository)
    if let collection { _ = try await api.collection(repository, collection) }
    let chunking = chunkSize.map { RagChunking(size: $0, overlap: chunkOverlap ?? 0) }
    let meter =
      session.terminal.showsProgress
      ? ProgressMeter(label: "files", total: files.count, context: session.context, quiet: session.quiet) : nil
    let info = session.infoSink
    let ingester = RagIngester(
      api: api, uploader: RagUploader(transport: session.context.transport), store: try StateStore(context: session.context),
      repository: repository, collection: collection, chunking: chunking, concurrency: parallel,
      onFile: { file, bytes, note in
        if let meter { meter.add(1, bytes: Int(bytes)) } else { info("\(file): \(note)\(bytes > 0 ? " (\(bytes) bytes)" : "")") }
      })
    let outcome = try await ingester.run(files)
    meter?.finish()
    let summary = JSONValue.object([
      ("uploaded", .int(outcome.uploaded.count)), ("uploadedBytes", .number(String(outcome.uploadedBytes))),
      ("skipped", .int(outcome.skipped.count)), ("ingested", .int(outcome.ingested.count)),
      ("failed", .array(outcome.failed.map { .object([("file", .string($0.path)), ("reason", .string($0.reason))]) })),
      ("jobs", .array(outcome.jobs)),
    ])
    if format != .table { session.output(session.renderer.object(summary, format: format)) }
    session.info(
      "\(outcome.uploaded.count) uploaded (\(outcome.uploadedBytes) bytes), \(outcome.skipped.count) unchanged, "
        + "\(outcome.ingested.count) sent for ingestion (\(outcome.jobs.count) jobs), \(outcome.failed.count) failed")
    if !outcome.failed.isEmpty {
      for failure in outcome.failed where meter != nil { session.warn("\(failure.path): \(failure.reason)") }
      throw LisaError(
        .partial, "\(outcome.failed.count) of \(files.count) files were not ingested", hint: "run the same command again")
    }
  }
}
