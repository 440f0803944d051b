import Foundation

/// One item in a backup: a kind ("token", "model", ...), a key that is stable across exports (a
/// token's SHA-256 hex), public fields as a JSON object, and an optional secret payload that is
/// encrypted in the file.
public struct BackupRecord: Sendable, Equatable, CustomStringConvertible {
  public var kind: String
  public var key: String
  /// The item's format, counted per kind in the metadata (for tokens: legacy plaintext or hashed).
  public var format: String?
  /// UTF-8 JSON; stored byte for byte, so the checksum is reproducible.
  public var publicJSON: Data
  public var secret: Data?

  public init(kind: String, key: String, format: String? = nil, publicJSON: Data, secret: Data? = nil) {
    self.kind = kind
    self.key = key
    self.format = format
    self.publicJSON = publicJSON
    self.secret = secret
  }

  public init(kind: String, key: String, format: String? = nil, publicFields: some Encodable, secret: Data? = nil) throws {
    self.init(kind: kind, key: key, format: format, publicJSON: try Self.encoder.encode(publicFields), secret: secret)
  }

  public func publicFields<Fields: Decodable>(as type: Fields.Type) throws -> Fields {
    do {
      return try JSONDecoder().decode(type, from: publicJSON)
    } catch {
      throw LisaError(.dataError, "backup record \(kind)/\(shortKey): public fields do not match \(type)")
    }
  }

  /// Record keys can be long hashes; messages show enough to find the record.
  public var shortKey: String { key.count > 16 ? String(key.prefix(12)) + "…" : key }

  public var description: String {
    let json = String(data: publicJSON, encoding: .utf8) ?? "<\(publicJSON.count) bytes>"
    let secretText = secret.map { "<\($0.count) secret bytes>" } ?? "none"
    return "BackupRecord(\(kind)/\(key), format: \(format ?? "-"), public: \(json), secret: \(secretText))"
  }

  /// Binds a sealed secret to everything public about its record, so a secret cannot be moved to
  /// another record and public fields (a token's groups, say) cannot be edited without the key.
  var sealingContext: Data {
    var context = Data("lisa-backup-record".utf8)
    for field in [Data(kind.utf8), Data(key.utf8), Data((format ?? "").utf8), publicJSON] {
      context.appendLength(field.count)
      context.append(field)
    }
    return context
  }

  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()
}

extension Data {
  mutating func appendLength(_ count: Int) {
    Swift.withUnsafeBytes(of: UInt64(count).bigEndian) { append(contentsOf: $0) }
  }
}
