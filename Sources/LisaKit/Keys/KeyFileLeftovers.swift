import Foundation

/// Temporary files an interrupted write left next to the key file (`.keys.txt.Ab12Cd`, from
/// `FileIO.writeAtomically`). They hold complete copies of the secrets, so writers remove them
/// while holding the lock, when no other `lisa` writer can be using one, and `check` reports them.
public enum KeyFileLeftovers {
  public static func find(for path: String) -> [String] {
    let directory = (path as NSString).deletingLastPathComponent
    let prefix = "." + (path as NSString).lastPathComponent + "."
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
    return names.filter { name in
      guard name.hasPrefix(prefix) else { return false }
      let suffix = name.dropFirst(prefix.count)
      return suffix.count == 6 && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }.sorted().map { directory.isEmpty ? $0 : directory + "/" + $0 }
  }

  /// Removes them; returns how many. Call only while holding `KeyFileLock`.
  @discardableResult
  public static func remove(for path: String) -> Int {
    find(for: path).filter { unlink($0) == 0 }.count
  }
}
