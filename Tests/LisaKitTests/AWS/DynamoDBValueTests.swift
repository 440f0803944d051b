import Foundation
import LisaKit
import Testing

@Suite struct DynamoDBValueTests {
  func json(_ value: DynamoDBValue) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  func decode(_ text: String) throws -> DynamoDBValue {
    try JSONDecoder().decode(DynamoDBValue.self, from: Data(text.utf8))
  }

  @Test func encodesTheWireShapeOfEveryType() throws {
    #expect(try json(.s("x")) == #"{"S":"x"}"#)
    #expect(try json(.n("007.50")) == #"{"N":"007.50"}"#)
    #expect(try json(.b(Data([0xde, 0xad, 0xbe, 0xef]))) == #"{"B":"3q2+7w=="}"#)
    #expect(try json(.bool(true)) == #"{"BOOL":true}"#)
    #expect(try json(.null) == #"{"NULL":true}"#)
    #expect(try json(.l([.s("a"), .n("1")])) == #"{"L":[{"S":"a"},{"N":"1"}]}"#)
    #expect(try json(.m(["k": .bool(false)])) == #"{"M":{"k":{"BOOL":false}}}"#)
    #expect(try json(.ss(["a", "b"])) == #"{"SS":["a","b"]}"#)
    #expect(try json(.ns(["1", "2"])) == #"{"NS":["1","2"]}"#)
    #expect(try json(.bs([Data([1]), Data([2])])) == #"{"BS":["AQ==","Ag=="]}"#)
  }

  @Test func decodesWhatItEncodesIncludingNesting() throws {
    let value: DynamoDBValue = .m([
      "groups": .l([.s("admins"), .null]), "exp": .n("1900000000"), "blob": .b(Data("x".utf8)),
      "sets": .m(["ss": .ss(["z"]), "bs": .bs([Data([9])])]),
    ])
    #expect(try decode(try json(value)) == value)
  }

  @Test func numbersKeepTheirDigits() throws {
    let big = "123456789012345678901234567890.000000000001"
    #expect(try decode(#"{"N":"\#(big)"}"#).numberText == big)
    #expect(try decode(#"{"N":"42"}"#).intValue == 42)
  }

  @Test func rejectsMalformedAttributeValues() {
    for text in [#"{"S":"a","N":"1"}"#, #"{}"#, #"{"X":"a"}"#, #"{"B":"***"}"#, #"{"S":1}"#] {
      #expect(throws: DecodingError.self) { try decode(text) }
    }
  }

  @Test func writeRequestsUseTheBatchShape() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let put = String(decoding: try encoder.encode(DynamoDBWriteRequest.put(["token": "a"])), as: UTF8.self)
    let delete = String(decoding: try encoder.encode(DynamoDBWriteRequest.delete(key: ["token": "a"])), as: UTF8.self)
    #expect(put == #"{"PutRequest":{"Item":{"token":{"S":"a"}}}}"#)
    #expect(delete == #"{"DeleteRequest":{"Key":{"token":{"S":"a"}}}}"#)
    #expect(try JSONDecoder().decode(DynamoDBWriteRequest.self, from: Data(delete.utf8)) == .delete(key: ["token": "a"]))
  }
}
