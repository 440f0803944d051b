import ArgumentParser
import Foundation
import LisaKit

struct RagJobs: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "jobs",
    abstract: "Show a repository's ingestion jobs; --watch until they finish.",
    discussion: """
      Lists the jobs of the last 30 days, newest first (every page). --watch polls until no job is \
      pending or in progress, printing each job that finishes. -o json prints LISA's job objects.

      Exit status: 0 ok, 1 a job failed (or a wait timed out), 4 the credential was rejected, 5 no such \
      repository, 69 LISA unreachable.
      """
  )

  @Argument(help: "Repository id.", completion: .custom(LiveCompletions.repositories)) var repository: String
  @Flag(name: .customLong("watch"), help: "Poll until every job has finished.") var watch = false
  @Option(name: .customLong("interval"), help: ArgumentHelp("Seconds between polls.", valueName: "seconds"))
  var interval: Double = 5
  @OptionGroup var globals: GlobalOptions

  static let columns = [
    Column("JOB", key: "id"), Column("DOCUMENT", key: "document_name"), Column("COLLECTION", key: "collection_id"),
    Column("CREATED", key: "created_date"), Column("STATUS", key: "status", style: RagStyle.status),
    Column("ERROR", key: "error_message"),
  ]

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .jsonl, .id])
    let api = try await session.ragAPI()
    _ = try await api.repository(repository)
    // The command's own deadline (--timeout, LISA_TIMEOUT) bounds the watch.
    let deadline = Date().addingTimeInterval(session.deadline.remaining)
    var jobs = try await api.jobs(repository)
    var reported = Set(jobs.filter { !RagJobStatus.isOpen($0) }.compactMap { $0["id"]?.stringValue })
    while watch, jobs.contains(where: RagJobStatus.isOpen) {
      guard Date().addingTimeInterval(interval) < deadline else {
        throw LisaError(
          .failure, "jobs still running when the command's --timeout ran out; stopped watching (LISA goes on)")
      }
      try await Task.sleep(for: .seconds(interval))
      jobs = try await api.jobs(repository)
      for job in jobs where !RagJobStatus.isOpen(job) {
        guard let id = job["id"]?.stringValue, reported.insert(id).inserted else { continue }
        session.info("\(job["document_name"]?.plainText ?? id): \(job["status"]?.plainText ?? "")")
      }
    }
    if format == .table {
      if !jobs.isEmpty { session.output(session.renderer.table(jobs, columns: Self.columns)) }
    } else {
      session.output(session.renderer.list(jobs, format: format, columns: Self.columns, idKey: "id"))
    }
    let failed = jobs.filter { $0["status"]?.stringValue?.hasSuffix("_FAILED") == true }
    if !failed.isEmpty {
      let names = failed.prefix(5).map { $0["document_name"]?.plainText ?? "?" }.joined(separator: ", ")
      throw LisaError(.failure, "\(failed.count) job\(failed.count == 1 ? "" : "s") failed (\(names))")
    }
  }
}

enum RagJobStatus {
  static func isOpen(_ job: JSONValue) -> Bool {
    let status = job["status"]?.stringValue ?? ""
    return status.hasSuffix("_PENDING") || status.hasSuffix("_IN_PROGRESS")
  }
}
