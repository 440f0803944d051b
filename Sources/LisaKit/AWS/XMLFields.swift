/// Reads the text of named elements from the small, flat XML documents STS and other Query-protocol
/// services return. Not a general XML parser: no CDATA, no namespaces-by-prefix, no attributes.
enum XMLFields {
  /// The decoded text of the first `<name>…</name>` in `xml`, or nil.
  static func first(_ name: String, in xml: String) -> String? {
    element(name, in: xml).map(decodeEntities)
  }

  /// The raw inner XML of every `<name>…</name>` that follows the one before it, in order (`<member>` lists).
  static func all(_ name: String, in xml: String) -> [String] {
    var found: [String] = []
    var rest = Substring(xml)
    while let inner = element(name, in: String(rest)), let end = rest.range(of: inner + "</\(name)>") {
      found.append(inner)
      rest = rest[end.upperBound...]
    }
    return found
  }

  /// The raw inner XML of the first `<name>…</name>` (or `<name attr="…">…</name>`).
  static func element(_ name: String, in xml: String) -> String? {
    var searchStart = xml.startIndex
    while let open = xml.range(of: "<\(name)", range: searchStart..<xml.endIndex) {
      guard let close = xml.range(of: ">", range: open.upperBound..<xml.endIndex) else { return nil }
      let between = xml[open.upperBound..<close.lowerBound]
      // "<Code" must not match "<CodeName>": the tag name ends at ">", "/" or white space.
      if let next = between.first, next != " " && next != "/" && next != "\t" && next != "\n" {
        searchStart = close.upperBound
        continue
      }
      if between.hasSuffix("/") { return "" }
      guard let end = xml.range(of: "</\(name)>", range: close.upperBound..<xml.endIndex) else { return nil }
      return String(xml[close.upperBound..<end.lowerBound])
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
