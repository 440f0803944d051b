import Foundation

/// Makes key values in key_mgmt's shape: `sk-` and 32 random bytes as base64url without padding
/// (43 characters), the same as Python's `"sk-" + secrets.token_urlsafe(32)`.
public enum KeyFileSecretGenerator {
  public static let prefix = "sk-"
  public static let byteCount = 32

  /// Uses the system generator (getrandom on Linux), which is cryptographically secure.
  public static func generate() -> KeySecret {
    var generator = SystemRandomNumberGenerator()
    return generate(using: &generator)
  }

  public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> KeySecret {
    let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return KeySecret(prefix + base64URL(bytes))
  }

  /// RFC 4648 §5 alphabet, no `=` padding.
  public static func base64URL(_ bytes: [UInt8]) -> String {
    var text = Data(bytes).base64EncodedString()
    while text.last == "=" { text.removeLast() }
    return String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
  }
}
