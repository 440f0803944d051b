import Foundation

/// The parts of a deployment backup (`lisa backup create --only …`), in the order a restore takes them:
/// models before RAG repositories that name an embedding model, repositories before their collections.
public enum BackupSection: String, CaseIterable, Sendable, Comparable {
  case config, models, rag, keys

  /// The record kinds a section's records are stored under in the file.
  public var recordKinds: [String] {
    switch self {
    case .config: [ConfigBackup.recordKind]
    case .models: [ModelBackup.recordKind]
    case .rag: Self.ragRecordKinds
    case .keys: [TokenBackup.kind]
    }
  }

  /// Repositories (with their pipelines) first, then collections; named here so the file format is
  /// fixed in one place for the RAG section's writer and restorer.
  public static let ragRecordKinds = ["repository", "collection"]

  public static func < (lhs: BackupSection, rhs: BackupSection) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// The section a record kind belongs to, nil for kinds this lisa does not know.
  public static func of(kind: String) -> BackupSection? {
    allCases.first { $0.recordKinds.contains(kind) }
  }

  /// `--only models,keys`: the sections named, in restore order; nil means every section.
  public static func parse(_ only: String?, option: String = "--only") throws -> [BackupSection]? {
    guard let only else { return nil }
    var sections: [BackupSection] = []
    for part in only.split(separator: ",", omittingEmptySubsequences: false) {
      let name = part.trimmingCharacters(in: .whitespaces)
      guard let section = BackupSection(rawValue: name) else {
        let known = allCases.map(\.rawValue).joined(separator: ", ")
        throw LisaError.usage("\(option) \(only): '\(name)' is not a section (sections: \(known))")
      }
      if !sections.contains(section) { sections.append(section) }
    }
    return sections.sorted()
  }
}

/// What every deployment backup file says about itself.
public enum DeploymentBackup {
  /// The metadata `kind` of a `lisa backup create` file (a `keys export` file says "lisa-api-tokens").
  public static let backupKind = "lisa-deployment"
  /// The `details` entry of the source that lists the sections the file was asked to hold.
  public static let sectionsDetail = "sections"

  /// The sections a file holds: those it was written with, else those its records belong to.
  public static func sections(of metadata: BackupMetadata) -> [BackupSection] {
    if let listed = metadata.source.details[sectionsDetail] {
      return listed.split(separator: ",").compactMap { BackupSection(rawValue: String($0)) }.sorted()
    }
    return Set(metadata.counts.kinds.keys.compactMap(BackupSection.of(kind:))).sorted()
  }
}
