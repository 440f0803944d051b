import ArgumentParser
import Foundation
import LisaKit

/// How tokens are written to the target table.
struct TokenWriteOptions: ParsableArguments {
  @Option(
    name: .customLong("format"),
    help: "Item format to write: auto (v6.1 when the target has the username-index GSI), v6.0 or v6.1.")
  var format: String = "auto"

  @Option(
    name: .customLong("default-expiration"),
    help: "Expiry for tokens that have none, e.g. 90d (LISA v6.1 rejects tokens without one).")
  var defaultExpiration: String?

  @Option(
    name: .customLong("username"), help: "Owner of migrated tokens (default: api-token, the identity LISA v6.0 gave every token)."
  )
  var username = "api-token"

  @Option(name: .customLong("groups"), help: "Comma-separated groups placed in the authorizer context of migrated tokens.")
  var groups: String?

  @Flag(name: .customLong("admin"), help: "Add the config's authConfig.adminGroup to the groups (admin API access).")
  var admin = false

  @Option(name: .customLong("name-prefix"), help: "Prefix of migrated tokens' names; the first 8 hex digits of the hash follow.")
  var namePrefix = "migrated-"

  @Flag(name: .customLong("overwrite"), help: "Replace a different item already stored under a token's key.")
  var overwrite = false

  @Flag(
    name: .customLong("exclusive"),
    help: """
      Nothing else writes the target table during this run (a maintenance window): new items are written 25 per \
      BatchWriteItem after the existence check instead of one conditional PutItem each. Fewer requests; a \
      concurrent writer's item with the same key could be replaced.
      """)
  var exclusive = false

  func validate() throws {
    guard ["auto", "v6.0", "v6.1"].contains(format) else {
      throw ValidationError("'--format' must be auto, v6.0 or v6.1 (got '\(format)')")
    }
  }

  /// These options as command-line words, for messages that name a command to run.
  var commandLine: [String] {
    var words: [String] = format == "auto" ? [] : ["--format", format]
    if let defaultExpiration { words += ["--default-expiration", defaultExpiration] }
    if username != "api-token" { words += ["--username", username] }
    if let groups { words += ["--groups", groups] }
    if admin { words.append("--admin") }
    if namePrefix != "migrated-" { words += ["--name-prefix", namePrefix] }
    if overwrite { words.append("--overwrite") }
    if exclusive { words.append("--exclusive") }
    return words
  }

  /// The format to write: as asked, or read off the target table.
  func targetFormat(for table: DynamoDBTableDescription) -> LisaTokenFormat {
    LisaTokenFormat(rawValue: format) ?? TokenTables.format(of: table)
  }

  func importOptions(
    format: LisaTokenFormat, config: LoadedConfig?, startedAt: Date, createdBy: String, includeExpired: Bool
  ) throws -> TokenImportOptions {
    var groupList = (groups ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    if admin {
      guard let adminGroup = config?.merged.lookup(["authConfig", "adminGroup"])?.scalar?.text, !adminGroup.isEmpty else {
        throw LisaError.usage(
          "--admin needs authConfig.adminGroup in the config", hint: "pass --groups NAME instead, or --config-dir")
      }
      if !groupList.contains(adminGroup) { groupList.append(adminGroup) }
    }
    var options = TokenImportOptions(
      targetFormat: format, runStartedAt: startedAt,
      defaultExpiration: try defaultExpiration.map { try KeyFileTime.duration($0, option: "--default-expiration") },
      includeExpired: includeExpired, username: username, groups: groupList, namePrefix: namePrefix, createdBy: createdBy)
    options.exclusiveTarget = exclusive
    return options
  }
}

/// `keys import` and `keys migrate` leave expired tokens out unless asked; `backup restore` (see
/// `SkipExpiredOption`) brings them back as they were unless asked not to.
struct IncludeExpiredOption: ParsableArguments {
  @Flag(name: .customLong("include-expired"), help: "Also write tokens that have already expired.")
  var includeExpired = false

  var commandLine: [String] { includeExpired ? ["--include-expired"] : [] }
}

struct SkipExpiredOption: ParsableArguments {
  @Flag(name: .customLong("skip-expired"), help: "Leave out tokens that have expired (by default they come back as they were).")
  var skipExpired = false
}

extension Session {
  /// `createdBy` for migrated tokens: the caller's IAM name, as LISA records the creating user.
  func callerName(_ aws: AWSClients) async -> String {
    guard let identity = try? await aws.sts().getCallerIdentity() else { return "lisa-migration" }
    return identity.arn.split(separator: "/").last.map(String.init) ?? "lisa-migration"
  }

  /// The one-line summary on stderr and, with -o json, the full object on stdout.
  func report(summary line: String, json: JSONValue) throws {
    let format = try format(default: .table, allowed: [.table, .json, .yaml])
    info(line)
    if format != .table { output(renderer.object(json, format: format)) }
  }
}
