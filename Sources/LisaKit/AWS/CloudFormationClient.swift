import Foundation

/// CloudFormation over the Query protocol: what lisa reads of LISA's stacks (their tags).
public struct CloudFormationClient: Sendable {
  public let client: AWSQueryClient

  public init(sender: AWSRequestSender) {
    client = AWSQueryClient(sender: sender, apiVersion: "2010-05-15")
  }

  /// The tags of stack `name`, nil when no such stack exists (CloudFormation answers a ValidationError).
  public func stackTags(_ name: String) async throws -> [String: String]? {
    let xml: String
    do {
      xml = try await client.call("DescribeStacks", [("StackName", name)], resource: "stack \(name)", retrySafe: true)
    } catch let error as LisaError where error.message.contains("does not exist") {
      return nil
    }
    // One stack was asked for, so there is one <Tags> list (its members are flat: Key and Value).
    var tags: [String: String] = [:]
    for tag in XMLFields.all("member", in: XMLFields.element("Tags", in: xml) ?? "") {
      if let key = XMLFields.first("Key", in: tag) { tags[key] = XMLFields.first("Value", in: tag) ?? "" }
    }
    return tags
  }
}
