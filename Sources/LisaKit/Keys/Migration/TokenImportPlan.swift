import Foundation

/// What an import would do, for `--dry-run`: counts per source format, what would be written, what
/// skipped and why, and a few examples with their secrets masked. Reads only.
public struct TokenImportPlan: Sendable {
  public struct Example: Sendable {
    public var token: String
    public var format: String
    public var action: String
  }

  public var read = 0
  public var sourceFormats: [String: Int] = [:]
  public var wouldWrite = 0
  /// Of `wouldWrite`, items that replace a different item (only with --overwrite).
  public var wouldOverwrite = 0
  public var skipped: [String: Int] = [:]
  public var examples: [Example] = []

  public init() {}

  /// Adds a batch of source items, looking their target keys up in `table`; decided as the real run
  /// decides (TokenImportDecision), with `overwrite` as the real run would be given it.
  public mutating func add(
    _ items: [DynamoDBItem], options: TokenImportOptions, overwrite: Bool, dynamo: DynamoDBClient, table: String
  ) async throws {
    var planned: [(label: String, format: String, key: String, item: DynamoDBItem)] = []
    for item in items {
      read += 1
      let format = LisaTokenFormat.of(item).rawValue
      sourceFormats[format, default: 0] += 1
      let label = LisaToken.mask(item["token"]?.stringValue ?? "")
      switch options.convert(item) {
      case .skip(let reason):
        skip(reason, label: label, format: format)
      case .write(let converted):
        planned.append((label, format, converted["token"]?.stringValue ?? "", converted))
      }
    }
    let byKey = try await dynamo.batchGet(table: table, attribute: "token", values: planned.map(\.key), consistentRead: false)
    for entry in planned {
      let decision = TokenImportDecision.decide(
        planned: entry.item, current: byKey[entry.key], pendingFromEarlierSession: false, overwrite: overwrite)
      if case .skip(let reason) = decision {
        skip(reason, label: entry.label, format: entry.format)
        continue
      }
      wouldWrite += 1
      if decision == .replace { wouldOverwrite += 1 }
      let action = "\(decision == .replace ? "overwrite" : "write") as \(options.targetFormat.rawValue)"
      let writes = examples.filter { !$0.action.hasPrefix("skip") }
      if writes.count < 3 || (decision == .replace && !writes.contains { $0.action == action }) {
        examples.append(Example(token: entry.label, format: entry.format, action: action))
      }
    }
  }

  /// The plan for importing every token of a backup into `table`.
  public static func of(
    _ records: BackupRecordSequence, options: TokenImportOptions, overwrite: Bool, dynamo: DynamoDBClient, table: String
  ) async throws -> TokenImportPlan {
    var plan = TokenImportPlan()
    var batch: [DynamoDBItem] = []
    for try await record in records {
      batch.append(try TokenBackup.item(from: record))
      if batch.count == 500 {
        try await plan.add(batch, options: options, overwrite: overwrite, dynamo: dynamo, table: table)
        batch.removeAll(keepingCapacity: true)
      }
    }
    try await plan.add(batch, options: options, overwrite: overwrite, dynamo: dynamo, table: table)
    return plan
  }

  /// The plan for migrating every token of the table `source` into `table`, read page by page.
  public static func of(
    table source: String, options: TokenImportOptions, overwrite: Bool, dynamo: DynamoDBClient, into table: String
  ) async throws -> TokenImportPlan {
    var plan = TokenImportPlan()
    for try await page in dynamo.scanPages(try await TokenExporter(dynamo: dynamo, table: source).scanRequest()) {
      try await plan.add(page.items, options: options, overwrite: overwrite, dynamo: dynamo, table: table)
    }
    return plan
  }

  /// Examples: a few writes and one per skip reason, so every kind of outcome shows up once.
  mutating func skip(_ reason: String, label: String, format: String) {
    skipped[reason, default: 0] += 1
    let action = "skip: \(reason)"
    if !examples.contains(where: { $0.action == action }) {
      examples.append(Example(token: label, format: format, action: action))
    }
  }

  public var lines: [String] {
    var lines = [
      "read \(read) tokens (" + sourceFormats.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        + ")"
    ]
    lines.append("would write \(wouldWrite)" + (wouldOverwrite > 0 ? " (\(wouldOverwrite) replacing a different item)" : ""))
    for (reason, count) in skipped.sorted(by: { $0.value > $1.value }) { lines.append("would skip \(count): \(reason)") }
    lines += examples.map { "  e.g. \($0.token) [\($0.format)] → \($0.action)" }
    return lines
  }

  public var json: JSONValue {
    .object([
      ("dryRun", .bool(true)), ("read", .int(read)),
      ("sourceFormats", .object(sourceFormats.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
      ("wouldWrite", .int(wouldWrite)), ("wouldOverwrite", .int(wouldOverwrite)),
      ("wouldSkip", .object(skipped.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
      (
        "examples",
        .array(
          examples.map {
            .object([("token", .string($0.token)), ("format", .string($0.format)), ("action", .string($0.action))])
          })
      ),
    ])
  }
}
