import Foundation

/// Secret values in config and request files (`db_key`, `master_key`, `api_key`, `apiKey`, passwords,
/// client secrets) are shown as `sk-…(40 chars)` unless the user asks for them (`--show-secrets`): what
/// `config show`, `config get` and `migrate config --dry-run` print ends up in CI logs.
public enum SecretMask {
  /// Key names, compared ignoring case, `_` and `-`.
  static let secretNames: Set<String> = [
    "dbkey", "masterkey", "apikey", "password", "secret", "clientsecret", "secretkey", "secretaccesskey", "privatekey",
    "managementkey", "token", "accesstoken", "refreshtoken", "sessiontoken",
  ]

  public static func isSecretKey(_ key: String) -> Bool {
    secretNames.contains(key.lowercased().filter { $0 != "_" && $0 != "-" })
  }

  /// `sk-…(40 chars)`: a well-known `sk-` prefix says what kind of key it is and is kept; nothing else is.
  public static func mask(_ value: String) -> String {
    guard !value.isEmpty else { return value }
    return (value.hasPrefix("sk-") ? "sk-" : "") + "…(\(value.count) chars)"
  }

  public static func mask(_ node: YAMLNode, secret: Bool = false) -> YAMLNode {
    switch node {
    case .scalar(var scalar):
      guard secret, !node.isNull else { return node }
      scalar.text = mask(scalar.text)
      scalar.style = .plain
      return .scalar(scalar)
    case .sequence(var sequence):
      for index in sequence.items.indices {
        sequence.items[index].value = mask(sequence.items[index].value, secret: secret)
      }
      return .sequence(sequence)
    case .mapping(var mapping):
      for index in mapping.entries.indices {
        let entry = mapping.entries[index]
        mapping.entries[index].value = mask(entry.value, secret: secret || isSecretKey(entry.key))
      }
      return .mapping(mapping)
    }
  }

  /// A value looked up by path (`config get litellmConfig.db_key`): secret when its last key is.
  public static func mask(_ node: YAMLNode, at path: [String]) -> YAMLNode {
    mask(node, secret: path.contains(where: isSecretKey))
  }

  /// `key: value` lines of YAML text (a diff, a file shown as it is) with secret values masked. A `+`
  /// line whose secret differs from every removed one says so, so a diff still tells what changed.
  public static func maskLines(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let removed = Set(
      lines.filter { $0.hasPrefix("-") }.compactMap { line in split(line).flatMap { isSecretKey($0.1) ? $0.2 : nil } })
    for (index, line) in lines.enumerated() {
      guard let (head, key, value, tail) = split(line), isSecretKey(key) else { continue }
      var masked = head + mask(value) + tail
      if line.hasPrefix("+") { masked += removed.contains(value) ? "  (same value as before)" : "  (changed)" }
      lines[index] = masked
    }
    return lines.joined(separator: "\n")
  }

  /// `(prefix up to the value, key, value without quotes, trailing comment)` of a `key: value` line.
  static func split(_ line: String) -> (String, String, String, String)? {
    guard let colon = line.range(of: ": ") else { return nil }
    let before = line[..<colon.lowerBound]
    let key = before.drop { " +-".contains($0) }.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    guard !key.isEmpty, !key.contains(" ") else { return nil }
    var rest = line[colon.upperBound...].drop { $0 == " " }
    var tail = ""
    if let hash = rest.range(of: " #") {
      let valueEnd = rest[..<hash.lowerBound].lastIndex { $0 != " " }.map { rest.index(after: $0) } ?? hash.lowerBound
      tail = String(rest[valueEnd...])
      rest = rest[..<valueEnd]
    }
    let value = rest.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    guard !value.isEmpty, !["|", ">", "|-", ">-"].contains(value) else { return nil }
    let head =
      String(line[..<colon.upperBound]) + String(repeating: " ", count: line[colon.upperBound...].prefix { $0 == " " }.count)
    return (head, key, value, tail)
  }
}
