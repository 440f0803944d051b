import Foundation

/// Which profile and region a run uses, in the SDKs' order with the LISA config slotted in.
public struct AWSRegionResolver: Sendable {
  public let settings: AWSSettings
  public let environment: [String: String]

  public init(settings: AWSSettings, environment: [String: String]) {
    self.settings = settings
    self.environment = environment
  }

  /// `--profile` > `AWS_PROFILE` > the LISA config's `profile` > "default".
  public var profileName: String {
    nonEmpty(settings.profile) ?? nonEmpty(environment["AWS_PROFILE"]) ?? nonEmpty(settings.configProfile) ?? "default"
  }

  /// Whether a profile was named anywhere, as opposed to falling back to "default".
  public var profileWasNamed: Bool {
    nonEmpty(settings.profile) != nil || nonEmpty(environment["AWS_PROFILE"]) != nil || nonEmpty(settings.configProfile) != nil
  }

  /// `--region` > `AWS_REGION` > `AWS_DEFAULT_REGION` > the LISA config's `region` > the profile's `region`.
  public func region(profile: AWSProfile?) throws -> String {
    let candidates: [(String?, String)] = [
      (settings.region, "--region"), (environment["AWS_REGION"], "AWS_REGION"),
      (environment["AWS_DEFAULT_REGION"], "AWS_DEFAULT_REGION"), (settings.configRegion, "the LISA config's region"),
      (profile?.region, "profile '\(profileName)'"),
    ]
    for (value, origin) in candidates {
      guard let value = nonEmpty(value) else { continue }
      guard Self.isPlausibleRegion(value) else {
        throw LisaError.usage("AWS region '\(value)' from \(origin) is not a region name", hint: "regions look like us-east-1")
      }
      return value
    }
    throw LisaError.usage(
      "no AWS region: none of --region, AWS_REGION, AWS_DEFAULT_REGION, the LISA config's region or profile '\(profileName)' sets one",
      hint: "pass --region or set region in config-custom.yaml")
  }

  static func isPlausibleRegion(_ value: String) -> Bool {
    !value.isEmpty && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
  }

  private func nonEmpty(_ value: String?) -> String? {
    guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
    return value
  }
}

/// Where each service's requests go: `--endpoint-url` > `AWS_ENDPOINT_URL_<SERVICE>` > `AWS_ENDPOINT_URL`
/// > the regional default (with the China and ISO partitions' DNS suffixes).
public struct AWSEndpointResolver: Sendable {
  public let explicitURL: String?
  public let environment: [String: String]

  public init(explicitURL: String?, environment: [String: String]) {
    self.explicitURL = explicitURL
    self.environment = environment
  }

  public func endpoint(for service: AWSService, region: String) throws -> URL {
    if let explicit = explicitURL, !explicit.isEmpty { return try Self.parse(explicit, origin: "--endpoint-url") }
    let ignoreConfigured = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
    if !ignoreConfigured {
      for name in ["AWS_ENDPOINT_URL_\(service.environmentName)", "AWS_ENDPOINT_URL"] {
        if let value = environment[name], !value.isEmpty { return try Self.parse(value, origin: name) }
      }
    }
    return Self.defaultEndpoint(for: service, region: region)
  }

  public static func defaultEndpoint(for service: AWSService, region: String) -> URL {
    var components = URLComponents()
    components.scheme = "https"
    components.host = "\(service.endpointPrefix).\(region).\(dnsSuffix(region: region))"
    components.path = "/"
    return components.url ?? URL(fileURLWithPath: "/")
  }

  public static func dnsSuffix(region: String) -> String {
    if region.hasPrefix("cn-") { return "amazonaws.com.cn" }
    if region.hasPrefix("us-isob-") { return "sc2s.sgov.gov" }
    if region.hasPrefix("us-iso-") { return "c2s.ic.gov" }
    return "amazonaws.com"
  }

  static func parse(_ text: String, origin: String) throws -> URL {
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty, let url = components.url
    else {
      throw LisaError.usage("endpoint URL '\(text)' from \(origin) is not an http(s) URL", hint: "e.g. http://127.0.0.1:5000")
    }
    return url
  }
}
