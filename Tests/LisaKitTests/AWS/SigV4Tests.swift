import Crypto
import Foundation
import LisaKit
import Testing

@Suite struct SigV4Tests {
  static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

  /// Reads the suite's .req format: request line, headers (repeats joined with ","), blank line, body.
  static func parseRequest(_ raw: String) throws -> HTTPRequest {
    let (head, body) =
      raw.components(separatedBy: "\n\n").count > 1
      ? (raw.components(separatedBy: "\n\n")[0], raw.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n"))
      : (raw, "")
    let lines = head.components(separatedBy: "\n")
    let requestLine = try #require(lines.first)
    let method = String(try #require(requestLine.split(separator: " ").first))
    let target = requestLine.dropFirst(method.count + 1).dropLast(" HTTP/1.1".count)
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let path = try #require(String(parts[0]).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed))
    var urlText = "https://example.amazonaws.com" + path
    if parts.count > 1 {
      urlText += "?" + (try #require(String(parts[1]).addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)))
    }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      let pair = line.split(separator: ":", maxSplits: 1)
      let name = String(pair[0])
      let value = pair.count > 1 ? String(pair[1]) : ""
      if let existing = headers[name] { headers[name] = existing + "," + value } else { headers[name] = value }
    }
    return HTTPRequest(method: method, url: try #require(URL(string: urlText)), headers: headers, body: Data(body.utf8))
  }

  @Test(arguments: SigV4Suite.cases)
  func publishedSuiteVector(_ vector: SigV4SuiteCase) throws {
    let credentials = AWSCredentials(
      accessKeyID: SigV4Suite.accessKeyID, secretAccessKey: SigV4Suite.secret, sessionToken: vector.sessionToken, source: "test")
    let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
    let request = try Self.parseRequest(vector.request)
    let signature = signer.signature(for: request, date: Self.suiteDate)
    #expect(signature.canonicalRequest == vector.canonicalRequest)
    if let stringToSign = vector.stringToSign { #expect(signature.stringToSign == stringToSign) }
    #expect(signature.authorization == vector.authorization)
    let signed = signer.sign(request, date: Self.suiteDate)
    #expect(signed.headers["Authorization"] == vector.authorization)
    #expect(signed.headers["X-Amz-Date"] == "20150830T123600Z")
  }

  /// "Examples of how to derive a signing key for Signature Version 4" in the AWS docs: the IAM example.
  @Test func documentedSigningKeyExample() {
    let key = SigV4Signer.signingKey(secret: SigV4Suite.secret, day: "20150830", region: "us-east-1", service: "iam")
    let keyHex = key.withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
    #expect(keyHex == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    let stringToSign =
      "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59"
    let signature = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key).map { String(format: "%02x", $0) }
      .joined()
    #expect(signature == "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
  }

  @Test func hostHeaderKeepsOnlyNonDefaultPorts() throws {
    #expect(SigV4Signer.hostHeader(try #require(URL(string: "http://127.0.0.1:5123/"))) == "127.0.0.1:5123")
    #expect(
      SigV4Signer.hostHeader(try #require(URL(string: "https://dynamodb.us-east-1.amazonaws.com:443/")))
        == "dynamodb.us-east-1.amazonaws.com")
    #expect(SigV4Signer.hostHeader(try #require(URL(string: "http://localhost/"))) == "localhost")
  }

  @Test func sessionTokenIsSignedAndSentButNeverInTheAuthorizationLine() throws {
    let credentials = AWSCredentials(
      accessKeyID: "AKIDEXAMPLE", secretAccessKey: SigV4Suite.secret, sessionToken: "TOKEN123", source: "t")
    let signer = SigV4Signer(credentials: credentials, region: "eu-west-1", service: "dynamodb")
    let request = HTTPRequest(
      method: "POST", url: try #require(URL(string: "https://dynamodb.eu-west-1.amazonaws.com/")), body: Data("{}".utf8))
    let signed = signer.sign(request, date: Self.suiteDate)
    #expect(signed.headers["X-Amz-Security-Token"] == "TOKEN123")
    let authorization = try #require(signed.headers["Authorization"])
    #expect(authorization.contains("SignedHeaders=host;x-amz-date;x-amz-security-token"))
    #expect(authorization.contains("/20150830/eu-west-1/dynamodb/aws4_request"))
    #expect(!authorization.contains("TOKEN123") && !authorization.contains(SigV4Suite.secret))
  }

  @Test func credentialsDescriptionMasksTheKey() {
    let credentials = AWSCredentials(
      accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG", source: "environment variables")
    #expect(credentials.description == "AKIA… from environment variables")
    #expect(!"\(credentials)".contains("wJal"))
    var dumped = ""
    dump(credentials, to: &dumped)
    #expect(!dumped.contains("wJal") && !dumped.contains("AKIAIOSFODNN7EXAMPLE") && dumped.contains("environment variables"))
    #expect(!String(reflecting: credentials).contains("wJal"))
  }

  @Test func theDateIsUTCAndZeroPaddedToTheSecond() throws {
    let signer = SigV4Signer(
      credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", source: "test"), region: "us-east-1",
      service: "dynamodb")
    let request = HTTPRequest(method: "POST", url: try #require(URL(string: "https://dynamodb.us-east-1.amazonaws.com/")))
    // 2026-01-02T03:04:05.999Z: single-digit fields padded, the fraction dropped, not rounded up.
    let signed = signer.sign(request, date: Date(timeIntervalSince1970: 1_767_323_045.999))
    #expect(signed.headers["X-Amz-Date"] == "20260102T030405Z")
    #expect(signed.headers["Authorization"]?.contains("/20260102/us-east-1/dynamodb/aws4_request") == true)
  }

  @Test func percentEncodingIsUpperCaseAndLeavesOnlyTheUnreserved() {
    #expect(SigV4Signer.uriEncode("a-Z_0.~ /=é") == "a-Z_0.~%20%2F%3D%C3%A9")
  }
}
