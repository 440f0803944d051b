import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

@Suite("Backup passphrases: sources and prompt")
struct PassphraseTests {
  /// A terminal conversation: queued answers, and everything written to it.
  final class Conversation: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String?]
    private(set) var transcript = ""
    private(set) var echoOffReads = 0

    init(_ answers: [String?]) { self.answers = answers }

    func prompt(canPrompt: Bool = true) -> SecretPrompt {
      SecretPrompt(
        canPrompt: canPrompt, write: { self.say($0) }, readLine: { self.next() },
        withoutEcho: { read in
          self.lock.withLock { self.echoOffReads += 1 }
          return read()
        })
    }

    private func say(_ text: String) { lock.withLock { transcript += text } }
    private func next() -> String? { lock.withLock { answers.isEmpty ? nil : answers.removeFirst() } }
  }

  private func context(environment: [String: String] = [:], stdin: Data = Data(), directory: String = "/tmp") -> LisaContext {
    LisaContext(
      environment: environment, workingDirectory: directory, homeDirectory: "/home/op", now: { Date() }, terminal: .pipes,
      stdout: BufferSink(), stderr: BufferSink(), stdin: { _ in stdin })
  }

  /// Derives a key from each passphrase and compares: the only way to see what was read without exposing it.
  private func sameKey(_ lhs: Passphrase, _ rhs: String) async throws -> Bool {
    let parameters = BackupTestSupport.fastScrypt()
    let header = EncryptionHeader.passphrase(parameters)
    let left = try await PassphraseProtection(lhs).cipher(for: header, file: "t")
    let right = try await PassphraseProtection(BackupTestSupport.passphrase(rhs)).cipher(for: header, file: "t")
    let check = try left.makeKeyCheck()
    return right.accepts(keyCheck: check)
  }

  @Test func aFileGivesItsFirstLineWithoutTheLineEnding() async throws {
    let directory = TestPaths.temporaryDirectory("lisa-pass")
    for (content, expected) in [
      ("s3cret pass\n", "s3cret pass"), ("crlf pass\r\nsecond line\n", "crlf pass"), ("no newline", "no newline"),
    ] {
      let file = directory.appendingPathComponent("pass.txt")
      try Data(content.utf8).write(to: file)
      let passphrase = try PassphraseSource.resolve(
        context: context(directory: directory.path), passphraseFile: "pass.txt", confirm: true)
      #expect(try await sameKey(passphrase, expected), "from \(content.debugDescription)")
      #expect(try await !sameKey(passphrase, expected + "\n"))
    }
    let fromStdin = try PassphraseSource.resolve(
      context: context(stdin: Data("piped\n".utf8)), passphraseFile: "-", confirm: false)
    #expect(try await sameKey(fromStdin, "piped"))
  }

  @Test func anEmptyPassphraseFileIsRefused() throws {
    let directory = TestPaths.temporaryDirectory("lisa-pass")
    for content in ["", "\n", "\r\nsecond line"] {
      try Data(content.utf8).write(to: directory.appendingPathComponent("empty.txt"))
      #expect {
        _ = try PassphraseSource.resolve(context: context(directory: directory.path), passphraseFile: "empty.txt", confirm: false)
      } throws: { error in
        (error as? LisaError)?.description == "empty.txt: passphrase file is empty (hint: put the passphrase on the first line)"
      }
    }
    #expect { _ = try PassphraseSource.resolve(context: context(), passphraseFile: "/no/such/file", confirm: false) } throws: {
      ($0 as? LisaError)?.status == .notFound
    }
  }

  @Test func theEnvironmentIsUsedWhenNoFileIsGivenAndTheFileWins() async throws {
    let environment = [PassphraseSource.environmentVariable: "from env"]
    let fromEnvironment = try PassphraseSource.resolve(
      context: context(environment: environment), passphraseFile: nil, confirm: true)
    #expect(try await sameKey(fromEnvironment, "from env"))
    let fromFile = try PassphraseSource.resolve(
      context: context(environment: environment, stdin: Data("from file".utf8)), passphraseFile: "-", confirm: true)
    #expect(try await sameKey(fromFile, "from file"))
    #expect {
      _ = try PassphraseSource.resolve(
        context: context(environment: [PassphraseSource.environmentVariable: ""]), passphraseFile: nil, confirm: true)
    } throws: {
      ($0 as? LisaError)?.description.contains("LISA_BACKUP_PASSPHRASE is set but empty") == true
    }
  }

  @Test func aTerminalIsAskedTwiceWithoutEchoAndMustMatch() async throws {
    let conversation = Conversation(["first", "frist", "second", "second"])
    let passphrase = try PassphraseSource.resolve(
      context: context(), passphraseFile: nil, confirm: true, prompt: conversation.prompt())
    #expect(try await sameKey(passphrase, "second"))
    #expect(conversation.echoOffReads == 4)
    #expect(conversation.transcript.components(separatedBy: "Repeat the passphrase: ").count == 3)
    #expect(conversation.transcript.contains("do not match"))
    #expect(!conversation.transcript.contains("second") && !conversation.transcript.contains("first"))
  }

  @Test func aTerminalPromptGivesUpAfterThreeMismatchesOrAtEndOfInput() throws {
    let mismatches = Conversation(["a", "b", "c", "d", "e", "f"])
    #expect { _ = try mismatches.prompt().askTwice("P: ", confirmation: "R: ") } throws: {
      ($0 as? LisaError)?.status == .cancelled
    }
    let ended = Conversation([nil])
    #expect { _ = try ended.prompt().ask("P: ") } throws: { ($0 as? LisaError)?.status == .cancelled }
    let emptyThenValue = Conversation(["", "value"])
    #expect(try emptyThenValue.prompt().ask("P: ") == "value")
  }

  @Test func withoutATerminalOrAnySourceTheErrorSaysWhatToDo() {
    #expect { _ = try PassphraseSource.resolve(context: context(), passphraseFile: nil, confirm: true) } throws: { error in
      let error = error as? LisaError
      return error?.status == .usage && error?.hint?.contains("LISA_BACKUP_PASSPHRASE") == true
    }
  }

  @Test func aPassphraseNeverShowsItsValue() {
    let passphrase = BackupTestSupport.passphrase("hunter2")
    #expect("\(passphrase)" == "Passphrase(…)")
    #expect(String(reflecting: passphrase) == "Passphrase(…)")
    #expect(Passphrase("") == nil)
  }

  @Test func composedAndDecomposedAccentsGiveTheSameKey() async throws {
    let decomposed = BackupTestSupport.passphrase("cafe\u{0301}")
    #expect(try await sameKey(decomposed, "caf\u{00E9}"))
  }

  @Test func recommendedScryptParametersDeriveAndUnsafeOnesAreRefused() async throws {
    let recommended = ScryptParameters.recommended()
    #expect(recommended.problem == nil && recommended.cost == 131_072)
    let cipher = try await PassphraseProtection(BackupTestSupport.passphrase("p")).newCipher()
    #expect(cipher.encrypts)
    var huge = recommended
    huge.cost = 1 << 24
    let error = await BackupTestSupport.lisaError {
      _ = try await PassphraseProtection(BackupTestSupport.passphrase("p")).cipher(for: .passphrase(huge), file: "x.lisabak")
    }
    #expect(error?.description.contains("x.lisabak: backup header asks for an unsupported scrypt N=16777216") == true)
  }
}
