import Foundation

/// A secret's value. `description` never shows the secret itself.
public struct SecretValue: Sendable, Equatable, CustomStringConvertible {
  public var name: String
  public var arn: String?
  public var versionID: String?
  public var versionStages: [String]
  public var secretString: String?
  public var secretBinary: Data?

  public var description: String {
    let shown = secretString.map(AWSCredentials.mask) ?? secretBinary.map { "<\($0.count) bytes>" } ?? "<empty>"
    return "\(name) [\(versionStages.joined(separator: ","))] = \(shown)"
  }
}

public struct SecretsManagerClient: Sendable {
  public let client: AWSJSONClient

  public init(sender: AWSRequestSender) {
    client = AWSJSONClient(sender: sender)
  }

  /// The secret's current value, or the version at `versionStage` (e.g. "AWSPREVIOUS").
  public func getSecretValue(_ secretID: String, versionStage: String? = nil) async throws -> SecretValue {
    struct Input: Encodable {
      var SecretId: String
      var VersionStage: String?
    }
    struct Output: Decodable {
      var Name: String?
      var ARN: String?
      var VersionId: String?
      var VersionStages: [String]?
      var SecretString: String?
      var SecretBinary: String?
    }
    let target = "secret \(secretID)" + (versionStage.map { " (\($0))" } ?? "")
    let output = try await client.call(
      "GetSecretValue", Input(SecretId: secretID, VersionStage: versionStage), as: Output.self, resource: target, retrySafe: true)
    var binary: Data?
    if let encoded = output.SecretBinary {
      guard let data = Data(base64Encoded: encoded) else {
        throw LisaError(.failure, "secretsmanager:GetSecretValue for \(secretID) returned SecretBinary that is not base64")
      }
      binary = data
    }
    return SecretValue(
      name: output.Name ?? secretID, arn: output.ARN, versionID: output.VersionId, versionStages: output.VersionStages ?? [],
      secretString: output.SecretString, secretBinary: binary)
  }

  /// Creates a secret with a string value (tests and fixtures). Not retried once it may exist.
  public func createSecret(_ name: String, secretString: String) async throws {
    struct Input: Encodable {
      var Name: String
      var SecretString: String
    }
    _ = try await client.callRaw(
      "CreateSecret", Input(Name: name, SecretString: secretString), resource: "secret \(name)", retrySafe: false)
  }
}

extension SecretValue: CustomReflectable {
  public var customMirror: Mirror {
    Mirror(self, children: ["name": name, "versionStages": versionStages, "value": description], displayStyle: .struct)
  }
}
