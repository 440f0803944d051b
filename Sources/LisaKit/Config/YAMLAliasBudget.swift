import CYaml
import Foundation

/// A YAML file's aliases checked before anything is built from it. An alias stands for a copy of the
/// node its anchor names, so a 411-byte "billion laughs" file (nine aliases per level, nine levels)
/// means 387 million nodes to whoever walks the tree. One pass over libyaml's events measures each
/// anchored node once (its node count and depth) and refuses the file at the first alias that would
/// take the copies past `maxAliasedNodes` or the nesting past `maxDepth`. Linear in the file's size.
enum YAMLAliasBudget {
  /// Nodes that aliases may add in total; a LISA config uses a handful.
  static let maxAliasedNodes = 100_000

  private struct Open {
    var anchor: String?
    var size = 1
    var depth = 1
  }

  /// Throws at the offending alias; leaves syntax errors to the real parse that follows.
  static func check(_ text: String, file: String, maxDepth: Int) throws {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return }
    defer { yaml_parser_delete(&parser) }
    var bytes = Array(text.utf8)
    try bytes.withUnsafeMutableBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var anchors: [String: (size: Int, depth: Int)] = [:]
      var stack: [Open] = []
      var aliased = 0
      func close(size: Int, depth: Int, anchor: String?) {
        if let anchor { anchors[anchor] = (size, depth) }
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].size += size
        stack[stack.count - 1].depth = max(stack[stack.count - 1].depth, depth + 1)
      }
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return }
        defer { yaml_event_delete(&event) }
        let mark = SourceLocation(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return
        case YAML_SCALAR_EVENT:
          close(size: 1, depth: 1, anchor: name(event.data.scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
          stack.append(Open(anchor: name(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
          stack.append(Open(anchor: name(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          guard let done = stack.popLast() else { return }
          close(size: done.size, depth: done.depth, anchor: done.anchor)
        case YAML_ALIAS_EVENT:
          guard let alias = name(event.data.alias.anchor), let target = anchors[alias] else { return }
          aliased += target.size
          if aliased > maxAliasedNodes {
            throw LisaError(
              .dataError,
              "alias *\(alias) takes the copies that aliases make past \(maxAliasedNodes) nodes (an alias bomb?)",
              at: mark)
          }
          if stack.count + target.depth > maxDepth {
            throw LisaError(.dataError, "alias *\(alias) nests the document deeper than \(maxDepth) levels", at: mark)
          }
          close(size: target.size, depth: target.depth, anchor: nil)
        default:
          continue
        }
      }
    }
  }

  private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }
}
