import Foundation

/// A token as LISA's `GET /api-tokens` shows it. LISA lists a legacy item with the placeholder id "—"
/// and its plaintext as `name`; the record masks it and uses the table store's `legacy-…` id, and the
/// plaintext is kept only because LISA's DELETE finds legacy items by it.
public struct APITokenEntry: Sendable {
  public var record: KeyRecord
  let legacyKey: KeySecret?

  init(tokenInfo info: JSONValue) throws {
    guard let uuid = info["tokenUUID"]?.stringValue, let name = info["name"]?.stringValue else {
      throw LisaError(.failure, "GET /api-tokens answered with a token that has no tokenUUID or name")
    }
    let expiresAt = info["tokenExpiration"]?.intValue.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    if info["isLegacy"]?.boolValue == true || uuid.isEmpty || uuid == Self.legacyPlaceholder {
      legacyKey = KeySecret(name)
      record = KeyRecord(
        id: TokenTableItems.legacyID(forKey: name), name: LisaToken.legacyLabel(name), expiresAt: expiresAt, isLegacy: true)
      return
    }
    legacyKey = nil
    let createdAt = info["createdDate"]?.intValue.flatMap { $0 > 0 ? Date(timeIntervalSince1970: TimeInterval($0)) : nil }
    record = KeyRecord(
      id: uuid, name: name, user: info["username"]?.stringValue,
      groups: info["groups"]?.arrayItems?.compactMap(\.stringValue) ?? [],
      isSystem: info["isSystemToken"]?.boolValue ?? false, expiresAt: expiresAt, createdAt: createdAt,
      createdBy: info["createdBy"]?.stringValue)
  }

  /// What LISA's list puts in `tokenUUID` for an item that has none.
  static let legacyPlaceholder = "—"
}

/// A token to create: for `user` through the admin route, or for the caller when `user` is nil.
struct NewAPIToken: Sendable {
  var name: String
  var user: String?
  var groups: [String]
  var system: Bool
  /// Nil leaves LISA's default (90 days from the server's now).
  var expiresAt: Date?

  var path: [String] { ["api-tokens"] + (user.map { [$0] } ?? []) }

  /// `CreateTokenAdminRequest` or `CreateTokenUserRequest`.
  var body: JSONValue {
    var fields: [(String, JSONValue)] = [("name", .string(name))]
    if let expiresAt { fields.append(("tokenExpiration", .int(Int(expiresAt.timeIntervalSince1970)))) }
    if user != nil {
      fields.append(("groups", .array(groups.map { .string($0) })))
      fields.append(("isSystemToken", .bool(system)))
    }
    return .object(fields)
  }
}

/// LISA's `/api-tokens` routes (docs/lisa/tokens.md#routes) over `LisaAPIClient`. GET and DELETE by UUID are not
/// trusted to find a token (they read one table item before filtering), so callers list first.
struct LisaTokenAPI: Sendable {
  let client: LisaAPIClient

  /// Every token for an admin, the caller's own otherwise; legacy items included. One page: LISA does
  /// not paginate this route.
  func list() async throws -> [APITokenEntry] {
    let items = try await client.collect(APIRequest(.get, ["api-tokens"], resource: "API tokens"), paging: .single("tokens"))
    return try items.map(APITokenEntry.init(tokenInfo:))
  }

  /// Creates the token and returns it with its secret. `known` are the ids listed before: after an
  /// unclear failure a token that was not among them shows the POST went through, but its secret is lost.
  func create(_ token: NewAPIToken, known: Set<String>) async throws -> IssuedKey {
    let api = self
    var request = APIRequest(
      .post, token.path, body: token.body, resource: "token '\(token.name)'",
      tookEffect: {
        let made = try await api.list().first { entry in
          !known.contains(entry.record.id) && entry.record.name == token.name
            && (token.user.map { entry.record.user == $0 } ?? true)
        }
        guard let made else { return false }
        throw LisaError(
          .partial,
          "POST /\(token.path.joined(separator: "/")) failed without a clear answer, yet token '\(token.name)' "
            + "(id \(made.record.id)) was created; its secret was lost on the way",
          hint: "revoke it with 'lisa keys revoke \(made.record.id) --store api' and create it again")
      })
    // LISA v6.3+ answers its own refusals of these with its generic 500 (docs/lisa/models-api.md#tokens).
    request.serverErrorHint =
      token.user == nil
      ? "LISA answers this 500 to a caller that is neither an admin nor in its API group (authConfig.apiGroup); "
        + "if \(client.credential) is neither, ask an admin to create the token with --user"
      : "LISA answers this 500 to a caller that is not an admin creating a token for another user; "
        + "use an admin credential (the management key or a token with the admin group)"
    let response = try await client.send(request, accepting: [400, 401, 403])
    guard response.status == 200 || response.status == 201 else { throw refusal(response, request: request, token: token) }
    let answer = response.json
    guard let secret = answer["token"]?.stringValue, !secret.isEmpty, answer["tokenUUID"]?.stringValue != nil else {
      throw LisaError(.failure, "\(request.summary) answered without the new token or its tokenUUID")
    }
    var record = try APITokenEntry(tokenInfo: answer.setting("isLegacy", .bool(false))).record
    // LISA's answer has no createdBy; only a token for the caller is known to be the caller's own doing.
    record.createdBy = token.user == nil ? record.user : nil
    return IssuedKey(record: record, secret: KeySecret(secret))
  }

  /// `DELETE /api-tokens/{tokenUUID}`, or for a legacy item its plaintext, which LISA looks up as the
  /// table key; the trace and errors then show the masked name instead.
  func delete(_ entry: APITokenEntry) async throws {
    var request = APIRequest(
      .delete, ["api-tokens", entry.legacyKey?.reveal() ?? entry.record.id], resource: "token \(entry.record.id)",
      tookEffect: { [self] in
        let remaining = try await list()
        return !remaining.contains { $0.record.id == entry.record.id }
      })
    if entry.legacyKey != nil {
      request.shownPath = ["api-tokens", entry.record.name]
      request.serverErrorHint = "LISA answers this 500 to a caller that is not an admin deleting a legacy token"
    }
    _ = try await client.send(request)
  }

  /// LISA's refusals of a create, said in terms of what the user can do about them (401 and 403 are what
  /// LISA v6.1 and v6.2 answered where later versions answer 500).
  private func refusal(_ response: APIResponse, request: APIRequest, token: NewAPIToken) -> LisaError {
    let message = APIErrorMapper.serverMessage(response.body) ?? ""
    let owner = token.user.map { "user '\($0)'" } ?? "the caller (\(client.credential))"
    switch response.status {
    case 400 where message.lowercased().contains("already"):
      return LisaError(
        .conflict, "\(owner) already has a token, and LISA allows one per user (\(request.summary): \(message))",
        hint: token.user == nil
          ? "revoke your token first ('lisa keys list --store api' shows it), or have an admin create a system token"
          : "rotate or revoke that token, or pass --system for an additional system token")
    case 401 where message.contains("Only admins"):
      return LisaError(
        .auth, "only admins may create a token for another user, and LISA does not take \(client.credential) as one",
        hint: "use an admin credential (the management key or a token with the admin group), or leave out --user")
    case 403 where message.contains("API group"):
      return LisaError(
        .auth,
        "LISA lets only admins and members of its API group (authConfig.apiGroup) create their own tokens; "
          + "\(client.credential) is neither", hint: "ask an admin to create the token with --user")
    default:
      return client.error(for: response, request: request)
    }
  }
}
