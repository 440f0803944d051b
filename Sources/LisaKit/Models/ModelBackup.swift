import Foundation

/// Models in a `*.lisabak` file: one record of kind "model" per model, keyed by modelId, the create
/// request as public fields and the third-party `apiKey`, if any, as the record's encrypted secret.
public enum ModelBackup {
  public static let backupKind = "models"
  public static let recordKind = "model"
  public static let recordFormat = "create-request"

  @discardableResult
  public static func write(
    _ models: [ExportedModel], to path: String, displayName: String, source: BackupSource, createdAt: Date,
    completedAt: Date, cipher: BackupCipher, replacing: Bool
  ) throws -> BackupMetadata {
    let writer = try BackupWriter(
      path: path, displayName: displayName, kind: backupKind, source: source, createdAt: createdAt, cipher: cipher,
      replacing: replacing)
    do {
      for model in models { try writer.append(record(model)) }
      return try writer.finish(completedAt: completedAt)
    } catch {
      writer.abandon()
      throw error
    }
  }

  /// The models in a backup, with their keys decrypted.
  public static func read(path: String, displayName: String, protection: any BackupProtection) async throws -> [ModelDocument] {
    let reader = try BackupReader(path: path, displayName: displayName)
    guard reader.metadata.counts.kinds[recordKind] != nil || reader.metadata.kind == backupKind else {
      throw LisaError(
        .dataError, "\(displayName): a backup of \(reader.metadata.kind), with no model records",
        hint: "write one with lisa models export --backup FILE")
    }
    return try await documents(in: try await reader.unlock(with: protection))
  }

  /// One model as a backup record: the create request public, the API key sealed.
  public static func record(_ model: ExportedModel) -> BackupRecord {
    BackupRecord(
      kind: recordKind, key: model.modelId, format: recordFormat, publicJSON: Data(JSONWriter.compact(model.request).utf8),
      secret: model.apiKey.map { Data($0.utf8) })
  }

  /// The model records of an opened backup (a models backup or a deployment backup), keys decrypted.
  public static func documents(in backup: UnlockedBackup) async throws -> [ModelDocument] {
    let displayName = backup.displayName
    var documents: [ModelDocument] = []
    for try await record in backup.records(kind: recordKind) {
      let request = try JSONValue.parse(record.publicJSON, source: "\(displayName) record model/\(record.shortKey)")
      var apiKey: String?
      if let secret = record.secret {
        guard let text = String(data: secret, encoding: .utf8) else {
          throw LisaError(.dataError, "\(displayName): the apiKey of model/\(record.shortKey) is not text")
        }
        apiKey = text
      }
      documents.append(ModelDocument(request: request, apiKey: apiKey, origin: "\(displayName), model \(record.key)"))
    }
    return documents
  }

  /// Whether a backup needs a key to open (it does when any secret was written).
  public static func isEncrypted(path: String, displayName: String) throws -> Bool {
    let reader = try BackupReader(path: path, displayName: displayName, verify: false)
    if case .none = reader.metadata.encryption { return false }
    return true
  }
}
