import Foundation

/// What one ingest run did.
public struct RagIngestOutcome: Sendable {
  public var uploaded: [RagSourceFile] = []
  public var uploadedBytes: Int64 = 0
  /// Unchanged since a run that ingested them.
  public var skipped: [String] = []
  /// Files handed to `/bulk`, with the jobs LISA answered.
  public var ingested: [String] = []
  public var jobs: [JSONValue] = []
  /// Files that could not be read or uploaded, with why; the others went on.
  public var failed: [(path: String, reason: String)] = []
}

/// `rag ingest`: for each file a presigned POST and a multipart upload streamed from disk (a few at a time),
/// each finished upload recorded in the local journal at once; then one `/bulk` call for the batch (split only
/// above LISA's 1 MiB body limit, docs/lisa/rag-api.md#documents). A file whose upload still fails after
/// retries is reported and the others go on. The journal is keyed by target, path, size and SHA-256, so
/// running the same command again uploads only what is new or changed and skips what LISA already has.
public struct RagIngester: Sendable {
  public var api: RagAPI
  public var uploader: RagUploader
  public var store: StateStore
  public var repository: String
  public var collection: String?
  public var chunking: RagChunking?
  public var concurrency: Int
  /// Called once per file that finished (uploaded, skipped or failed), from any task.
  public var onFile: @Sendable (_ file: String, _ bytes: Int64, _ note: String) -> Void

  public init(
    api: RagAPI, uploader: RagUploader, store: StateStore, repository: String, collection: String?, chunking: RagChunking?,
    concurrency: Int = 4, onFile: @escaping @Sendable (String, Int64, String) -> Void = { _, _, _ in }
  ) {
    self.api = api
    self.uploader = uploader
    self.store = store
    self.repository = repository
    self.collection = collection
    self.chunking = chunking
    self.concurrency = max(1, concurrency)
    self.onFile = onFile
  }

  /// The journal's name for where files go: the API, the repository and the collection.
  public var target: String {
    "\(api.client.endpoint.url.absoluteString)|\(repository)|\(collection ?? "")"
  }

  /// The bucket key of a file: under the repository's id, so that deleting a document of another
  /// repository (which deletes the S3 object, docs/lisa/rag-api.md#documents) cannot take this one's.
  public func key(for file: RagSourceFile) -> String { "\(repository)/\(file.relativePath)" }

  /// `files`: absolute path → the relative path that names it.
  public func run(_ files: [String: String]) async throws -> RagIngestOutcome {
    var outcome = RagIngestOutcome()
    let journal = try store.ragIngestRecords(target: target)
    var toUpload: [RagSourceFile] = []
    var pending: [RagSourceFile] = []
    for (path, relative) in files.sorted(by: { $0.value < $1.value }) {
      let file: RagSourceFile
      do {
        file = try Self.describe(path, relative: relative)
      } catch let error as LisaError {
        outcome.failed.append((relative, error.message))
        onFile(relative, 0, "failed: \(error.message)")
        continue
      }
      let record = journal[path]
      if let record, record.size == file.size, record.sha256 == file.sha256, record.s3Key == key(for: file) {
        if record.state == .ingested {
          outcome.skipped.append(relative)
          onFile(relative, 0, "unchanged, already ingested")
        } else {
          pending.append(file)
          onFile(relative, 0, "already uploaded")
        }
        continue
      }
      toUpload.append(file)
    }
    let results = try await uploadAll(toUpload)
    for (file, failure) in results {
      if let failure {
        outcome.failed.append((file.relativePath, failure))
      } else {
        outcome.uploaded.append(file)
        outcome.uploadedBytes += file.size
        pending.append(file)
      }
    }
    pending.sort { $0.relativePath < $1.relativePath }
    for batch in Self.batches(pending.map(key), limit: 400 * 1024) where !batch.isEmpty {
      let answer = try await api.ingest(repository, keys: batch, collection: collection, chunking: chunking)
      let files = pending.filter { batch.contains(key(for: $0)) }
      try store.recordRagIngest(files.map { record($0, .ingested) }, target: target)
      outcome.ingested += files.map(\.relativePath)
      outcome.jobs += answer["jobs"]?.arrayItems ?? []
    }
    return outcome
  }

  private func record(_ file: RagSourceFile, _ state: RagIngestRecord.State) -> RagIngestRecord {
    RagIngestRecord(path: file.path, size: file.size, sha256: file.sha256, s3Key: key(for: file), state: state)
  }

  /// Uploads with at most `concurrency` in flight; each result is the file and nil, or why it failed.
  private func uploadAll(_ files: [RagSourceFile]) async throws -> [(RagSourceFile, String?)] {
    try await withThrowingTaskGroup(of: (RagSourceFile, String?).self) { group in
      var results: [(RagSourceFile, String?)] = []
      var next = files.makeIterator()
      func start(_ file: RagSourceFile) {
        group.addTask { (file, try await self.uploadOne(file)) }
      }
      for _ in 0..<concurrency { if let file = next.next() { start(file) } }
      while let result = try await group.next() {
        results.append(result)
        if let file = next.next() { start(file) }
      }
      return results
    }
  }

  private func uploadOne(_ file: RagSourceFile) async throws -> String? {
    do {
      let post = try await api.presignedPost(key: key(for: file))
      try await uploader.upload(file, to: post)
      try store.recordRagIngest([record(file, .uploaded)], target: target)
      onFile(file.relativePath, file.size, "uploaded")
      return nil
    } catch let failure as UploadFailure {
      let reason = "upload failed after \(failure.attempts) attempt\(failure.attempts == 1 ? "" : "s"): \(failure.reason)"
      onFile(file.relativePath, 0, "failed: \(reason)")
      return reason
    } catch let error as LisaError where error.status != .auth {
      onFile(file.relativePath, 0, "failed: \(error.message)")
      return error.message
    }
  }

  static func describe(_ path: String, relative: String) throws -> RagSourceFile {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = (attributes[.size] as? NSNumber)?.int64Value
    else { throw LisaError(.ioError, "cannot read \(relative)") }
    if size > RagSourceFiles.maxFileSize {
      throw LisaError(.invalid, "\(relative) is \(size / 1_048_576) MB; LISA's upload URL takes at most 50 MB")
    }
    return RagSourceFile(path: path, relativePath: relative, size: size, sha256: try RagUploader.sha256(path: path))
  }

  /// Keys in groups whose JSON stays under `limit` bytes.
  static func batches(_ keys: [String], limit: Int) -> [[String]] {
    var result: [[String]] = [[]]
    var size = 0
    for key in keys {
      let cost = key.utf8.count + 8
      if size + cost > limit, !(result.last?.isEmpty ?? true) {
        result.append([])
        size = 0
      }
      result[result.count - 1].append(key)
      size += cost
    }
    return result
  }
}
