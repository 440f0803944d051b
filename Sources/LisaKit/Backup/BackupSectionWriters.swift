import Crypto
import Foundation

/// One section's part of a deployment backup. The RAG section plugs in as one more writer.
public protocol BackupSectionWriter: Sendable {
  var section: BackupSection { get }
  /// Appends the section's records; `progress` gets the number of records added as they go. Returns
  /// lines for stderr (what could not be read, what was kept once).
  func write(into writer: BackupWriter, progress: @escaping @Sendable (Int) -> Void) async throws -> [String]
}

/// The config files as text: `config-custom.yaml`, `config-base.yaml` when the checkout has one, and
/// the merged config the two give. The text is sealed (configs can name secrets' ARNs, passwords).
public enum ConfigBackup {
  public static let recordKind = "config-file"
  public static let mergedKey = "merged.yaml"

  public struct PublicFields: Codable, Sendable, Equatable {
    /// The file name in the config directory; the merged config is not a file and is never restored.
    public var file: String
    public var bytes: Int
    public var sha256: String
  }

  public static func record(file: String, text: String) throws -> BackupRecord {
    let data = Data(text.utf8)
    let digest = Hex.lower(SHA256.hash(data: data))
    return try BackupRecord(
      kind: recordKind, key: file, publicFields: PublicFields(file: file, bytes: data.count, sha256: digest), secret: data)
  }
}

public struct ConfigSectionWriter: BackupSectionWriter {
  public var config: LoadedConfig
  public var section: BackupSection { .config }

  public init(config: LoadedConfig) {
    self.config = config
  }

  public func write(into writer: BackupWriter, progress: @escaping @Sendable (Int) -> Void) async throws -> [String] {
    var notes: [String] = []
    for file in [ConfigLoader.customFile, ConfigLoader.baseFile] {
      let path = (config.directory as NSString).appendingPathComponent(file)
      guard FileIO.exists(path) else {
        notes.append("config: \(file) is not in \(config.directory); the built-in base is not backed up")
        continue
      }
      let text = String(decoding: try FileIO.read(path), as: UTF8.self)
      try writer.append(try ConfigBackup.record(file: file, text: text))
      progress(1)
    }
    let merged = YAMLEmitter(includeComments: false).emit(config.merged)
    try writer.append(try ConfigBackup.record(file: ConfigBackup.mergedKey, text: merged))
    progress(1)
    return notes
  }
}

/// Every model as `models export --backup` writes it: the create request, the third-party key sealed.
public struct ModelsSectionWriter: BackupSectionWriter {
  public var catalog: ModelCatalog
  public var section: BackupSection { .models }

  public init(catalog: ModelCatalog) {
    self.catalog = catalog
  }

  public func write(into writer: BackupWriter, progress: @escaping @Sendable (Int) -> Void) async throws -> [String] {
    let (exported, notes) = try await ModelExport.collect(catalog, withKeys: true)
    for model in exported {
      try writer.append(ModelBackup.record(model))
      progress(1)
    }
    let findings = exported.flatMap { model in
      model.diagnostics.map { "model '\(model.modelId)': \($0.path): \($0.message)" }
    }
    return notes + findings
  }
}

/// The token tables that exist, pre-v6 and v6, scanned as `keys export` scans one. A token stored in both
/// (a v6.0 table copied from the legacy one) is kept once, from the first table.
public struct TokensSectionWriter: BackupSectionWriter {
  public var dynamo: DynamoDBClient
  public var tables: [String]
  public var section: BackupSection { .keys }

  public init(dynamo: DynamoDBClient, tables: [String]) {
    self.dynamo = dynamo
    self.tables = tables
  }

  public func write(into writer: BackupWriter, progress: @escaping @Sendable (Int) -> Void) async throws -> [String] {
    var notes: [String] = []
    for (index, table) in tables.enumerated() {
      var duplicates = 0
      for try await page in dynamo.scanPages(try await TokenExporter(dynamo: dynamo, table: table).scanRequest()) {
        let records = try page.items.map(TokenBackup.record(from:))
        let present: Set<String> =
          index == 0 ? [] : try writer.existingKeys(kind: TokenBackup.kind, among: records.map(\.key))
        for record in records where !present.contains(record.key) { try writer.append(record) }
        duplicates += present.count
        progress(records.count - present.count)
      }
      if duplicates > 0 { notes.append("keys: \(duplicates) tokens of \(table) are also in \(tables[0]); kept once") }
    }
    return notes
  }
}
