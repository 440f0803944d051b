import Crypto
import Foundation

/// One file to ingest: where it is, what it is called in the bucket, and what it was when read.
public struct RagSourceFile: Sendable, Equatable {
  public var path: String
  /// The path as the user gave it, relative to the directory named, for messages and the S3 key.
  public var relativePath: String
  public var size: Int64
  public var sha256: String
}

/// The multipart form upload of one file to LISA's presigned S3 POST (docs/lisa/rag-api.md#documents): every
/// field, then the file as the last part named `file`, streamed from disk. Transport failures and 5xx answers
/// are retried; S3's 4xx are not (the policy or the URL is wrong, and repeating changes nothing).
public struct RagUploader: Sendable {
  public var transport: any HTTPTransport
  public var retry: AWSRetryPolicy
  public var timeout: TimeInterval

  public init(
    transport: any HTTPTransport, retry: AWSRetryPolicy = AWSRetryPolicy(maxAttempts: 3, baseDelay: 0.5, maxDelay: 5),
    timeout: TimeInterval = 300
  ) {
    self.transport = transport
    self.retry = retry
    self.timeout = timeout
  }

  public func upload(_ file: RagSourceFile, to post: PresignedPost) async throws {
    let boundary = "lisa-\(UUID().uuidString)"
    var prefix = Data()
    for (name, value) in post.fields {
      prefix.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }
    let fileName = (file.relativePath as NSString).lastPathComponent.replacingOccurrences(of: "\"", with: "_")
    prefix.append(
      Data(
        ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n").utf8))
    let body = HTTPFileBody(prefix: prefix, path: file.path, suffix: Data("\r\n--\(boundary)--\r\n".utf8))
    let request = HTTPRequest(
      method: "POST", url: post.url, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], fileBody: body)
    var attempt = 0
    while true {
      attempt += 1
      do {
        let response = try await transport.send(request, timeout: timeout)
        if (200..<300).contains(response.status) { return }
        let reason = "S3 answered \(response.status)" + (Self.s3Message(response.body).map { ": \($0)" } ?? "")
        guard response.status >= 500, attempt < retry.maxAttempts else { throw UploadFailure(reason: reason, attempts: attempt) }
      } catch let error as TransportError {
        guard attempt < retry.maxAttempts else { throw UploadFailure(reason: error.reason, attempts: attempt) }
      }
      try await retry.sleep(retry.delay(beforeRetry: attempt))
    }
  }

  /// `<Code>` and `<Message>` of S3's XML error body.
  static func s3Message(_ body: Data) -> String? {
    let text = String(decoding: body.prefix(4096), as: UTF8.self)
    func element(_ name: String) -> String? {
      guard let open = text.range(of: "<\(name)>"),
        let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex)
      else { return nil }
      return String(text[open.upperBound..<close.lowerBound])
    }
    let parts = [element("Code"), element("Message")].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }

  /// SHA-256 of a file, read in chunks.
  public static func sha256(path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw LisaError(.ioError, "\(path): cannot read") }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 256 * 1024), !chunk.isEmpty { hasher.update(data: chunk) }
    return Hex.lower(hasher.finalize())
  }
}

public struct UploadFailure: Error, Sendable {
  public var reason: String
  public var attempts: Int
}

/// The files an ingest names: files as given, directories listed (their subdirectories with `recursive`),
/// in a stable order, hidden files left out of directories.
public enum RagSourceFiles {
  public static let maxFileSize: Int64 = 52_428_800  // LISA's presigned POST takes at most 50 MB

  public static func collect(_ arguments: [String], resolve: (String) -> String, recursive: Bool) throws -> [String: String] {
    var found: [String: String] = [:]
    for argument in arguments {
      let path = resolve(argument)
      if FileIO.isDirectory(path) {
        let base = URL(fileURLWithPath: path)
        let entries: [String]
        if recursive {
          guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw LisaError(.ioError, "\(argument): cannot list the directory")
          }
          entries = enumerator.compactMap { $0 as? String }
        } else {
          entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        }
        for entry in entries where !entry.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
          let full = base.appendingPathComponent(entry).path
          if !FileIO.isDirectory(full) { found[full] = entry }
        }
      } else if FileIO.exists(path) {
        found[path] = (argument as NSString).lastPathComponent
      } else {
        throw LisaError(.notFound, "\(argument): no such file or directory")
      }
    }
    return found
  }
}
