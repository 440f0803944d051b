import Foundation

/// A deployment's configuration as LISA sees it: `config-base.yaml` (the dir's, or the copy built
/// into lisa) merged with `config-custom.yaml`, then LISA's environment overrides.
public struct LoadedConfig: Sendable {
  public var directory: String
  public var base: YAMLNode
  public var baseName: String
  public var custom: YAMLNode
  public var customName: String
  public var merged: YAMLNode
  /// Environment variables that replaced a value, e.g. `("REGION", "region")`.
  public var overrides: [(variable: String, key: String)]

  public var mapping: YAMLMapping { merged.mapping ?? YAMLMapping() }

  public func string(_ key: String) -> String? {
    guard let scalar = mapping[key]?.scalar, scalar.resolved != .null else { return nil }
    return scalar.text
  }
}

public enum ConfigLoader {
  public static let baseFile = "config-base.yaml"
  public static let customFile = "config-custom.yaml"

  /// LISA's `bin/lisa.ts` mapping of environment variables onto config keys; empty values are ignored.
  public static let environmentOverrides: [(variable: String, key: String)] = [
    ("PROFILE", "profile"), ("DEPLOYMENT_NAME", "deploymentName"), ("ACCOUNT_NUMBER", "accountNumber"),
    ("PARTITION", "partition"), ("DOMAIN", "domain"), ("REGION", "region"),
  ]

  /// `--config-dir`, else `LISA_CONFIG_DIR`, else the working directory.
  public static func directory(flag: String?, context: LisaContext) -> String {
    context.resolve(flag ?? context.environment["LISA_CONFIG_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? ".")
  }

  public static func load(directory: String, context: LisaContext, applyEnvironment: Bool = true) throws -> LoadedConfig {
    if !FileIO.isDirectory(directory) {
      let shown = context.display(directory)
      throw FileIO.exists(directory)
        ? LisaError(.ioError, "\(shown): is a file, expected the config directory that holds \(customFile)")
        : LisaError(.notFound, "\(shown): config directory does not exist")
    }
    let (base, baseName) = try loadBase(directory: directory, context: context)
    let customPath = (directory as NSString).appendingPathComponent(customFile)
    let customName = context.display(customPath)
    guard FileIO.exists(customPath) else {
      let legacy = FileIO.exists((directory as NSString).appendingPathComponent("config.yaml"))
      throw LisaError(
        .notFound, "\(customName): no such file",
        hint: legacy
          ? "this directory has an old single-file config.yaml; run `lisa migrate config` to create \(customFile)"
          : "copy config-custom.example.yaml to \(customFile), or point --config-dir at your LISA checkout")
    }
    let custom = try YAMLLoader.load(path: customPath, displayName: customName)
    try requireMapping(custom, file: customName)
    var merged = LodashMerge.merge(base, custom)
    var applied: [(String, String)] = []
    if applyEnvironment, case .mapping(var mapping) = merged {
      for (variable, key) in environmentOverrides {
        guard let value = context.environment[variable], !value.isEmpty else { continue }
        mapping[key] = .scalar(.string(value, location: SourceLocation(file: "environment variable \(variable)")))
        applied.append((variable, key))
      }
      merged = .mapping(mapping)
    }
    return LoadedConfig(
      directory: directory, base: base, baseName: baseName, custom: custom, customName: customName, merged: merged,
      overrides: applied)
  }

  public static func loadBase(directory: String, context: LisaContext) throws -> (YAMLNode, String) {
    let basePath = (directory as NSString).appendingPathComponent(baseFile)
    let base: YAMLNode
    let name: String
    if FileIO.exists(basePath) {
      name = context.display(basePath)
      base = try YAMLLoader.load(path: basePath, displayName: name)
    } else {
      name = EmbeddedConfigBase.fileName
      base = try YAMLLoader.parse(text: EmbeddedConfigBase.text, file: name)
    }
    try requireMapping(base, file: name)
    return (base, name)
  }

  public static func requireMapping(_ node: YAMLNode, file: String) throws {
    guard node.mapping == nil else { return }
    throw LisaError(
      .dataError, "expected a mapping of settings at the top level, found \(node.kindDescription)",
      at: node.location ?? SourceLocation(file: file, line: 1, column: 1))
  }
}
