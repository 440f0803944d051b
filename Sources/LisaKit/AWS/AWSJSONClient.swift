import Foundation

/// The AWS JSON protocol: POST / with `X-Amz-Target: <prefix>.<Operation>` and a JSON body
/// (`application/x-amz-json-1.0` for DynamoDB, `1.1` for SSM, Secrets Manager and KMS).
public struct AWSJSONClient: Sendable {
  public let sender: AWSRequestSender

  public init(sender: AWSRequestSender) {
    self.sender = sender
  }

  public var service: AWSService { sender.service }

  /// Calls `operation` with `input` and decodes the response as `Output`.
  public func call<Input: Encodable, Output: Decodable>(
    _ operation: String, _ input: Input, as output: Output.Type = Output.self, resource: String? = nil, retrySafe: Bool,
    passthrough: Set<String> = []
  ) async throws -> Output {
    let data = try await callRaw(operation, input, resource: resource, retrySafe: retrySafe, passthrough: passthrough)
    do {
      return try JSONDecoder().decode(Output.self, from: data.isEmpty ? Data("{}".utf8) : data)
    } catch {
      throw LisaError(
        .failure, "\(service.signingName):\(operation) returned a response lisa cannot read (\(Self.describe(error)))")
    }
  }

  /// Calls `operation` and returns the raw response body.
  public func callRaw<Input: Encodable>(
    _ operation: String, _ input: Input, resource: String? = nil, retrySafe: Bool, passthrough: Set<String> = []
  ) async throws -> Data {
    guard let prefix = service.targetPrefix, let version = service.jsonVersion else {
      throw LisaError(.failure, "\(service.signingName) does not speak the AWS JSON protocol")
    }
    let body: Data
    do {
      body = try JSONEncoder().encode(input)
    } catch {
      throw LisaError(.failure, "cannot encode the \(service.signingName):\(operation) request (\(Self.describe(error)))")
    }
    let headers = ["Content-Type": "application/x-amz-json-\(version)", "X-Amz-Target": "\(prefix).\(operation)"]
    let call = AWSCall(service: service, operation: operation, resource: resource, retrySafe: retrySafe)
    return try await sender.send(call, headers: headers, body: body, passthrough: passthrough).body
  }

  static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
      return "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
      DecodingError.dataCorrupted(let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    default:
      return String(describing: error)
    }
  }
}

/// A request with no parameters.
public struct EmptyInput: Encodable, Sendable {
  public init() {}
}

/// The AWS Query protocol (STS): a form-encoded POST whose answer is XML.
public struct AWSQueryClient: Sendable {
  public let sender: AWSRequestSender
  public let apiVersion: String

  public init(sender: AWSRequestSender, apiVersion: String) {
    self.sender = sender
    self.apiVersion = apiVersion
  }

  /// Calls `action` with `parameters` and returns the response XML.
  public func call(
    _ action: String, _ parameters: [(String, String)], resource: String? = nil, retrySafe: Bool
  ) async throws -> String {
    let pairs = [("Action", action), ("Version", apiVersion)] + parameters
    let body = pairs.map { "\(SigV4Signer.uriEncode($0.0))=\(SigV4Signer.uriEncode($0.1))" }.joined(separator: "&")
    let headers = ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"]
    let call = AWSCall(service: sender.service, operation: action, resource: resource, retrySafe: retrySafe)
    let response = try await sender.send(call, headers: headers, body: Data(body.utf8))
    return String(decoding: response.body, as: UTF8.self)
  }
}
