import LisaKit

func yaml(_ text: String, file: String = "test.yaml", comments: Bool = false) throws -> YAMLNode {
  try YAMLLoader.parse(text: text, file: file, keepComments: comments)
}

func emit(_ node: YAMLNode, comments: Bool = true) -> String {
  YAMLEmitter(includeComments: comments).emit(node)
}
