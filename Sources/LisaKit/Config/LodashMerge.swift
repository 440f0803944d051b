import Foundation

/// `_.merge(object, source)` from lodash, which LISA uses to lay `config-custom.yaml` over
/// `config-base.yaml`: mappings merge key by key (base order kept, new keys appended), lists merge
/// index by index (a shorter source list leaves the object's trailing items), and any scalar in the
/// source, YAML null included, replaces what was there.
public enum LodashMerge {
  public static func merge(_ object: YAMLNode?, _ source: YAMLNode) -> YAMLNode {
    switch source {
    case .scalar:
      return source
    case .mapping(let src):
      switch object {
      case .mapping(var target)?:
        // Problems with the merged mapping (a missing key, say) belong to the file that set it last.
        target.location = src.location ?? target.location
        // Positions by key, so a mapping of many keys merges in linear time.
        var positions = Dictionary(target.entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in src.entries {
          if let i = positions[entry.key] {
            target.entries[i].value = merge(target.entries[i].value, entry.value)
          } else {
            positions[entry.key] = target.entries.count
            target.entries.append(copying(entry, value: merge(nil, entry.value)))
          }
        }
        return .mapping(target)
      case .sequence(var target)?:
        // lodash merges an object into an array in place; only index-like keys land as items.
        for entry in src.entries {
          guard let i = Int(entry.key), i >= 0, String(i) == entry.key else { continue }
          assign(&target, at: i, merge(target.items.indices.contains(i) ? target.items[i].value : nil, entry.value))
        }
        return .sequence(target)
      default:
        return merge(.mapping(YAMLMapping(flow: src.flow, location: src.location)), source)
      }
    case .sequence(let src):
      var target: YAMLSequence
      if case .sequence(let existing)? = object {
        target = existing
      } else {
        target = YAMLSequence(flow: src.flow, location: src.location)
      }
      for (i, item) in src.items.enumerated() {
        assign(&target, at: i, merge(target.items.indices.contains(i) ? target.items[i].value : nil, item.value))
      }
      return .sequence(target)
    }
  }

  private static func copying(_ entry: YAMLMapping.Entry, value: YAMLNode) -> YAMLMapping.Entry {
    var copy = entry
    copy.value = value
    return copy
  }

  private static func assign(_ sequence: inout YAMLSequence, at index: Int, _ value: YAMLNode) {
    while sequence.items.count < index { sequence.items.append(YAMLSequence.Item(.scalar(.null))) }
    if index < sequence.items.count {
      sequence.items[index].value = value
    } else {
      sequence.items.append(YAMLSequence.Item(value))
    }
  }
}
