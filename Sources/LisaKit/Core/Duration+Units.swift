extension Duration {
  /// Whole milliseconds, for traces and timings.
  public var milliseconds: Int {
    Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
  }

  public var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
