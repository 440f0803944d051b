import ArgumentParser
import Foundation
import LisaKit

struct BackupShow: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print a backup's metadata and per-section counts; no secrets, no passphrase needed.",
    discussion: """
      Reads the metadata every *.lisabak keeps in the clear: source deployment (name, stage, region, \
      account), LISA version when it was readable, times, encryption, and each section's record count \
      and checksum. The file is checked (structure, counts, checksums) first; a damaged or truncated \
      file is refused with one line.

      Exit codes: 0 shown; 5 no such file; 65 damaged or not a backup.
      """
  )

  @Argument(help: "The *.lisabak file.", completion: .file(extensions: ["lisabak"]))
  var file: String

  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    let path = try session.existingBackup(file)
    let reader = try BackupReader(path: path, displayName: session.context.display(path))
    let summary = BackupSummary(path: session.context.display(path), metadata: reader.metadata)
    session.output(
      format == .table ? summary.lines.joined(separator: "\n") + "\n" : session.renderer.object(summary.json, format: format))
  }
}
