import LisaKit
import Testing

@Suite struct LineDiffTests {
  @Test func unifiedDiffShowsChangesWithContext() {
    let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
    let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n").replacingOccurrences(of: "line 10\n", with: "")
    let diff = LineDiff.unified(old: old, new: new, oldName: "a", newName: "b")
    #expect(
      diff == """
        --- a
        +++ b
        @@ -2,9 +2,8 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8
         line 9
        -line 10

        """)
  }

  @Test func identicalTextsHaveNoDiff() {
    #expect(LineDiff.unified(old: "a\nb\n", new: "a\nb\n", oldName: "x", newName: "y").isEmpty)
  }
}
