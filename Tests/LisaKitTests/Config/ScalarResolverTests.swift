import LisaKit
import Testing

@Suite struct ScalarResolverTests {
  @Test(arguments: [
    ("", ResolvedScalar.null), ("~", .null), ("null", .null), ("NULL", .null),
    ("true", .bool(true)), ("False", .bool(false)),
    ("yes", .string("yes")), ("on", .string("on")), ("no", .string("no")),
    ("012345678901", .int("12345678901")), ("0x1F", .int("31")), ("0o17", .int("15")), ("-42", .int("-42")),
    ("1_000", .int("1000")),
    ("1.10", .float(1.1)), (".5", .float(0.5)), ("1e3", .float(1000)), ("-.5", .string("-.5")),
    (".inf", .float(.infinity)), ("1.2.3", .string("1.2.3")), ("v1", .string("v1")), ("_1", .string("_1")),
  ])
  func resolvesLikeJsYaml(text: String, expected: ResolvedScalar) {
    #expect(ScalarResolver.resolve(text) == expected)
  }

  @Test func quotedScalarsAreStrings() throws {
    let node = try yaml("a: \"123\"\nb: '1.10'\nc: 123\n")
    #expect(node.lookup(["a"])?.scalar?.resolved == .string("123"))
    #expect(node.lookup(["b"])?.scalar?.resolved == .string("1.10"))
    #expect(node.lookup(["c"])?.scalar?.resolved == .int("123"))
  }

  @Test(arguments: ["hello", "sk-abc", "arn:aws:iam::1:role/x", "a b"])
  func safePlainStrings(text: String) { #expect(ScalarResolver.isSafePlain(text)) }

  @Test(arguments: ["", "123", "true", "yes", "null", "a: b", "#x", "- x", " lead", "trail ", "x #y", "[a]", "*x", "a\nb"])
  func unsafePlainStrings(text: String) { #expect(!ScalarResolver.isSafePlain(text)) }

  @Test func jsonKeepsNumberTextAndStringsForNonJSONNumbers() throws {
    let node = try yaml("account: 012345678901\nversion: 1.10\nflag: yes\nhex: 0x1F\nn: 5\nnothing:\n")
    #expect(
      JSONWriter.compact(node.json)
        == #"{"account":"012345678901","version":1.10,"flag":"yes","hex":"0x1F","n":5,"nothing":null}"#)
  }
}
