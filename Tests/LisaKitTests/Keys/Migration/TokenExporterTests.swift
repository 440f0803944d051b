import Testing

@testable import LisaKit

/// How many parallel Scan segments a token table is read with.
struct TokenExporterTests {
  @Test func oneSegmentPer256MBOfTableAtMostFour() {
    let megabyte = 1 << 20
    #expect(TokenExporter.segments(forTableBytes: nil) == 1, "a table that does not say its size")
    #expect(TokenExporter.segments(forTableBytes: 0) == 1)
    #expect(TokenExporter.segments(forTableBytes: 15 * megabyte) == 1, "100,000 legacy tokens")
    #expect(TokenExporter.segments(forTableBytes: 256 * megabyte - 1) == 1)
    #expect(TokenExporter.segments(forTableBytes: 256 * megabyte) == 2)
    #expect(TokenExporter.segments(forTableBytes: 600 * megabyte) == 3)
    #expect(TokenExporter.segments(forTableBytes: 40_000 * megabyte) == 4)
    #expect(TokenExporter.segments(forTableBytes: -5) == 1)
  }
}
