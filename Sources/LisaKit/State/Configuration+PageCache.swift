import GRDB

extension Configuration {
  /// lisa's databases with a small SQLite page cache. The default (2 MB per connection) fills up as a
  /// state or backup file grows, which made peak memory grow with the token count; lisa reads these
  /// files in order or by key, where the OS file cache serves as well.
  static func smallPageCache() -> Configuration {
    var configuration = Configuration()
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -256") }
    return configuration
  }
}
