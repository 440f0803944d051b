import Foundation
import LisaKit

/// Cheap dynamic completions: read local files only, never the network, and stay silent on error.
enum Completions {
  @Sendable static func awsProfiles(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    let env = ProcessInfo.processInfo.environment
    let home = env["HOME"] ?? NSHomeDirectory()
    let files = [
      env["AWS_CONFIG_FILE"] ?? "\(home)/.aws/config",
      env["AWS_SHARED_CREDENTIALS_FILE"] ?? "\(home)/.aws/credentials",
    ]
    let names = files.flatMap { path in
      ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").compactMap(profileName)
    }
    return Array(Set(names)).filter { $0.hasPrefix(prefix) }.sorted()
  }

  static func profileName(_ line: Substring) -> String? {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
    let inner = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
    if inner.hasPrefix("profile ") { return String(inner.dropFirst(8)).trimmingCharacters(in: .whitespaces) }
    if inner.hasPrefix("sso-session ") || inner.hasPrefix("services ") { return nil }
    return inner
  }

  /// Environment blocks of the config.yaml named by `--input` (or ./config.yaml).
  @Sendable static func legacyEnvironments(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    var path = "config.yaml"
    if let i = words.firstIndex(of: "--input"), i + 1 < words.count { path = words[i + 1] }
    guard let node = try? YAMLLoader.load(path: path, displayName: path), let root = node.mapping else { return [] }
    return ConfigMigrator.environments(in: root).filter { $0.hasPrefix(prefix) }
  }

  /// The LISA releases `migrate plan` knows.
  @Sendable static func lisaReleases(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    ((try? UpgradeKnowledge.builtIn().versions) ?? []).map(\.description).filter { $0.hasPrefix(prefix) }
  }
}
