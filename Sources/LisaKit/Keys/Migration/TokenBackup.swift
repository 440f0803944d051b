import Foundation

/// How a token table item is kept in a `*.lisabak`: the whole item, sealed (it holds the plaintext
/// of legacy tokens), plus public fields that never reveal a secret.
public enum TokenBackup {
  public static let kind = "token"
  public static let backupKind = "lisa-api-tokens"

  public struct PublicFields: Codable, Sendable, Equatable {
    public var format: String
    public var masked: String
    public var name: String?
    public var username: String?
    public var expiration: Int?
    public var isSystemToken: Bool?
  }

  public static func record(from item: DynamoDBItem) throws -> BackupRecord {
    guard let token = item["token"]?.stringValue, !token.isEmpty else {
      throw LisaError(
        .dataError,
        "a token table item has no string `token` attribute (attributes: \(item.keys.sorted().joined(separator: ", ")))")
    }
    let format = LisaTokenFormat.of(item)
    let fields = PublicFields(
      format: format.rawValue, masked: LisaToken.mask(token), name: item["name"]?.stringValue,
      username: item["username"]?.stringValue, expiration: LisaToken.expiration(of: item),
      isSystemToken: item["isSystemToken"]?.boolValue)
    let sealed = try JSONEncoder().encode(item)
    return try BackupRecord(kind: kind, key: LisaToken.hash(token), format: format.rawValue, publicFields: fields, secret: sealed)
  }

  public static func item(from record: BackupRecord) throws -> DynamoDBItem {
    guard let secret = record.secret, let item = try? JSONDecoder().decode(DynamoDBItem.self, from: secret) else {
      throw LisaError(.dataError, "backup record \(record.shortKey) does not hold a token table item")
    }
    return item
  }

  /// A name for messages: the token's own name if it has one, else its masked value.
  public static func label(_ record: BackupRecord) -> String {
    guard let fields = try? record.publicFields(as: PublicFields.self) else { return record.shortKey }
    return fields.name.map { "\($0) (\(fields.masked))" } ?? fields.masked
  }
}
