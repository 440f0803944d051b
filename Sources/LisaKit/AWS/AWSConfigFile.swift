import Foundation

/// One parsed `~/.aws/credentials` or `~/.aws/config` file: sections of lower-cased keys.
/// Follows the SDKs' INI dialect: `#`/`;` comment lines, `key = value`, and indented lines that
/// continue the key above (nested `s3 =` blocks), which lisa reads past.
public struct AWSConfigFile: Sendable, Equatable {
  public enum Kind: Sendable { case credentials, config }

  public struct Section: Sendable, Equatable {
    public var name: String
    public var values: [String: String]
    public var line: Int
  }

  public var path: String
  public var displayPath: String
  public var kind: Kind
  public var sections: [Section]

  public init(path: String, displayPath: String, kind: Kind, sections: [Section]) {
    self.path = path
    self.displayPath = displayPath
    self.kind = kind
    self.sections = sections
  }

  /// Parses `text`; a line that is none of section, setting, comment or continuation is a `.dataError`.
  public static func parse(_ text: String, path: String, displayPath: String, kind: Kind) throws -> AWSConfigFile {
    var sections: [Section] = []
    // Split on every newline character: Swift reads "\r\n" as one Character, so CRLF files split too.
    for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let lineNumber = index + 1
      let line = String(rawLine)
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
      if line.first == " " || line.first == "\t" {
        if let current = sections.last, !current.values.isEmpty { continue }
        throw LisaError(
          .dataError, "expected a [section] or key = value", at: SourceLocation(file: displayPath, line: lineNumber))
      }
      if trimmed.hasPrefix("[") {
        guard trimmed.hasSuffix("]") else {
          throw LisaError(
            .dataError, "section header is missing its closing ']'", at: SourceLocation(file: displayPath, line: lineNumber))
        }
        let name = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        sections.append(Section(name: name, values: [:], line: lineNumber))
        continue
      }
      guard let equals = trimmed.firstIndex(of: "="), !sections.isEmpty else {
        let problem = sections.isEmpty ? "setting outside any [section]" : "expected key = value"
        throw LisaError(.dataError, problem, at: SourceLocation(file: displayPath, line: lineNumber))
      }
      let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      sections[sections.count - 1].values[key] = value
    }
    return AWSConfigFile(path: path, displayPath: displayPath, kind: kind, sections: sections)
  }

  /// The section that holds profile `name`: `[name]` in the credentials file; `[profile name]` in the
  /// config file, where `[default]` is also accepted and a bare `[name]` is not a profile.
  public func profile(_ name: String) -> Section? {
    switch kind {
    case .credentials:
      return sections.last { $0.name == name }
    case .config:
      let prefixed = sections.last { Self.profileName(of: $0.name) == name }
      if prefixed != nil || name != "default" { return prefixed }
      return sections.last { $0.name == "default" }
    }
  }

  public var profileNames: [String] {
    switch kind {
    case .credentials: sections.map(\.name)
    case .config: sections.compactMap { $0.name == "default" ? "default" : Self.profileName(of: $0.name) }
    }
  }

  private static func profileName(of sectionName: String) -> String? {
    guard sectionName.hasPrefix("profile ") || sectionName.hasPrefix("profile\t") else { return nil }
    return sectionName.dropFirst("profile".count).trimmingCharacters(in: .whitespaces)
  }
}

/// Both shared files, located the way the SDKs do (`AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE`).
public struct AWSSharedFiles: Sendable, Equatable {
  public var credentials: AWSConfigFile
  public var config: AWSConfigFile

  public init(credentials: AWSConfigFile, config: AWSConfigFile) {
    self.credentials = credentials
    self.config = config
  }

  public static func load(context: LisaContext) throws -> AWSSharedFiles {
    let env = context.environment
    let credentialsPath = expand(env["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", context: context)
    let configPath = expand(env["AWS_CONFIG_FILE"] ?? "~/.aws/config", context: context)
    return AWSSharedFiles(
      credentials: try read(credentialsPath, kind: .credentials, context: context),
      config: try read(configPath, kind: .config, context: context))
  }

  /// One profile's settings, credentials file over config file key by key, as the SDKs merge them.
  public func profile(_ name: String) -> AWSProfile? {
    let fromCredentials = credentials.profile(name)
    let fromConfig = config.profile(name)
    if fromCredentials == nil && fromConfig == nil { return nil }
    var values = fromConfig?.values ?? [:]
    for (key, value) in fromCredentials?.values ?? [:] { values[key] = value }
    var foundIn: [String] = []
    if fromCredentials != nil { foundIn.append(credentials.displayPath) }
    if fromConfig != nil { foundIn.append(config.displayPath) }
    return AWSProfile(name: name, values: values, foundIn: foundIn, credentialKeysFrom: credentialFile(for: name))
  }

  public var profileNames: [String] {
    var seen = Set<String>()
    return (credentials.profileNames + config.profileNames).filter { seen.insert($0).inserted }
  }

  /// Where the profile's access key lives, for messages.
  private func credentialFile(for name: String) -> String? {
    if credentials.profile(name)?.values["aws_access_key_id"] != nil { return credentials.displayPath }
    if config.profile(name)?.values["aws_access_key_id"] != nil { return config.displayPath }
    return nil
  }

  private static func expand(_ path: String, context: LisaContext) -> String {
    if path == "~" || path.hasPrefix("~/") { return context.homeDirectory + String(path.dropFirst(1)) }
    return context.resolve(path)
  }

  private static func read(_ path: String, kind: AWSConfigFile.Kind, context: LisaContext) throws -> AWSConfigFile {
    let display = displayPath(path, home: context.homeDirectory)
    guard FileIO.exists(path) else { return AWSConfigFile(path: path, displayPath: display, kind: kind, sections: []) }
    let data = try FileIO.read(path, displayName: display, limit: 1024 * 1024)
    guard let text = String(data: data, encoding: .utf8) else {
      throw LisaError(.dataError, "\(display): not UTF-8 text")
    }
    return try AWSConfigFile.parse(text, path: path, displayPath: display, kind: kind)
  }

  static func displayPath(_ path: String, home: String) -> String {
    let base = home.hasSuffix("/") ? home : home + "/"
    return path.hasPrefix(base) ? "~/" + path.dropFirst(base.count) : path
  }
}

/// A profile's merged settings.
public struct AWSProfile: Sendable, Equatable {
  public var name: String
  public var values: [String: String]
  /// The files that have a section for it, for messages.
  public var foundIn: [String]
  /// The file that holds its `aws_access_key_id`, if any.
  public var credentialKeysFrom: String?

  public init(name: String, values: [String: String], foundIn: [String] = [], credentialKeysFrom: String? = nil) {
    self.name = name
    self.values = values
    self.foundIn = foundIn
    self.credentialKeysFrom = credentialKeysFrom
  }

  public subscript(key: String) -> String? {
    guard let value = values[key], !value.isEmpty else { return nil }
    return value
  }

  public var region: String? { self["region"] }
}
