import ArgumentParser
import Foundation
import LisaKit

/// `--store`, shared by every `lisa keys` verb that works on one store.
struct KeyStoreOptions: ParsableArguments {
  @Option(
    name: .customLong("store"),
    help: ArgumentHelp(
      """
      Where the keys live: api (LISA's token API, v6.1+; the default when the API URL is found: --api-url, \
      LISA_API_URL or SSM), file:PATH (a llama-gguf-inference keys file, as key_mgmt.py writes it), or table[:NAME] \
      (LISA's DynamoDB token table; default: the deployment's, from SSM or its config).
      """,
      valueName: "store"))
  var store: String?
}

extension Session {
  /// Opens the store `--store` names; without it, the api store when the deployment's API URL is found.
  func openKeyStore(_ options: KeyStoreOptions) async throws -> any KeyStore {
    guard let text = options.store else { return try await defaultKeyStore() }
    switch try KeyStoreAddress.parse(text) {
    case .file(let path):
      let resolved = context.resolve(path)
      detail("keys: store file:\(path) is \(resolved)")
      return KeyFileStore(path: resolved, displayName: path, now: context.now, zone: keyTimeZone, trace: detailSink)
    case .table(let name):
      let config = try loadConfigIfPresent()
      return try await TableKeyStore.open(name: name, config: config, clients: try awsClients(config: config), trace: detailSink)
    case .api:
      return try await apiKeyStore()
    }
  }

  private func apiKeyStore(endpoint: LisaAPIEndpoint? = nil) async throws -> APIKeyStore {
    let config = try loadConfigIfPresent()
    let client = try await lisaAPI(endpoint: endpoint)
    return APIKeyStore(client: client, adminGroup: config?.adminGroup, now: context.now, trace: detailSink)
  }

  /// The api store when an API URL resolves; otherwise which stores there are, and why api is not the default.
  private func defaultKeyStore() async throws -> any KeyStore {
    let deployment = globals.deployment
    var endpoint = try LisaAPIDiscovery.configuredEndpoint(flag: deployment.apiURL, environment: context.environment)
    if endpoint == nil {
      do {
        endpoint = try await lisaAPIEndpoint()
      } catch let error as LisaError {
        throw LisaError.usage(
          "no key store given, and no LISA API URL to default to (\(error.message))",
          hint: "pass --store api with --api-url or LISA_API_URL, --store file:PATH or --store table[:NAME]")
      }
    }
    guard let endpoint else { throw LisaError(.failure, "the LISA API could not be found") }
    detail("keys: no --store, so the api store at \(endpoint.url.absoluteString)")
    return try await apiKeyStore(endpoint: endpoint)
  }

  /// The zone key files' naive times are in: `TZ` from the environment, else the system's.
  var keyTimeZone: TimeZone { KeyFileTime.timeZone(environment: context.environment) }

  /// Refuses an option the store has no place for, naming what it does support.
  func require(_ capability: KeyStoreCapabilities, option: String, in store: any KeyStore) throws {
    guard !store.capabilities.contains(capability) else { return }
    if let refusal = store.refusal(of: capability, option: option) { throw refusal }
    let supported = [
      (KeyStoreCapabilities.expiry, "--expires"), (.rateLimit, "--rate-limit"), (.groups, "--groups"), (.admin, "--admin"),
      (.systemKeys, "--system"), (.users, "--user"), (.keepOld, "--keep-old"),
    ]
    .filter { store.capabilities.contains($0.0) }.map(\.1)
    throw LisaError.usage(
      "\(option) is not available for the \(store.kind) store \(store.label)",
      hint: supported.isEmpty ? nil : "it supports \(supported.joined(separator: ", "))")
  }

  /// Prints a new secret once. On a terminal a sentence; otherwise only the secret on stdout so a
  /// redirect captures exactly the key, with everything else on stderr.
  func emitIssued(_ issued: IssuedKey, verb: String, store: any KeyStore) throws {
    let format = try format(default: .table, allowed: [.table, .value, .json, .yaml])
    let record = issued.record
    switch format {
    case .json, .yaml:
      let view = record.json(at: context.now(), capabilities: store.capabilities, secret: issued.secret)
      output(renderer.object(view, format: format))
    case .table where terminal.isStdoutTTY:
      output(
        "\(verb.capitalized) key '\(record.name)' in \(store.label)\(attributes(record)). Its secret is shown only this once:\n\n"
      )
      output("  \(issued.secret.reveal())\n\n")
    default:
      output(issued.secret.reveal() + "\n")
      if format == .table { info("\(verb) key '\(record.name)' in \(store.label)\(attributes(record))") }
    }
    if store is KeyFileStore { info("hint: the gateway reads the key file again on SIGHUP or POST /reload") }
    if let incomplete = issued.incomplete { throw incomplete }
  }

  /// A time for people: local, to the second (`2026-12-22T13:49:41`).
  func localTime(_ date: Date) -> String { String(KeyFileTime.naive(date, zone: keyTimeZone).prefix(19)) }

  /// ` (id …, user alice, groups a,b, system, rate limit 120/min, expires 2026-12-22T13:49:41)` or nothing.
  func attributes(_ record: KeyRecord) -> String {
    var parts: [String] = []
    if record.id != record.name { parts.append("id \(record.id)") }
    if let user = record.user { parts.append("user \(user)") }
    if !record.groups.isEmpty { parts.append("groups \(record.groups.joined(separator: ","))") }
    if record.isSystem { parts.append("system") }
    if let rateLimit = record.rateLimit { parts.append("rate limit \(rateLimit)/min") }
    if let expiresAt = record.expiresAt { parts.append("expires \(localTime(expiresAt))") }
    return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
  }
}
