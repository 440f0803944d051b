import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// The chain without network: environment, profiles, precedence and the "nothing found" message.
@Suite struct CredentialChainTests {
  static let noMetadata = ["AWS_EC2_METADATA_DISABLED": "true"]

  func home(credentials: String = "", config: String = "") throws -> URL {
    let home = TestPaths.temporaryDirectory("aws-chain")
    if !credentials.isEmpty { try AWSFixture.write(home, ".aws/credentials", credentials) }
    if !config.isEmpty { try AWSFixture.write(home, ".aws/config", config) }
    return home
  }

  func resolve(_ env: [String: String], home: URL, settings: AWSSettings = AWSSettings()) async throws -> AWSCredentials {
    var environment = Self.noMetadata
    for (key, value) in env { environment[key] = value }
    return try await AWSCredentialResolver(context: awsContext(environment: environment, home: home), settings: settings)
      .resolve()
  }

  static let twoProfiles = """
    [default]
    aws_access_key_id = AKIDDEFAULT
    aws_secret_access_key = default-secret
    [prod]
    aws_access_key_id = AKIDPROD
    aws_secret_access_key = prod-secret
    aws_session_token = prod-token
    """

  @Test func environmentBeatsTheDefaultProfile() async throws {
    let home = try home(credentials: Self.twoProfiles)
    let env = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token"]
    let credentials = try await resolve(env, home: home)
    #expect(credentials.accessKeyID == "AKIDENV")
    #expect(credentials.sessionToken == "env-token")
    #expect(credentials.source == "environment variables")
  }

  @Test func environmentBeatsAWSProfileAndTheConfigProfile() async throws {
    let home = try home(credentials: Self.twoProfiles)
    let env = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_PROFILE": "prod"]
    let credentials = try await resolve(env, home: home, settings: AWSSettings(configProfile: "prod"))
    #expect(credentials.accessKeyID == "AKIDENV")
  }

  @Test func explicitProfileFlagBeatsEnvironment() async throws {
    let home = try home(credentials: Self.twoProfiles)
    let env = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_PROFILE": "default"]
    let credentials = try await resolve(env, home: home, settings: AWSSettings(profile: "prod"))
    #expect(credentials.accessKeyID == "AKIDPROD")
    #expect(credentials.sessionToken == "prod-token")
    #expect(credentials.source == "profile 'prod' (~/.aws/credentials)")
  }

  @Test func profileOrderIsAWSProfileThenConfigThenDefault() async throws {
    let home = try home(credentials: Self.twoProfiles + "\n[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = ci-secret\n")
    #expect(
      try await resolve(["AWS_PROFILE": "ci"], home: home, settings: AWSSettings(configProfile: "prod")).accessKeyID == "AKIDCI")
    #expect(try await resolve([:], home: home, settings: AWSSettings(configProfile: "prod")).accessKeyID == "AKIDPROD")
    #expect(try await resolve([:], home: home).accessKeyID == "AKIDDEFAULT")
  }

  @Test func staticKeysInTheConfigFileCount() async throws {
    let home = try home(config: "[profile cfg]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfg-secret\n")
    let credentials = try await resolve(["AWS_PROFILE": "cfg"], home: home)
    #expect(credentials.accessKeyID == "AKIDCFG")
    #expect(credentials.source == "profile 'cfg' (~/.aws/config)")
  }

  @Test func namedProfileThatDoesNotExistIsNotFoundWithTheKnownOnes() async throws {
    let home = try home(credentials: Self.twoProfiles)
    for (env, settings, origin) in [
      ([:], AWSSettings(profile: "nope"), "--profile"), (["AWS_PROFILE": "nope"], AWSSettings(), "AWS_PROFILE"),
      ([:], AWSSettings(configProfile: "nope"), "the LISA config"),
    ] {
      await #expect {
        try await resolve(env, home: home, settings: settings)
      } throws: { error in
        let lisa = error as? LisaError
        return lisa?.status == .notFound && lisa?.message.contains("'nope' (from \(origin))") == true
          && lisa?.hint?.contains("default, prod") == true
      }
    }
  }

  @Test func explicitProfileWithoutCredentialsIsAnAuthError() async throws {
    let home = try home(config: "[profile regiononly]\nregion = eu-west-1\n")
    await #expect {
      try await resolve(
        ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "x"], home: home, settings: AWSSettings(profile: "regiononly"))
    } throws: { error in
      (error as? LisaError)?.status == .auth && (error as? LisaError)?.message.contains("has no credentials") == true
    }
  }

  @Test func halfSetEnvironmentIsAnAuthError() async throws {
    let home = try home()
    await #expect {
      try await resolve(["AWS_ACCESS_KEY_ID": "AKIDENV"], home: home)
    } throws: { error in
      (error as? LisaError)?.message == "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"
    }
  }

  @Test func unsupportedProfileKindsSayWhatToDo() async throws {
    let home = try home(
      config: "[profile sso]\nsso_session = corp\nsso_account_id = 1\n[profile proc]\ncredential_process = /bin/echo\n")
    for name in ["sso", "proc"] {
      await #expect {
        try await resolve([:], home: home, settings: AWSSettings(profile: name))
      } throws: { error in
        let lisa = error as? LisaError
        return lisa?.status == .auth && lisa?.hint?.contains("export-credentials --profile \(name)") == true
      }
    }
  }

  @Test func nothingFoundNamesEveryPlaceTried() async throws {
    let home = try home()
    await #expect {
      try await resolve([:], home: home)
    } throws: { error in
      guard let lisa = error as? LisaError, lisa.status == .auth else { return false }
      let places = [
        "environment variables", "profile 'default' (not in ~/.aws/credentials or ~/.aws/config)", "container credentials",
        "EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)",
      ]
      return places.allSatisfy { lisa.message.contains($0) } && lisa.hint != nil
    }
  }

  @Test func unreachableInstanceMetadataIsListedWithItsReason() async throws {
    let home = try home()
    let closedPort = try LoopbackSockets.freePort()
    let env = ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:\(closedPort)"]
    let context = awsContext(environment: env, home: home)
    await #expect {
      try await AWSCredentialResolver(context: context, settings: AWSSettings()).resolve()
    } throws: { error in
      (error as? LisaError)?.message.contains("EC2 instance metadata at http://127.0.0.1:\(closedPort) (") == true
    }
  }

  @Test func roleProfileLoopsAndMissingSourcesAreReported() async throws {
    let config = """
      [profile a]
      role_arn = arn:aws:iam::123456789012:role/a
      source_profile = b
      [profile b]
      role_arn = arn:aws:iam::123456789012:role/b
      source_profile = a
      [profile orphan]
      role_arn = arn:aws:iam::123456789012:role/o
      source_profile = ghost
      [profile bare]
      role_arn = arn:aws:iam::123456789012:role/bare
      """
    let home = try home(config: config)
    await #expect {
      try await resolve([:], home: home, settings: AWSSettings(profile: "a"))
    } throws: { ($0 as? LisaError)?.status == .invalid && ($0 as? LisaError)?.message.contains("a → b → a") == true }
    await #expect {
      try await resolve([:], home: home, settings: AWSSettings(profile: "orphan"))
    } throws: { ($0 as? LisaError)?.status == .notFound && ($0 as? LisaError)?.message.contains("'ghost'") == true }
    await #expect {
      try await resolve([:], home: home, settings: AWSSettings(profile: "bare"))
    } throws: { ($0 as? LisaError)?.status == .invalid }
  }

  @Test func cachingProviderRefreshesOnlyNearExpiry() async throws {
    let clock = TestClock(start: Date(timeIntervalSince1970: 1_800_000_000))
    let counter = Counter()
    let provider = CachingCredentialsProvider(refreshMargin: 300, now: { clock.now }) {
      let n = counter.increment()
      return AWSCredentials(
        accessKeyID: "AKID\(n)", secretAccessKey: "s", expiration: clock.now.addingTimeInterval(3600), source: "test")
    }
    #expect(try await provider.credentials().accessKeyID == "AKID1")
    clock.advance(3000)
    #expect(try await provider.credentials().accessKeyID == "AKID1")
    clock.advance(400)
    #expect(try await provider.credentials().accessKeyID == "AKID2")
    #expect(counter.value == 2)
  }
}

private final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date
  init(start: Date) { current = start }
  var now: Date { lock.withLock { current } }
  func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var value: Int { lock.withLock { count } }
  func increment() -> Int {
    lock.withLock {
      count += 1
      return count
    }
  }
}
