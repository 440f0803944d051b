import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The llama-gguf-inference keys file as a key store, interchangeable with its `key_mgmt.py`.
/// Writes hold `KeyFileLock` across read-modify-write and replace the file atomically with mode 0600.
public struct KeyFileStore: KeyStore {
  public let path: String
  public let displayName: String
  public let zone: TimeZone
  private let now: @Sendable () -> Date
  private let lockTimeout: Duration
  private let trace: @Sendable (String) -> Void

  public init(
    path: String, displayName: String, now: @escaping @Sendable () -> Date, zone: TimeZone,
    lockTimeout: Duration = .seconds(30), trace: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.path = path
    self.displayName = displayName
    self.now = now
    self.zone = zone
    self.lockTimeout = lockTimeout
    self.trace = trace
  }

  public var label: String { "file:\(displayName)" }
  public var kind: String { "file" }
  public var capabilities: KeyStoreCapabilities { [.expiry, .rateLimit] }
  public var exists: Bool { FileIO.exists(path) }

  public func list() async throws -> [KeyRecord] {
    guard let document = try load() else { return [] }
    return document.entries.map { record($0.entry, index: $0.index) }
  }

  public func find(_ reference: String) async throws -> KeyRecord {
    guard let document = try load() else { throw missingFile() }
    let index = try uniqueIndex(of: reference, in: document)
    guard let entry = document.lines[index].entry else { throw missingKey(reference, in: document) }
    return record(entry, index: index)
  }

  public func create(_ spec: KeySpec) async throws -> IssuedKey {
    guard KeyFileFormat.isPortableIdentifier(spec.name) else {
      throw LisaError.usage("key id '\(spec.name)' must be 1-64 ASCII letters, digits, '-' or '_'")
    }
    if let rateLimit = spec.rateLimit, rateLimit <= 0 {
      throw LisaError.usage("--rate-limit \(rateLimit): must be a positive integer")
    }
    guard spec.groups.isEmpty, !spec.admin, !spec.system, spec.user == nil else {
      throw LisaError.usage("\(label): key files have no users, groups, admin or system keys")
    }
    return try await mutate { document in
      if let existing = document.indices(of: spec.name).first {
        throw LisaError(
          .conflict, "key '\(spec.name)' already exists", at: location(existing),
          hint: "use 'lisa keys rotate \(spec.name) --store \(label)' for a new secret")
      }
      let secret = freshSecret(avoiding: document)
      let entry = KeyFileEntry(
        id: spec.name, secret: secret, rateLimit: spec.rateLimit,
        expirationText: spec.expiresAt.map { KeyFileTime.naive($0, zone: zone) }, expiresAt: spec.expiresAt)
      document.append(entry)
      return IssuedKey(record: record(entry, index: document.lines.count - 1), secret: secret)
    }
  }

  public func rotate(_ reference: String, options: KeyRotation) async throws -> IssuedKey {
    if options.keepOld != nil {
      throw LisaError.usage(
        "\(label): --keep-old needs a store that keeps two secrets per key (api, table); a key file has one per id")
    }
    guard exists else { throw missingFile() }
    return try await mutate { document in
      let index = try uniqueIndex(of: reference, in: document)
      guard var entry = document.lines[index].entry else { throw missingKey(reference, in: document) }
      entry.secret = freshSecret(avoiding: document)
      if let expiresAt = options.expiresAt {
        entry.expiresAt = expiresAt
        entry.expirationText = KeyFileTime.naive(expiresAt, zone: zone)
      }
      document.replace(at: index, with: entry)
      return IssuedKey(record: record(entry, index: index), secret: entry.secret)
    }
  }

  public func revoke(_ reference: String) async throws -> KeyRecord {
    guard exists else { throw missingFile() }
    return try await mutate { document in
      let index = try uniqueIndex(of: reference, in: document)
      guard let entry = document.lines[index].entry else { throw missingKey(reference, in: document) }
      document.remove(at: index)
      return record(entry, index: index)
    }
  }

  public func check() async throws -> [ConfigDiagnostic] {
    guard let document = try load() else { throw missingFile() }
    var info = stat()
    let mode = stat(path, &info) == 0 ? info.st_mode : nil
    return KeyFileLint.check(
      document, file: displayName, mode: mode, now: now(), zone: zone, leftovers: KeyFileLeftovers.find(for: resolvedTarget()))
  }

  // MARK: - Reading and writing

  /// The parsed file, or nil when it does not exist (key_mgmt treats that as zero keys).
  public func load() throws -> KeyFileDocument? {
    guard FileIO.exists(path) else { return nil }
    return KeyFileDocument.parse(try FileIO.read(path, displayName: displayName), zone: zone)
  }

  /// Read, change, write, all under the lock. A missing file starts as key_mgmt's header comment.
  private func mutate<T>(_ change: (inout KeyFileDocument) throws -> T) async throws -> T {
    let target = resolvedTarget()
    let started = ContinuousClock.now
    return try await KeyFileLock.withLock(on: target, displayName: displayName, timeout: lockTimeout) {
      trace("keys: locked \(displayName).lock after \(Self.milliseconds(since: started)) ms")
      let removed = KeyFileLeftovers.remove(for: target)
      if removed > 0 { trace("keys: removed \(removed) temporary file(s) left by an interrupted write") }
      var document = try load() ?? KeyFileDocument.empty()
      let result = try change(&document)
      let data = document.data
      try FileIO.writeAtomically(data, to: target, mode: 0o600, displayName: displayName)
      trace("keys: wrote \(displayName) (\(data.count) bytes, \(document.entries.count) keys, mode 0600)")
      return result
    }
  }

  /// Writes go to a symlink's target, so the link (often into a mounted volume) survives.
  private func resolvedTarget() -> String {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return path }
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }

  private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
    start.duration(to: .now).milliseconds
  }

  private func freshSecret(avoiding document: KeyFileDocument) -> KeySecret {
    let taken = Set(document.entries.map(\.entry.secret))
    var secret = KeyFileSecretGenerator.generate()
    while taken.contains(secret) { secret = KeyFileSecretGenerator.generate() }
    return secret
  }

  // MARK: - Lookup and messages

  private func uniqueIndex(of reference: String, in document: KeyFileDocument) throws -> Int {
    let matches = document.indices(of: reference)
    guard let first = matches.first else { throw missingKey(reference, in: document) }
    guard matches.count == 1 else {
      let lines = matches.map { String($0 + 1) }.joined(separator: ", ")
      throw LisaError(
        .conflict, "key id '\(reference)' appears on lines \(lines)", at: SourceLocation(file: displayName),
        hint: "remove the duplicates by hand; 'lisa keys check --store \(label)' lists them")
    }
    return first
  }

  private func record(_ entry: KeyFileEntry, index: Int) -> KeyRecord {
    KeyRecord(id: entry.id, name: entry.id, rateLimit: entry.rateLimit, expiresAt: entry.expiresAt, location: location(index))
  }

  private func location(_ index: Int) -> SourceLocation { SourceLocation(file: displayName, line: index + 1) }

  private func missingFile() -> LisaError {
    LisaError(.notFound, "\(displayName): no such key file", hint: "'lisa keys create NAME --store \(label)' creates it")
  }

  private func missingKey(_ reference: String, in document: KeyFileDocument) -> LisaError {
    let ids = document.entries.map(\.entry.id)
    let hint =
      ConfigValidator.suggest(reference, among: ids).map { "did you mean '\($0)'?" }
      ?? (ids.isEmpty ? "the file has no keys" : "'lisa keys list --store \(label)' shows the \(ids.count) key(s)")
    return LisaError(.notFound, "no key '\(reference)' in \(displayName)", hint: hint)
  }
}
