import Foundation
import LisaKit
import Testing

/// The JSON reader keeps key order and number text, and refuses broken input with one line.
@Suite struct JSONParsingTests {
  func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8), source: "body") }

  @Test func keepsOrderNumbersAndEscapes() throws {
    let value = try parse(#" {"z": 1.10, "a": [true, null, -0.5e3], "s": "tab\there \u00e9 \ud83d\ude00 \/"} "#)
    #expect(value.objectPairs?.map(\.0) == ["z", "a", "s"])
    #expect(value["z"] == .number("1.10"))
    #expect(value["a"] == .array([.bool(true), .null, .number("-0.5e3")]))
    #expect(value["s"] == .string("tab\there é 😀 /"))
    #expect(JSONWriter.compact(value) == #"{"z":1.10,"a":[true,null,-0.5e3],"s":"tab\there é 😀 /"}"#)
  }

  @Test func repeatedKeysKeepFirstPlaceAndLastValue() throws {
    #expect(try parse(#"{"a": 1, "b": 2, "a": 3}"#) == .object([("a", .number("3")), ("b", .number("2"))]))
  }

  @Test(arguments: [
    ("{\"a\": 1,}", "expected a quoted key"), ("[1 2]", "expected ',' or ']'"), ("01", "unexpected character"),
    ("1 2", "unexpected text after"),
    ("\"abc", "unterminated string"), ("\"a\u{01}\"", "control character"), ("{\"a\" 1}", "expected ':'"),
    ("\"\\ud800\"", "lone surrogate"), ("nul", "unexpected character"), ("", "unexpected end of input"),
    ("1.", "unexpected character"),
  ])
  func malformedInputIsOneLine(text: String, problem: String) {
    #expect {
      try parse(text)
    } throws: { error in
      guard let error = error as? LisaError else { return false }
      return error.status == .dataError && error.message.hasPrefix("body: not valid JSON: \(problem)")
        && !error.description.contains("\n")
    }
  }

  @Test func deepNestingIsRefusedNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: LisaError.self) { try parse(deep) }
  }

  @Test func accessors() throws {
    let value = try parse(#"{"n": 3.0, "m": 2.5, "s": "x", "b": false}"#)
    #expect(value["n"]?.intValue == 3)
    #expect(value["m"]?.intValue == nil)
    #expect(value["s"]?.stringValue == "x" && value["b"]?.boolValue == false)
    #expect(value.setting("s", nil).objectPairs?.map(\.0) == ["n", "m", "b"])
    #expect(value.setting("new", .null).objectPairs?.last?.0 == "new")
  }
}
