import Foundation
import LisaKit
import LisaTestSupport
import Testing

@Suite struct ExitCodeTableTests {
  @Test func readmeTableMatchesTheCode() throws {
    let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
    let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.dropFirst(2).first?.isNumber == true }
    let table = rows.map { row -> (Int32, String) in
      let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      return (Int32(cells[0]) ?? -1, cells[1].replacingOccurrences(of: "`", with: ""))
    }
    #expect(table.map(\.0) == ExitStatus.allCases.map(\.rawValue))
    for (code, text) in table {
      #expect(ExitStatus(rawValue: code)?.summary == text, "README row \(code)")
    }
  }

  @Test func everyLineOfTheHelpTableFitsAManPageColumn() {
    for line in ExitStatus.table.split(separator: "\n") { #expect(line.count <= 74, "\(line)") }
  }

  @Test func errorsAreOneLineWithLocationAndHint() {
    let error = LisaError(.invalid, "bad\nvalue", at: SourceLocation(file: "c.yaml", line: 3, column: 5), hint: "fix it")
    #expect(error.description == "c.yaml:3:5: bad value (hint: fix it)")
  }
}
