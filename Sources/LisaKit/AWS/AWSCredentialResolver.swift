import Foundation

/// Finds credentials in the AWS SDKs' order. With `--profile`, that profile only; otherwise
/// environment variables, then the profile (`AWS_PROFILE`, the LISA config's, or "default") from the
/// shared files (static keys, or `role_arn` through STS AssumeRole, chained), then ECS/EKS container
/// credentials, then EC2 instance metadata (IMDSv2).
public struct AWSCredentialResolver: Sendable {
  public var context: LisaContext
  public var settings: AWSSettings
  /// Retries for the STS calls of role profiles.
  public var retry: AWSRetryPolicy
  /// Container and instance-metadata probes are short: off AWS they should cost about a second.
  public var probeTimeout: TimeInterval

  public init(context: LisaContext, settings: AWSSettings, retry: AWSRetryPolicy = .standard, probeTimeout: TimeInterval = 1) {
    self.context = context
    self.settings = settings
    self.retry = retry
    self.probeTimeout = probeTimeout
  }

  /// A provider that resolves on first use and again shortly before temporary credentials expire.
  public func provider() -> any AWSCredentialsProvider {
    let resolver = self
    return CachingCredentialsProvider(now: context.now) { try await resolver.resolve() }
  }

  public func resolve() async throws -> AWSCredentials {
    let files = try AWSSharedFiles.load(context: context)
    let names = AWSRegionResolver(settings: settings, environment: context.environment)
    if let explicit = settings.profile?.trimmingCharacters(in: .whitespaces), !explicit.isEmpty {
      let profile = try requireProfile(explicit, origin: "--profile", files: files)
      if let credentials = try await profileCredentials(profile, files: files, visited: []) { return credentials }
      throw LisaError(
        .auth, "profile '\(explicit)' in \(profile.foundIn.joined(separator: " and ")) has no credentials",
        hint: "add aws_access_key_id/aws_secret_access_key, or role_arn with source_profile")
    }
    var tried: [String] = []
    if let credentials = try environmentCredentials() { return credentials }
    tried.append("environment variables (AWS_ACCESS_KEY_ID not set)")

    let name = names.profileName
    if let profile = files.profile(name) {
      if let credentials = try await profileCredentials(profile, files: files, visited: []) { return credentials }
      tried.append("profile '\(name)' (no credentials in \(profile.foundIn.joined(separator: " or ")))")
    } else if names.profileWasNamed {
      let origin = (context.environment["AWS_PROFILE"] ?? "").isEmpty ? "the LISA config" : "AWS_PROFILE"
      _ = try requireProfile(name, origin: origin, files: files)
    } else {
      tried.append("profile 'default' (not in \(files.credentials.displayPath) or \(files.config.displayPath))")
    }

    let container = ContainerCredentialsFetcher(context: context, timeout: max(probeTimeout, 2), attempts: 2)
    if container.isConfigured { return try await container.fetch() }
    tried.append("container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI not set)")

    let metadata = InstanceMetadataFetcher(context: context, defaultTimeout: probeTimeout)
    if metadata.isDisabled {
      tried.append("EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)")
    } else {
      switch try await metadata.fetch() {
      case .credentials(let credentials): return credentials
      case .unavailable(let reason): tried.append("EC2 instance metadata at \(metadata.endpoint) (\(reason))")
      }
    }
    throw LisaError(
      .auth, "no AWS credentials found; tried " + tried.joined(separator: "; "),
      hint: "pass --profile, set AWS_PROFILE, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
  }

  // MARK: sources

  func environmentCredentials() throws -> AWSCredentials? {
    let env = context.environment
    let keyID = env["AWS_ACCESS_KEY_ID"].flatMap { $0.isEmpty ? nil : $0 }
    let secret = env["AWS_SECRET_ACCESS_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    switch (keyID, secret) {
    case (nil, nil): return nil
    case (.some, nil): throw LisaError(.auth, "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
    case (nil, .some): throw LisaError(.auth, "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
    case (.some(let keyID), .some(let secret)):
      let token = env["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
      return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token, source: "environment variables")
    }
  }

  private func requireProfile(_ name: String, origin: String, files: AWSSharedFiles) throws -> AWSProfile {
    if let profile = files.profile(name) { return profile }
    let known = files.profileNames
    throw LisaError(
      .notFound,
      "AWS profile '\(name)' (from \(origin)) is not in \(files.credentials.displayPath) or \(files.config.displayPath)",
      hint: known.isEmpty ? "run aws configure --profile \(name)" : "known profiles: \(known.joined(separator: ", "))")
  }

  /// A profile's credentials, or nil when it has none (only a region, say).
  func profileCredentials(_ profile: AWSProfile, files: AWSSharedFiles, visited: [String]) async throws -> AWSCredentials? {
    if let roleARN = profile["role_arn"] {
      return try await assumeRole(roleARN, profile: profile, files: files, visited: visited)
    }
    if let staticKeys = try staticCredentials(profile) { return staticKeys }
    let unsupported = ["credential_process", "sso_session", "sso_start_url", "web_identity_token_file"].first {
      profile[$0] != nil
    }
    if let unsupported {
      throw LisaError(
        .auth, "profile '\(profile.name)' uses \(unsupported), which lisa cannot run itself",
        hint: "eval \"$(aws configure export-credentials --profile \(profile.name) --format env)\" first")
    }
    return nil
  }

  private func staticCredentials(_ profile: AWSProfile) throws -> AWSCredentials? {
    let keyID = profile["aws_access_key_id"]
    let secret = profile["aws_secret_access_key"]
    guard keyID != nil || secret != nil else { return nil }
    let file = profile.credentialKeysFrom ?? profile.foundIn.first ?? "the shared files"
    guard let keyID, let secret else {
      let missing = keyID == nil ? "aws_access_key_id" : "aws_secret_access_key"
      throw LisaError(.auth, "profile '\(profile.name)' in \(file) has no \(missing)")
    }
    return AWSCredentials(
      accessKeyID: keyID, secretAccessKey: secret, sessionToken: profile["aws_session_token"],
      source: "profile '\(profile.name)' (\(file))")
  }

  private func assumeRole(
    _ roleARN: String, profile: AWSProfile, files: AWSSharedFiles, visited: [String]
  ) async throws -> AWSCredentials {
    let chain = visited + [profile.name]
    let sourceCredentials: AWSCredentials
    if let sourceName = profile["source_profile"] {
      if sourceName == profile.name, let own = try staticCredentials(profile) {
        sourceCredentials = own
      } else {
        guard !chain.contains(sourceName) else {
          throw LisaError(.invalid, "AWS profiles form a loop: \((chain + [sourceName]).joined(separator: " → "))")
        }
        guard let source = files.profile(sourceName) else {
          throw LisaError(.notFound, "profile '\(profile.name)' names source_profile '\(sourceName)', which does not exist")
        }
        guard let credentials = try await profileCredentials(source, files: files, visited: chain) else {
          throw LisaError(.auth, "source_profile '\(sourceName)' of profile '\(profile.name)' has no credentials")
        }
        sourceCredentials = credentials
      }
    } else if let credentialSource = profile["credential_source"] {
      sourceCredentials = try await namedCredentialSource(credentialSource, profile: profile)
    } else {
      throw LisaError(.invalid, "profile '\(profile.name)' sets role_arn but neither source_profile nor credential_source")
    }
    var duration: Int?
    if let text = profile["duration_seconds"] {
      guard let seconds = Int(text), seconds > 0 else {
        throw LisaError(.invalid, "profile '\(profile.name)': duration_seconds '\(text)' is not a positive number of seconds")
      }
      duration = seconds
    }
    let region =
      profile.region ?? (try? AWSRegionResolver(settings: settings, environment: context.environment).region(profile: profile))
      ?? "us-east-1"
    let endpoint = try AWSEndpointResolver(explicitURL: nil, environment: context.environment).endpoint(for: .sts, region: region)
    let sender = AWSRequestSender(
      service: .sts, region: region, endpoint: endpoint, credentials: StaticCredentialsProvider(sourceCredentials),
      transport: context.transport, retry: retry, now: context.now,
      caBundle: settings.resolvedCABundle(context: context, profile: profile))
    return try await STSClient(sender: sender).assumeRole(
      roleARN: roleARN, sessionName: profile["role_session_name"] ?? "lisa-\(Int(context.now().timeIntervalSince1970))",
      externalID: profile["external_id"], durationSeconds: duration,
      source: "role \(roleARN) (profile '\(profile.name)' via \(sourceCredentials.source))")
  }

  private func namedCredentialSource(_ name: String, profile: AWSProfile) async throws -> AWSCredentials {
    switch name {
    case "Environment":
      if let credentials = try environmentCredentials() { return credentials }
      throw LisaError(.auth, "profile '\(profile.name)' takes credentials from the environment, but AWS_ACCESS_KEY_ID is not set")
    case "EcsContainer":
      return try await ContainerCredentialsFetcher(context: context, timeout: max(probeTimeout, 2), attempts: 2).fetch()
    case "Ec2InstanceMetadata":
      switch try await InstanceMetadataFetcher(context: context, defaultTimeout: probeTimeout).fetch() {
      case .credentials(let credentials): return credentials
      case .unavailable(let reason):
        throw LisaError(
          .auth, "profile '\(profile.name)' takes credentials from EC2 instance metadata, which gave none: \(reason)")
      }
    default:
      throw LisaError(
        .invalid,
        "profile '\(profile.name)': credential_source '\(name)' is not one of Environment, EcsContainer, Ec2InstanceMetadata")
    }
  }
}
