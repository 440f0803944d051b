import LisaKit
import Testing

@Suite struct LodashMergeTests {
  func merged(_ base: String, _ custom: String) throws -> String {
    emit(LodashMerge.merge(try yaml(base), try yaml(custom)), comments: false)
  }

  @Test func nestedMappingsMergeKeyByKeyKeepingBaseOrderAndAppendingNewKeys() throws {
    let result = try merged("a: 1\nb:\n  x: 1\n  y: 2\nc: 3\n", "b:\n  y: 20\n  z: 30\nd: 4\na: 10\n")
    #expect(result == "a: 10\nb:\n  x: 1\n  y: 20\n  z: 30\nc: 3\nd: 4\n")
  }

  @Test func listsMergeIndexByIndex() throws {
    let base = "l:\n  - id: a\n    type: pgvector\n  - id: b\n  - id: c\n"
    let custom = "l:\n  - id: x\n  - name: second\n"
    #expect(try merged(base, custom) == "l:\n  - id: x\n    type: pgvector\n  - id: b\n    name: second\n  - id: c\n")
  }

  @Test func longerCustomListAppends() throws {
    #expect(try merged("l: [1]\n", "l: [7, 8, 9]\n") == "l: [7, 8, 9]\n")
  }

  @Test func yamlNullOverrides() throws {
    #expect(try merged("a: 1\nb:\n  c: 2\n", "a:\nb: ~\n") == "a:\nb: ~\n")
  }

  @Test func mappingReplacesScalarAndScalarReplacesMapping() throws {
    #expect(try merged("a: 1\nb:\n  c: 2\n", "a:\n  x: 1\nb: plain\n") == "a:\n  x: 1\nb: plain\n")
  }

  @Test func listReplacesMappingAndMappingMergesIntoListIndexKeysOnly() throws {
    #expect(try merged("a:\n  x: 1\n", "a: [1, 2]\n") == "a: [1, 2]\n")
    #expect(try merged("a: [1, 2]\n", "a:\n  \"1\": 9\n  other: 3\n") == "a: [1, 9]\n")
  }

  @Test func scalarsKeepTheirSpelling() throws {
    let result = try merged("accountNumber: \"000000000000\"\n", "accountNumber: 012345678901\nversion: 1.10\nflag: yes\n")
    #expect(result == "accountNumber: 012345678901\nversion: 1.10\nflag: yes\n")
  }
}
