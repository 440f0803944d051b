/// Reads the text of named elements from the small, flat XML documents STS and other Query-protocol
/// services return. Not a general XML parser: no CDATA, no namespaces-by-prefix, no attributes.
enum XMLFields {
  /// The decoded text of the first `<name>…</name>` in `xml`, or nil.
  static func first(_ name: String, in xml: String) -> String? {
    element(name, in: xml).map(decodeEntities)
  }

  /// The raw inner XML of every `<name>…</name>`, in order (`<member>` lists); nested elements of the same name
  /// are not told apart.
  static func all(_ name: String, in xml: String) -> [String] {
    var found: [String] = []
    var from = xml.startIndex
    while let (inner, end) = scan(name, in: xml, from: from) {
      found.append(String(xml[inner]))
      from = end
    }
    return found
  }

  /// The raw inner XML of the first `<name>…</name>` (or `<name attr="…">…</name>`).
  static func element(_ name: String, in xml: String) -> String? {
    scan(name, in: xml, from: xml.startIndex).map { String(xml[$0.inner]) }
  }

  /// Where the first `<name>…</name>` at or after `from` has its inner XML, and where the element ends.
  private static func scan(_ name: String, in xml: String, from: String.Index) -> (inner: Range<String.Index>, end: String.Index)?
  {
    var searchStart = from
    while let open = xml.range(of: "<\(name)", range: searchStart..<xml.endIndex) {
      guard let close = xml.range(of: ">", range: open.upperBound..<xml.endIndex) else { return nil }
      let between = xml[open.upperBound..<close.lowerBound]
      // "<Code" must not match "<CodeName>": the tag name ends at ">", "/" or white space.
      if let next = between.first, next != " " && next != "/" && next != "\t" && next != "\n" {
        searchStart = close.upperBound
        continue
      }
      if between.hasSuffix("/") { return (close.upperBound..<close.upperBound, close.upperBound) }
      guard let end = xml.range(of: "</\(name)>", range: close.upperBound..<xml.endIndex) else { return nil }
      return (close.upperBound..<end.lowerBound, end.upperBound)
    }
    return nil
  }

  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
        continue
      }
      let entity = rest[rest.index(after: amp)..<semi]
      if let decoded = decode(entity) {
        out += decoded
      } else {
        out += rest[amp...semi]
      }
      rest = rest[rest.index(after: semi)...]
    }
    return out + rest
  }

  private static func decode(_ entity: Substring) -> String? {
    switch entity {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    default:
      guard entity.hasPrefix("#") else { return nil }
      let digits = entity.dropFirst()
      let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
  }
}
