import Foundation
import Testing

@testable import LisaKit

@Suite struct KeyFileSecretGeneratorTests {
  @Test func base64URLMatchesRFC4648Vectors() {
    let vectors: [(String, String)] = [
      ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ]
    for (input, expected) in vectors { #expect(KeyFileSecretGenerator.base64URL(Array(input.utf8)) == expected) }
    #expect(KeyFileSecretGenerator.base64URL([0xFB, 0xFF, 0xBF]) == "-_-_")
  }

  @Test func keysHaveKeyMgmtsShape() {
    var seen = Set<String>()
    for _ in 0..<500 {
      let secret = KeyFileSecretGenerator.generate().reveal()
      #expect(secret.count == 46)
      #expect(KeyFileFormat.hasGeneratedShape(secret))
      #expect(KeyFileFormat.keyProblem(secret) == nil)
      #expect(KeyFileLint.weakness(of: KeySecret(secret)) == nil)
      seen.insert(secret)
    }
    #expect(seen.count == 500)
  }

  @Test func bytesComeFromTheGivenGenerator() {
    var allOnes = ConstantGenerator(value: .max)
    #expect(KeyFileSecretGenerator.generate(using: &allOnes).reveal() == "sk-" + String(repeating: "_", count: 42) + "8")
    var zeros = ConstantGenerator(value: 0)
    #expect(KeyFileSecretGenerator.generate(using: &zeros).reveal() == "sk-" + String(repeating: "A", count: 43))
  }

  @Test func secretsMaskThemselvesWhenInterpolated() {
    let secret = KeySecret("sk-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
    #expect("\(secret)" == "sk-a…")
    #expect(String(describing: secret) == "sk-a…")
    #expect(String(reflecting: secret) == "KeySecret(sk-a…)")
  }
}

struct ConstantGenerator: RandomNumberGenerator {
  var value: UInt64
  mutating func next() -> UInt64 { value }
}
