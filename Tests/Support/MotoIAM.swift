import Foundation
import LisaKit

/// IAM users with a given policy on a moto server, for tests of AccessDenied handling.
public enum MotoIAM {
  static let iam = AWSService(
    signingName: "iam", endpointPrefix: "iam", environmentName: "IAM", targetPrefix: nil, jsonVersion: nil)

  /// Creates `name` with an inline `policy` (JSON) and returns its key pair. Call it before
  /// `enableAuthentication`, while moto still accepts any credentials.
  public static func createUser(on server: MotoServer, name: String, policy: String) async throws -> (
    accessKeyID: String, secretAccessKey: String
  ) {
    let bootstrap = AWSCredentials(accessKeyID: "AKIDBOOTSTRAP", secretAccessKey: "x", source: "test")
    let sender = AWSRequestSender(
      service: iam, region: "us-east-1", endpoint: server.url, credentials: StaticCredentialsProvider(bootstrap),
      transport: AsyncHTTPTransport(), now: { Date() })
    let client = AWSQueryClient(sender: sender, apiVersion: "2010-05-08")
    _ = try await client.call("CreateUser", [("UserName", name)], retrySafe: false)
    _ = try await client.call(
      "PutUserPolicy", [("UserName", name), ("PolicyName", "test"), ("PolicyDocument", policy)], retrySafe: false)
    let xml = try await client.call("CreateAccessKey", [("UserName", name)], retrySafe: false)
    guard let keyID = text(of: "AccessKeyId", in: xml), let secret = text(of: "SecretAccessKey", in: xml) else {
      throw MotoUnavailable("iam:CreateAccessKey answered without a key pair")
    }
    return (keyID, secret)
  }

  /// From now on moto checks signatures and applies IAM policies to every request.
  public static func enableAuthentication(on server: MotoServer) async throws {
    let url = server.url.appendingPathComponent("moto-api/reset-auth")
    let reset = try await AsyncHTTPTransport().send(
      HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "text/plain"], body: Data("0".utf8)), timeout: 10)
    guard reset.status == 200 else { throw MotoUnavailable("moto-api/reset-auth answered HTTP \(reset.status)") }
  }

  /// A policy allowing exactly `actions` on every resource.
  public static func policy(allowing actions: [String]) -> String {
    let list = actions.map { "\"\($0)\"" }.joined(separator: ",")
    return #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["# + list + #"],"Resource":"*"}]}"#
  }

  private static func text(of element: String, in xml: String) -> String? {
    guard let open = xml.range(of: "<\(element)>"),
      let close = xml.range(of: "</\(element)>", range: open.upperBound..<xml.endIndex)
    else { return nil }
    return String(xml[open.upperBound..<close.lowerBound])
  }
}
