import Foundation

/// An order-preserving YAML tree that keeps each scalar's source text and style, where it came
/// from, and the comments that belong to it. Yams' `Node` is converted into this once at load time.
public indirect enum YAMLNode: Sendable, Equatable {
  case scalar(YAMLScalar)
  case sequence(YAMLSequence)
  case mapping(YAMLMapping)

  public var location: SourceLocation? {
    switch self {
    case .scalar(let s): s.location
    case .sequence(let s): s.location
    case .mapping(let m): m.location
    }
  }

  public var mapping: YAMLMapping? {
    if case .mapping(let m) = self { return m }
    return nil
  }

  public var sequence: YAMLSequence? {
    if case .sequence(let s) = self { return s }
    return nil
  }

  public var scalar: YAMLScalar? {
    if case .scalar(let s) = self { return s }
    return nil
  }

  public var isNull: Bool { scalar?.resolved == .null }

  /// What a reader sees: "a mapping", "a string", …; used in error messages.
  public var kindDescription: String {
    switch self {
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .scalar(let s): s.resolved.kindDescription
    }
  }

  /// Equality of meaning, not of spelling or position: `512` equals `512`, `"512"` does not.
  public func sameValue(as other: YAMLNode) -> Bool {
    switch (self, other) {
    case (.scalar(let a), .scalar(let b)): return a.resolved == b.resolved
    case (.sequence(let a), .sequence(let b)):
      return a.items.count == b.items.count && zip(a.items, b.items).allSatisfy { $0.value.sameValue(as: $1.value) }
    case (.mapping(let a), .mapping(let b)):
      guard a.entries.count == b.entries.count else { return false }
      return a.entries.allSatisfy { entry in b[entry.key].map { entry.value.sameValue(as: $0) } ?? false }
    default: return false
    }
  }

  /// Follows a dotted path (`authConfig.adminGroup`, `ragRepositories.0.type`).
  public func lookup(_ path: [String]) -> YAMLNode? {
    guard let first = path.first else { return self }
    switch self {
    case .mapping(let m): return m[first]?.lookup(Array(path.dropFirst()))
    case .sequence(let s):
      guard let index = Int(first), s.items.indices.contains(index) else { return nil }
      return s.items[index].value.lookup(Array(path.dropFirst()))
    case .scalar: return nil
    }
  }
}

/// A comment line attached to an entry or item, with the column its `#` had in the source.
public struct YAMLComment: Sendable, Equatable {
  public var column: Int
  public var text: String
  public init(column: Int, text: String) {
    self.column = column
    self.text = text
  }
}

/// Comments that travel with a mapping entry or sequence item when the tree is rewritten.
public struct YAMLComments: Sendable, Equatable {
  /// Comment lines directly above, in source order.
  public var leading: [YAMLComment] = []
  /// The comment at the end of the entry's first line.
  public var trailing: String?
  /// Comment lines after the last entry of the document that ended with this one.
  public var footer: [YAMLComment] = []
  /// The source column of the key or `-`, to re-indent comments by the same amount.
  public var anchorColumn: Int = 1

  public init() {}
  public var isEmpty: Bool { leading.isEmpty && trailing == nil && footer.isEmpty }
}

public struct YAMLScalar: Sendable, Equatable {
  public enum Style: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  public var text: String
  public var style: Style
  public var location: SourceLocation?

  public init(_ text: String, style: Style = .plain, location: SourceLocation? = nil) {
    self.text = text
    self.style = style
    self.location = location
  }

  /// A string value, written plain when that reads back as the same string, quoted otherwise.
  public static func string(_ text: String, location: SourceLocation? = nil) -> YAMLScalar {
    YAMLScalar(text, style: ScalarResolver.isSafePlain(text) ? .plain : .doubleQuoted, location: location)
  }

  public static let null = YAMLScalar("", style: .plain)

  /// The value as LISA's YAML reader (js-yaml, YAML 1.2 core schema) understands it.
  public var resolved: ResolvedScalar {
    style == .plain ? ScalarResolver.resolve(text) : .string(text)
  }

  public static func == (lhs: YAMLScalar, rhs: YAMLScalar) -> Bool {
    lhs.text == rhs.text && lhs.style == rhs.style
  }
}

public struct YAMLSequence: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    public var value: YAMLNode
    public var comments = YAMLComments()
    public init(_ value: YAMLNode, comments: YAMLComments = YAMLComments()) {
      self.value = value
      self.comments = comments
    }
  }

  public var items: [Item]
  public var flow: Bool
  public var location: SourceLocation?

  public init(_ values: [YAMLNode] = [], flow: Bool = false, location: SourceLocation? = nil) {
    self.items = values.map { Item($0) }
    self.flow = flow
    self.location = location
  }

  public static func == (lhs: YAMLSequence, rhs: YAMLSequence) -> Bool {
    lhs.items.map(\.value) == rhs.items.map(\.value)
  }
}

public struct YAMLMapping: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation?
    public var value: YAMLNode
    public var comments = YAMLComments()

    public init(key: String, value: YAMLNode, keyLocation: SourceLocation? = nil, comments: YAMLComments = YAMLComments()) {
      self.key = key
      self.value = value
      self.keyLocation = keyLocation
      self.comments = comments
    }

    public static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.key == rhs.key && lhs.value == rhs.value }
  }

  public var entries: [Entry]
  public var flow: Bool
  public var location: SourceLocation?

  public init(_ entries: [Entry] = [], flow: Bool = false, location: SourceLocation? = nil) {
    self.entries = entries
    self.flow = flow
    self.location = location
  }

  public var keys: [String] { entries.map(\.key) }

  public func index(of key: String) -> Int? { entries.firstIndex { $0.key == key } }

  public func entry(_ key: String) -> Entry? { index(of: key).map { entries[$0] } }

  /// Setting keeps an existing key's place and its comments; a new key goes at the end.
  public subscript(key: String) -> YAMLNode? {
    get { index(of: key).map { entries[$0].value } }
    set {
      if let i = index(of: key) {
        if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
      } else if let newValue {
        entries.append(Entry(key: key, value: newValue))
      }
    }
  }

  @discardableResult
  public mutating func remove(_ key: String) -> Entry? {
    guard let i = index(of: key) else { return nil }
    return entries.remove(at: i)
  }

  public static func == (lhs: YAMLMapping, rhs: YAMLMapping) -> Bool { lhs.entries == rhs.entries }
}
