/// Lower-case hex of bytes, and the digits SigV4's percent-encoding uses. Hashes are hexed for every token and
/// every signed request (tens of thousands in a migration); String(format: "%02x") per byte was a fifth of
/// `keys migrate`'s CPU on Linux.
public enum Hex {
  static let lowerDigits = Array("0123456789abcdef".utf8)
  static let upperDigits = Array("0123456789ABCDEF".utf8)

  public static func lower<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    encode(bytes, digits: lowerDigits)
  }

  /// The two digits of one byte, appended to `out`.
  static func append(_ byte: UInt8, digits: [UInt8], to out: inout [UInt8]) {
    out.append(digits[Int(byte >> 4)])
    out.append(digits[Int(byte & 0x0f)])
  }

  private static func encode<Bytes: Sequence>(_ bytes: Bytes, digits: [UInt8]) -> String where Bytes.Element == UInt8 {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.underestimatedCount * 2)
    for byte in bytes { append(byte, digits: digits, to: &out) }
    return String(decoding: out, as: UTF8.self)
  }
}
