import ArgumentParser
import LisaKit

struct ConfigGet: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "get",
    abstract: "Print one value of the merged config.",
    discussion: """
      PATH is dotted; list items are numbered from 0: authConfig.adminGroup, ragRepositories.0.repositoryId. \
      A scalar prints as its text; a mapping or list prints as YAML (or JSON with -o json). \
      A missing path exits 5. Secret values are masked unless --show-secrets is given.
      """
  )

  @Argument(help: "Dotted path, e.g. authConfig.adminGroup.")
  var path: String

  @Flag(name: .customLong("no-env"), help: "Do not apply LISA's environment-variable overrides.")
  var noEnv = false

  @OptionGroup var secrets: SecretDisplayOptions
  @OptionGroup var globals: GlobalOptions

  func run(_ session: Session) async throws {
    let format = try session.format(default: .yaml, allowed: [.yaml, .json])
    let config = try session.loadConfig(applyEnvironment: !noEnv)
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !path.isEmpty, !parts.contains(""), let found = config.merged.lookup(parts) else {
      throw LisaError(.notFound, "'\(path)' is not set in the merged config", hint: Self.hint(for: parts, in: config.merged))
    }
    let node = secrets.shown(found, at: parts)
    if format == .json {
      session.output(JSONWriter.pretty(node.json) + "\n")
    } else if case .scalar(let scalar) = node {
      session.output(scalar.text + "\n")
    } else {
      session.output(YAMLEmitter(includeComments: false).emit(node))
    }
  }

  /// Names the deepest part of the path that exists and suggests a key there.
  static func hint(for parts: [String], in root: YAMLNode) -> String? {
    var node = root
    var prefix: [String] = []
    for part in parts {
      guard let next = node.lookup([part]) else {
        guard let map = node.mapping else { return nil }
        let place = prefix.isEmpty ? "top level" : prefix.joined(separator: ".")
        if let suggestion = ConfigValidator.suggest(part, among: map.keys) {
          return "did you mean '\((prefix + [suggestion]).joined(separator: "."))'?"
        }
        return "keys at \(place): \(map.keys.prefix(12).joined(separator: ", "))"
      }
      prefix.append(part)
      node = next
    }
    return nil
  }
}
