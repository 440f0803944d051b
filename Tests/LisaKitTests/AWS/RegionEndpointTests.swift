import Foundation
import LisaKit
import LisaTestSupport
import Testing

@Suite struct RegionEndpointTests {
  static let profile = AWSProfile(name: "p", values: ["region": "ap-southeast-2"], foundIn: [], credentialKeysFrom: nil)

  struct RegionCase: Sendable, CustomStringConvertible {
    var flag: String?
    var env: [String: String]
    var config: String?
    var expected: String
    var description: String { expected }
  }

  @Test(arguments: [
    RegionCase(
      flag: "eu-north-1", env: ["AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-2"], config: "us-west-1",
      expected: "eu-north-1"),
    RegionCase(
      flag: nil, env: ["AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-2"], config: "us-west-1", expected: "us-east-1"),
    RegionCase(flag: nil, env: ["AWS_DEFAULT_REGION": "us-east-2"], config: "us-west-1", expected: "us-east-2"),
    RegionCase(flag: nil, env: ["AWS_REGION": ""], config: "us-west-1", expected: "us-west-1"),
    RegionCase(flag: nil, env: [:], config: nil, expected: "ap-southeast-2"),
  ])
  func regionPrecedence(_ item: RegionCase) throws {
    let resolver = AWSRegionResolver(settings: AWSSettings(region: item.flag, configRegion: item.config), environment: item.env)
    #expect(try resolver.region(profile: Self.profile) == item.expected)
  }

  @Test func noRegionAnywhereIsAUsageErrorNamingTheSources() {
    let resolver = AWSRegionResolver(settings: AWSSettings(), environment: [:])
    #expect {
      try resolver.region(profile: nil)
    } throws: { error in
      let lisa = error as? LisaError
      return lisa?.status == .usage && lisa?.message.contains("AWS_DEFAULT_REGION") == true && lisa?.hint != nil
    }
    #expect(throws: LisaError.self) {
      try AWSRegionResolver(settings: AWSSettings(region: "us east 1"), environment: [:]).region(profile: nil)
    }
  }

  @Test func profileNamePrecedence() {
    #expect(
      AWSRegionResolver(settings: AWSSettings(profile: "flag", configProfile: "cfg"), environment: ["AWS_PROFILE": "env"])
        .profileName == "flag")
    #expect(
      AWSRegionResolver(settings: AWSSettings(configProfile: "cfg"), environment: ["AWS_PROFILE": "env"]).profileName == "env")
    #expect(AWSRegionResolver(settings: AWSSettings(configProfile: "cfg"), environment: [:]).profileName == "cfg")
    #expect(AWSRegionResolver(settings: AWSSettings(), environment: [:]).profileName == "default")
  }

  @Test func endpointPrecedence() throws {
    let env = [
      "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:8000", "AWS_ENDPOINT_URL_SECRETS_MANAGER": "http://127.0.0.1:8001",
      "AWS_ENDPOINT_URL": "http://127.0.0.1:9000",
    ]
    let fromEnv = AWSEndpointResolver(explicitURL: nil, environment: env)
    #expect(try fromEnv.endpoint(for: .dynamoDB, region: "us-east-1").absoluteString == "http://127.0.0.1:8000")
    #expect(try fromEnv.endpoint(for: .secretsManager, region: "us-east-1").absoluteString == "http://127.0.0.1:8001")
    #expect(try fromEnv.endpoint(for: .ssm, region: "us-east-1").absoluteString == "http://127.0.0.1:9000")
    let explicit = AWSEndpointResolver(explicitURL: "http://localhost:4566", environment: env)
    #expect(try explicit.endpoint(for: .dynamoDB, region: "us-east-1").absoluteString == "http://localhost:4566")
    var ignoring = env
    ignoring["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true"
    let ignored = AWSEndpointResolver(explicitURL: nil, environment: ignoring)
    #expect(try ignored.endpoint(for: .kms, region: "eu-west-1").absoluteString == "https://kms.eu-west-1.amazonaws.com/")
  }

  @Test func defaultEndpointsFollowThePartition() {
    #expect(
      AWSEndpointResolver.defaultEndpoint(for: .dynamoDB, region: "us-east-1").absoluteString
        == "https://dynamodb.us-east-1.amazonaws.com/")
    #expect(
      AWSEndpointResolver.defaultEndpoint(for: .secretsManager, region: "cn-north-1").absoluteString
        == "https://secretsmanager.cn-north-1.amazonaws.com.cn/")
    #expect(
      AWSEndpointResolver.defaultEndpoint(for: .sts, region: "us-gov-west-1").absoluteString
        == "https://sts.us-gov-west-1.amazonaws.com/")
    #expect(AWSEndpointResolver.defaultEndpoint(for: .kms, region: "us-iso-east-1").host == "kms.us-iso-east-1.c2s.ic.gov")
  }

  @Test func badEndpointURLsAreUsageErrorsNamingTheirOrigin() {
    #expect {
      try AWSEndpointResolver(explicitURL: nil, environment: ["AWS_ENDPOINT_URL_SSM": "localhost:4566"]).endpoint(
        for: .ssm, region: "us-east-1")
    } throws: { ($0 as? LisaError)?.status == .usage && ($0 as? LisaError)?.message.contains("AWS_ENDPOINT_URL_SSM") == true }
    #expect {
      try AWSEndpointResolver(explicitURL: "ftp://x", environment: [:]).endpoint(for: .ssm, region: "us-east-1")
    } throws: { ($0 as? LisaError)?.message.contains("--endpoint-url") == true }
  }

  @Test func clientsTakeTheRegionFromTheProfileInTheConfigFile() throws {
    let home = TestPaths.temporaryDirectory("aws-region")
    try AWSFixture.write(home, ".aws/config", "[profile lisa]\nregion = eu-west-3\n")
    let context = awsContext(environment: ["AWS_PROFILE": "lisa"], home: home)
    let clients = try AWSClients(context: context, settings: AWSSettings())
    #expect(clients.region == "eu-west-3")
    #expect(clients.profileName == "lisa")
    #expect(try clients.endpoint(for: .dynamoDB).absoluteString == "https://dynamodb.eu-west-3.amazonaws.com/")
    let flagged = try AWSClients(context: context, settings: AWSSettings(region: "us-west-2", configRegion: "us-east-1"))
    #expect(flagged.region == "us-west-2")
  }
}
