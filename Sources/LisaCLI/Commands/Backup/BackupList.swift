import ArgumentParser
import Foundation
import LisaKit

struct BackupList: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the backups lisa backup create wrote, and whether each file is still intact.",
    discussion: """
      From the backup index in lisa's local state (LISA_STATE_DIR), newest first: file, deployment, time, \
      record count and STATUS: ok (the file exists and its checksum is the one recorded), missing, \
      changed (a different file is at that path) or damaged. -o json adds checksum and encryption.

      Exit codes: 0 listed (also when some files are missing or damaged).
      """
  )

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml, .jsonl])
    let listings = try BackupListing.all(in: try StateStore(context: session.context))
    let rows = listings.map { listing -> JSONValue in
      guard format == .table, case .object(var pairs) = listing.json else { return listing.json }
      pairs[0].1 = .string(session.context.display(listing.entry.path))
      return .object(pairs)
    }
    if listings.isEmpty, format == .table {
      session.info("no backups in the index yet; lisa backup create writes one")
      return
    }
    let columns = [
      Column("FILE", key: "file"), Column("DEPLOYMENT", key: "deployment"), Column("CREATED", key: "createdAt"),
      Column("RECORDS", key: "records"), Column("STATUS", key: "status"),
    ]
    session.output(session.renderer.list(rows, format: format, columns: columns, idKey: "file"))
  }
}
