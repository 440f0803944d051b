import Crypto
import Foundation

/// SHA-256 over every record in file order, each field length-prefixed so that no two different
/// record sequences hash the same bytes. Computed over the stored (sealed) secrets, so it can be
/// checked without the key.
struct BackupChecksum {
  private var hasher = SHA256()

  mutating func add(kind: String, key: String, format: String?, publicJSON: Data, storedSecret: Data?) {
    addField(Data(kind.utf8))
    addField(Data(key.utf8))
    addOptional(format.map { Data($0.utf8) })
    addField(publicJSON)
    addOptional(storedSecret)
  }

  private mutating func addOptional(_ field: Data?) {
    hasher.update(data: [field == nil ? 0 : 1])
    if let field { addField(field) }
  }

  private mutating func addField(_ field: Data) {
    var length = Data()
    length.appendLength(field.count)
    hasher.update(data: length)
    hasher.update(data: field)
  }

  func finalize() -> String {
    "sha256:" + Hex.lower(hasher.finalize())
  }
}
