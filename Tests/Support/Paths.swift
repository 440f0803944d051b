import Foundation

/// Where the repository and its fixtures are, found from this file's location.
public enum TestPaths {
  public static let repository: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
  }()

  /// LISA config files of each generation, written for these tests (Tests/Fixtures/lisa/README.md).
  public static let lisaFixtures = repository.appendingPathComponent("Tests/Fixtures/lisa")

  public static func fixture(_ name: String) -> URL { lisaFixtures.appendingPathComponent(name) }

  /// A fresh empty directory under the system temp dir.
  public static func temporaryDirectory(_ label: String = "lisa-test") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
