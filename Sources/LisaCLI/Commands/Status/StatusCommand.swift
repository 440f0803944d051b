import ArgumentParser
import Foundation
import LisaKit

struct StatusCommand: LisaCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show on one screen whether the deployment's API, Serve endpoint, LiteLLM, models, RAG and tokens are up.",
    discussion: """
      Parts, each checked at once and each within its own --part-timeout (finding its URL included): api (LISA's REST \
      API answers GET /models with the credential, and which credential that is); serve (the Serve container's \
      GET /health at SSM <deploymentPrefix>/lisaServeRestApiUri, or --serve-url); litellm (LiteLLM behind LISA's \
      /v2/serve passthrough: /health/readiness with its version, /health/liveness or else the older \
      /health/liveliness); models (LISA's models by status, and InService models missing from LiteLLM's \
      /v2/serve/models); rag (GET /repository by status); tokens (the deployment's token table: active, expiring \
      within 7 days, expired, legacy; needs AWS access).

      --litellm-url checks a LiteLLM proxy without LISA: litellm and models at its root, the other parts skipped; \
      the key from LISA_API_TOKEN or --token-file is sent when one is given.

      A part is up, DOWN (answered badly, refused the credential, unreachable, failed models or repositories), \
      unknown (no answer in time, or nothing to check it with) or skipped. -o json prints {format, checkedAt, \
      state, parts: [{name, state, summary, …}]}. --watch redraws every --interval seconds on a terminal.

      Exit codes: 0 every part up or skipped; 3 none down, but some unknown; 69 a part is down; 64 bad options.
      """
  )

  @Option(name: .customLong("litellm-url"), help: "Check this LiteLLM proxy instead of a LISA deployment.")
  var litellmURL: String?

  @Option(name: .customLong("serve-url"), help: "LISA's Serve endpoint (default: SSM <deploymentPrefix>/lisaServeRestApiUri).")
  var serveURL: String?

  @Option(
    name: .customLong("part-timeout"), help: "Seconds each part may take (default: 10; --timeout bounds the whole command).")
  var timeout: Double = 10

  @Flag(name: .customLong("watch"), help: "Redraw until interrupted (terminal only).")
  var watch = false

  @Option(name: .customLong("interval"), help: "Seconds between redraws with --watch (default: 5).")
  var interval: Double = 5

  @OptionGroup var globals: GlobalOptions

  func validate() throws {
    guard timeout > 0, timeout <= 300 else { throw ValidationError("--part-timeout must be between 0 and 300 seconds") }
    guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second") }
    if litellmURL != nil, serveURL != nil { throw ValidationError("'--litellm-url' and '--serve-url' cannot be used together") }
  }

  func run(_ session: Session) async throws {
    let format = try session.format(default: .table, allowed: [.table, .json, .yaml])
    if watch, !(session.terminal.isStdoutTTY && format == .table) {
      throw LisaError.usage("--watch redraws a terminal; without one run lisa status repeatedly (its exit code tells)")
    }
    let checker = StatusChecker(sources: try sources(session))
    while true {
      let report = await checker.check()
      if watch { session.output("\u{1B}[H\u{1B}[2J") }
      switch format {
      case .table: session.output(StatusScreen(color: session.terminal.colorOnStdout).render(report))
      default: session.output(session.renderer.object(report.json, format: format))
      }
      guard watch else {
        if let problem = report.problem { throw problem }
        return
      }
      try await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
    }
  }

  func sources(_ session: Session) throws -> StatusSources {
    let box = StatusSession(session)
    let transport = session.context.transport
    let timeout = timeout
    if let litellmURL {
      let credential = try LisaAPIDiscovery.configuredCredential(
        context: session.context, tokenFile: session.globals.deployment.tokenFile)
      let url =
        try credential == nil ? Self.plainURL(litellmURL) : LisaAPIDiscovery.endpoint(litellmURL, source: "--litellm-url").url
      let probe = ServeProbe(target: .litellm(url), credential: credential, transport: transport, timeout: timeout)
      return StatusSources(api: nil, serve: { _ in probe }, tokens: nil, now: session.context.now, timeout: timeout)
    }
    let flagged = try serveURL.map { try LisaAPIDiscovery.endpoint($0, source: "--serve-url") }
    return StatusSources(
      api: { try await box.session.lisaAPI() },
      serve: { credential in
        var endpoint = flagged
        if endpoint == nil { endpoint = try await box.serveEndpoint() }
        guard let endpoint else { throw LisaError(.failure, "the Serve endpoint could not be found") }
        return ServeProbe(target: .lisaServe(endpoint.url), credential: credential, transport: transport, timeout: timeout)
      },
      tokens: { try await box.tokenStore() }, now: session.context.now, timeout: timeout)
  }

  /// A LiteLLM URL that no credential is sent to: plain http is fine anywhere (a proxy inside a VPC).
  static func plainURL(_ text: String) throws -> URL {
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
      url.host?.isEmpty == false
    else { throw LisaError.usage("--litellm-url: '\(text)' is not an http(s) URL", hint: "e.g. http://litellm.internal:4000") }
    return url
  }
}

/// The session, for parts that find their sources while other parts run; it holds only values fixed
/// when the command line was parsed.
private struct StatusSession: @unchecked Sendable {
  let session: Session
  init(_ session: Session) { self.session = session }

  /// SSM `${deploymentPrefix}/lisaServeRestApiUri`.
  func serveEndpoint() async throws -> LisaAPIEndpoint {
    let config = try session.loadConfigIfPresent()
    let names = DerivedNames(config: config?.mapping ?? YAMLMapping())
    let parameter = names.value(group: "ssmParameters", key: "serveRestApiUri") ?? "\(names.deploymentPrefix)/lisaServeRestApiUri"
    let value = try await session.awsClients(config: config).ssm().getParameter(parameter).value
    return try LisaAPIDiscovery.endpoint(
      value.trimmingCharacters(in: .whitespacesAndNewlines), source: "SSM parameter \(parameter)")
  }

  func tokenStore() async throws -> any KeyStore {
    let config = try session.loadConfigIfPresent()
    return try await TableKeyStore.open(
      name: nil, config: config, clients: try session.awsClients(config: config), trace: session.detailSink)
  }
}
