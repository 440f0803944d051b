import Foundation
import LisaTestSupport
import Testing

@testable import LisaKit

/// Model files in the three shapes, and encrypted model backups that keep third-party keys secret.
@Suite struct ModelFileTests {
  func write(_ text: String, _ name: String = "models.yaml") throws -> String {
    let url = TestPaths.temporaryDirectory("model-file").appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func threeShapesAndPositions() throws {
    let exported = try ModelFile.load(
      path: try write("models:\n  - modelId: a\n  - modelId: b\n    modelType: x\n"), displayName: "models.yaml")
    #expect(exported.map(\.modelId) == ["a", "b"])
    #expect(exported[1].origin == "models.yaml, models[1]")
    #expect(exported[1].locate(FieldPath("modelType"))?.description == "models.yaml:4:5")
    #expect(exported[1].locate(FieldPath("containerConfig.image"))?.description == "models.yaml:3:5")
    let list = try ModelFile.load(path: try write("[{\"modelId\": \"a\"}]", "m.json"), displayName: "m.json")
    #expect(list.map(\.modelId) == ["a"])
    let single = try ModelFile.load(path: try write("modelId: solo\n"), displayName: "m.yaml")
    #expect(single.map(\.origin) == ["m.yaml"])
    #expect { try ModelFile.load(path: try write("models: 3\n"), displayName: "bad.yaml") } throws: { error in
      (error as? LisaError)?.description == "bad.yaml:1:9: 'models' must be a list of model requests"
    }
    #expect { try ModelFile.load(path: try write("- 3\n"), displayName: "bad.yaml") } throws: { error in
      (error as? LisaError)?.message == "expected a model request (a mapping), found a number"
    }
  }

  @Test func backupsKeepKeysEncryptedAndRestoreThem() async throws {
    let models = [try APIFixture.model(APIFixture.thirdPartyModel), try APIFixture.model(APIFixture.hostedModel)].map(
      ModelExport.export)
    let path = TestPaths.temporaryDirectory("model-backup").appendingPathComponent("models.lisabak").path
    let protection = PassphraseProtection(BackupTestSupport.passphrase("correct horse"), parameters: BackupTestSupport.fastScrypt)
    let metadata = try ModelBackup.write(
      models, to: path, displayName: "models.lisabak", source: BackupSource(resource: "https://x/prod"),
      createdAt: BackupTestSupport.createdAt,
      completedAt: BackupTestSupport.createdAt, cipher: try await protection.newCipher(), replacing: false)
    #expect(metadata.counts.kinds["model"]?.total == 2)
    #expect(ModelFile.isBackup(path: path))
    let raw = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(raw.range(of: Data(ModelFixtures.thirdPartyKey.utf8)) == nil)
    let restored = try await ModelBackup.read(path: path, displayName: "models.lisabak", protection: protection)
    #expect(restored.map(\.modelId) == ["claude", "mistral-7b"])
    #expect(restored[0].apiKey == ModelFixtures.thirdPartyKey && restored[1].apiKey == nil)
    #expect(restored[0].request["apiKey"] == nil)
    #expect(restored[0].requestWithKey["apiKey"] == .string(ModelFixtures.thirdPartyKey))
    let wrong = PassphraseProtection(BackupTestSupport.passphrase("wrong"), parameters: BackupTestSupport.fastScrypt)
    await #expect { try await ModelBackup.read(path: path, displayName: "models.lisabak", protection: wrong) } throws: {
      ($0 as? LisaError)?.status == .auth
    }
  }
}
