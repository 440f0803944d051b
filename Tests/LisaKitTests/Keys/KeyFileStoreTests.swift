import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

@Suite struct KeyFileStoreTests {
  let zone = TimeZone(identifier: "Europe/Berlin")!
  let now = Date(timeIntervalSince1970: 1_782_900_000)  // 2026-07-01T10:00:00Z, 12:00 in Berlin
  static let aliceSecret = "sk-" + "Q7v-2LmZp_9xKc4RtYw8NbA3sJdHf6UeGo1iTk5XrWq"

  func store(_ path: String) -> KeyFileStore {
    let now = self.now
    return KeyFileStore(path: path, displayName: "keys.txt", now: { now }, zone: zone)
  }

  static func mode(_ path: String) -> mode_t {
    var info = stat()
    _ = stat(path, &info)
    return info.st_mode & 0o777
  }

  @Test func createMakesTheFileLikeKeyMgmt() async throws {
    let path = TestPaths.temporaryDirectory("keyfile").appendingPathComponent("sub/keys.txt").path
    let expires = now.addingTimeInterval(30 * 86_400)
    let issued = try await store(path).create(KeySpec(name: "ci-bot", expiresAt: expires, rateLimit: 120))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == "\(KeyFileFormat.header)\nci-bot:\(issued.secret.reveal()):120:2026-07-31T12:00:00\n")
    #expect(Self.mode(path) == 0o600)
    #expect(
      issued.record
        == KeyRecord(
          id: "ci-bot", name: "ci-bot", rateLimit: 120, expiresAt: expires, location: SourceLocation(file: "keys.txt", line: 2)))
    #expect(KeyFileFormat.hasGeneratedShape(issued.secret.reveal()))
  }

  @Test func absentFileHasNoKeys() async throws {
    let path = TestPaths.temporaryDirectory("keyfile").appendingPathComponent("keys.txt").path
    #expect(try await store(path).list().isEmpty)
    #expect(!FileIO.exists(path))
    await #expect(throws: LisaError.self) { try await store(path).revoke("x") }
    #expect(!FileIO.exists(path))
  }

  @Test func rotateKeepsIdentityAttributesAndEveryOtherByte() async throws {
    let path = TestPaths.temporaryDirectory("keyfile").appendingPathComponent("keys.txt").path
    let original =
      "# hand-written\r\nalice:\(Self.aliceSecret):60:2027-01-01T00:00:00.5\n\nbad line\n"
      + "bob:\(Self.aliceSecret)B::2027-01-01\n# end"
    try Data(original.utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o644)
    let issued = try await store(path).rotate("alice", options: KeyRotation())
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == original.replacingOccurrences(of: "alice:\(Self.aliceSecret):", with: "alice:\(issued.secret.reveal()):"))
    #expect(issued.record.rateLimit == 60)
    #expect(issued.record.expiresAt == KeyFileTime.parse("2027-01-01T00:00:00.5", zone: zone))
    #expect(issued.secret.reveal() != Self.aliceSecret)
    #expect(Self.mode(path) == 0o600)

    let renewed = try await store(path).rotate("alice", options: KeyRotation(expiresAt: now.addingTimeInterval(3600)))
    #expect(
      try String(contentsOfFile: path, encoding: .utf8).contains("alice:\(renewed.secret.reveal()):60:2026-07-01T13:00:00\n"))
  }

  @Test func revokeRemovesOnlyItsLine() async throws {
    let path = TestPaths.temporaryDirectory("keyfile").appendingPathComponent("keys.txt").path
    let original = "#h\nalice:\(Self.aliceSecret)\nbob:\(Self.aliceSecret)B\n"
    try Data(original.utf8).write(to: URL(fileURLWithPath: path))
    let revoked = try await store(path).revoke("alice")
    #expect(revoked.id == "alice")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "#h\nbob:\(Self.aliceSecret)B\n")
    #expect(Self.mode(path) == 0o600)
  }

  @Test func errorsHaveTheDocumentedStatusAndNoSecrets() async throws {
    let path = TestPaths.temporaryDirectory("keyfile").appendingPathComponent("keys.txt").path
    try Data("alice:\(Self.aliceSecret)\ntwice:\(Self.aliceSecret)A\ntwice:\(Self.aliceSecret)B\n".utf8).write(
      to: URL(fileURLWithPath: path))
    let cases: [(LisaKit.ExitStatus, () async throws -> Void)] = [
      (.notFound, { _ = try await store(path).find("alise") }),
      (.conflict, { _ = try await store(path).create(KeySpec(name: "alice")) }),
      (.conflict, { _ = try await store(path).rotate("twice", options: KeyRotation()) }),
      (.usage, { _ = try await store(path).create(KeySpec(name: "has space")) }),
      (.usage, { _ = try await store(path).create(KeySpec(name: "x", groups: ["admins"])) }),
      (.usage, { _ = try await store(path).rotate("alice", options: KeyRotation(keepOld: 60)) }),
    ]
    for (status, action) in cases {
      do {
        try await action()
        Issue.record("expected \(status)")
      } catch let error as LisaError {
        #expect(error.status == status, "\(error)")
        #expect(!error.description.contains(Self.aliceSecret))
      }
    }
    do {
      _ = try await store(path).find("alise")
    } catch let error as LisaError {
      #expect(error.description.contains("did you mean 'alice'?"))
    }
  }

  @Test func concurrentWritersLoseNothing() async throws {
    let path = TestPaths.temporaryDirectory("keyfile").appendingPathComponent("keys.txt").path
    let names = (0..<20).map { "key-\($0)" }
    let store = self.store(path)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for name in names { group.addTask { _ = try await store.create(KeySpec(name: name)) } }
      try await group.waitForAll()
    }
    let issued = try await withThrowingTaskGroup(of: IssuedKey.self) { group in
      for name in names { group.addTask { try await store.rotate(name, options: KeyRotation()) } }
      return try await group.reduce(into: [IssuedKey]()) { $0.append($1) }
    }
    let document = try #require(try store.load())
    let onDisk = Dictionary(uniqueKeysWithValues: document.entries.map { ($0.entry.id, $0.entry.secret) })
    #expect(onDisk.count == 20)
    for key in issued { #expect(onDisk[key.record.id] == key.secret, "\(key.record.id)") }
    #expect(Self.mode(path) == 0o600)
  }

  @Test func aHeldLockMakesWritersWaitThenGiveUp() async throws {
    let path = TestPaths.temporaryDirectory("keyfile").appendingPathComponent("keys.txt").path
    let now = self.now
    let impatient = KeyFileStore(path: path, displayName: "keys.txt", now: { now }, zone: zone, lockTimeout: .milliseconds(200))
    try await KeyFileLock.withLock(on: path, displayName: "keys.txt") {
      let fd = open(KeyFileLock.path(for: path), O_RDWR)
      defer { close(fd) }
      #expect(flock(fd, LOCK_EX | LOCK_NB) != 0)  // another open file description is refused while held
    }
    let holder = open(KeyFileLock.path(for: path), O_RDWR)
    defer { close(holder) }
    #expect(flock(holder, LOCK_EX) == 0)
    do {
      _ = try await impatient.create(KeySpec(name: "late"))
      Issue.record("create should not get the lock")
    } catch let error as LisaError {
      #expect(error.status == .conflict)
    }
    #expect(!FileIO.exists(path))
    flock(holder, LOCK_UN)
    _ = try await impatient.create(KeySpec(name: "late"))
    #expect(try await impatient.list().map(\.id) == ["late"])
  }

  @Test func checkNeedsAnExistingFile() async throws {
    let path = TestPaths.temporaryDirectory("keyfile").appendingPathComponent("keys.txt").path
    await #expect(throws: LisaError.self) { try await store(path).check() }
    try Data("alice:\(Self.aliceSecret)::2027-01-01T00:00:00\n".utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o600)
    #expect(try await store(path).check().isEmpty)
  }

  @Test func writersRemoveTempFilesThatAnInterruptedWriteLeft() async throws {
    let dir = TestPaths.temporaryDirectory("keyfile")
    let path = dir.appendingPathComponent("keys.txt").path
    try Data("alice:\(Self.aliceSecret)::2027-01-01T00:00:00\n".utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o600)
    for name in [".keys.txt.Ab12Cd", ".keys.txt.notours", ".other.txt.Ab12Cd", ".keys_x.tmp"] {
      try Data(Self.aliceSecret.utf8).write(to: dir.appendingPathComponent(name))
    }
    #expect(try await store(path).check().map(\.path) == ["stale-temp-file"])
    _ = try await store(path).rotate("alice", options: KeyRotation())
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(left == [".keys.txt.notours", ".keys_x.tmp", ".other.txt.Ab12Cd", "keys.txt", "keys.txt.lock"])
    #expect(try await store(path).check().isEmpty)
  }

  @Test func writesFollowASymlinkToItsTarget() async throws {
    let dir = TestPaths.temporaryDirectory("keyfile")
    let target = dir.appendingPathComponent("real.txt").path
    let link = dir.appendingPathComponent("keys.txt").path
    try Data("#h\n".utf8).write(to: URL(fileURLWithPath: target))
    symlink(target, link)
    _ = try await store(link).create(KeySpec(name: "a"))
    var info = stat()
    lstat(link, &info)
    #expect(info.st_mode & S_IFMT == S_IFLNK)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("#h\na:sk-"))
  }
}
