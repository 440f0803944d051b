import Foundation

/// An SSM parameter. A SecureString's value is a secret: `description` never shows it.
public struct SSMParameter: Sendable, Equatable, CustomStringConvertible {
  public var name: String
  public var type: String
  public var value: String
  public var version: Int?
  public var arn: String?

  public var isSecure: Bool { type == "SecureString" }
  public var description: String {
    "\(name) (\(type)\(version.map { " v\($0)" } ?? "")) = \(isSecure ? AWSCredentials.mask(value) : value)"
  }
}

public struct SSMClient: Sendable {
  public let client: AWSJSONClient

  public init(sender: AWSRequestSender) {
    client = AWSJSONClient(sender: sender)
  }

  /// One parameter; a missing one is a `.notFound` error naming it.
  public func getParameter(_ name: String, withDecryption: Bool = true) async throws -> SSMParameter {
    struct Input: Encodable {
      var Name: String
      var WithDecryption: Bool
    }
    struct Output: Decodable {
      struct Parameter: Decodable {
        var Name: String
        var `Type`: String?
        var Value: String?
        var Version: Int?
        var ARN: String?
      }
      var Parameter: Parameter
    }
    let output = try await client.call(
      "GetParameter", Input(Name: name, WithDecryption: withDecryption), as: Output.self, resource: "parameter \(name)",
      retrySafe: true)
    let parameter = output.Parameter
    return SSMParameter(
      name: parameter.Name, type: parameter.Type ?? "String", value: parameter.Value ?? "", version: parameter.Version,
      arn: parameter.ARN)
  }

  /// Writes a parameter (tests and fixtures). Overwriting the same value twice leaves the same
  /// parameter, so it is retried.
  public func putParameter(_ name: String, value: String, type: String = "String", overwrite: Bool = true) async throws {
    struct Input: Encodable {
      var Name: String
      var Value: String
      var `Type`: String
      var Overwrite: Bool
    }
    _ = try await client.callRaw(
      "PutParameter", Input(Name: name, Value: value, Type: type, Overwrite: overwrite), resource: "parameter \(name)",
      retrySafe: overwrite)
  }
}

extension SSMParameter: CustomReflectable {
  public var customMirror: Mirror {
    Mirror(
      self, children: ["name": name, "type": type, "value": isSecure ? AWSCredentials.mask(value) : value], displayStyle: .struct)
  }
}
