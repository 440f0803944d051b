import Foundation
import LisaKit
import LisaTestSupport
import Testing

@Suite struct SecretMaskTests {
  @Test func secretKeysAreMaskedWhereverTheyAre() throws {
    let node = try YAMLLoader.parse(
      text: """
        litellmConfig:
          db_key: sk-0123456789
          general_settings: {master_key: "sk-abc"}
        restApiConfig:
          rdsConfig: {passwordSecretId: rds-secret-id, password: hunter2}
        models:
          - {modelId: m, apiKey: partner-key-123}
        tokenExpiration: 5
        """, file: "c.yaml")
    let masked = SecretMask.mask(node)
    #expect(masked.lookup(["litellmConfig", "db_key"])?.scalar?.text == "sk-…(13 chars)")
    #expect(masked.lookup(["litellmConfig", "general_settings", "master_key"])?.scalar?.text == "sk-…(6 chars)")
    #expect(masked.lookup(["restApiConfig", "rdsConfig", "password"])?.scalar?.text == "…(7 chars)")
    #expect(masked.lookup(["restApiConfig", "rdsConfig", "passwordSecretId"])?.scalar?.text == "rds-secret-id")
    #expect(masked.lookup(["models", "0", "apiKey"])?.scalar?.text == "…(15 chars)")
    #expect(masked.lookup(["tokenExpiration"])?.scalar?.text == "5")
    let emitted = YAMLEmitter(includeComments: false).emit(masked)
    #expect(!emitted.contains("hunter2") && !emitted.contains("sk-0123456789") && !emitted.contains("partner-key"))
    #expect(try YAMLLoader.parse(text: emitted, file: "again.yaml").lookup(["litellmConfig", "db_key"]) != nil)
    #expect(
      SecretMask.mask(try #require(node.lookup(["litellmConfig"])), at: ["litellmConfig"]).lookup(["db_key"])?.scalar?.text
        == "sk-…(13 chars)")
    #expect(
      SecretMask.mask(try #require(node.lookup(["litellmConfig", "db_key"])), at: ["litellmConfig", "db_key"]).scalar?.text
        == "sk-…(13 chars)")
  }

  @Test func diffLinesSayWhatChangedWithoutTheValues() {
    let diff = """
      --- old
      +++ new
      -    master_key: sk-same-value  # admin key
      +  db_key: sk-same-value  # admin key
      -  apiKey: "first"
      +  apiKey: "second"
       region: us-east-1
      """
    let masked = SecretMask.maskLines(diff)
    #expect(!masked.contains("sk-same-value") && !masked.contains("first") && !masked.contains("second"))
    #expect(masked.contains("-    master_key: sk-…(13 chars)  # admin key"))
    #expect(masked.contains("+  db_key: sk-…(13 chars)  # admin key  (same value as before)"))
    #expect(masked.contains("+  apiKey: …(6 chars)  (changed)"))
    #expect(masked.contains(" region: us-east-1"))
  }
}
