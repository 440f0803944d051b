import Foundation
import LisaKit
import LisaTestSupport
import Testing

/// HTTPS on loopback with a certificate from a CA made in the test: trusted only through a CA bundle, and
/// reached through a CONNECT proxy named by HTTPS_PROXY unless NO_PROXY names the host.
@Suite(.serialized) struct TLSProxyTransportTests {
  @Test func aPrivateCAIsTrustedOnlyThroughTheCABundle() async throws {
    let authority = try await TestCertificateAuthority()
    defer { authority.remove() }
    let server = try LoopbackScriptServer.https(authority)
    defer { server.stop() }
    let url = try #require(URL(string: "https://127.0.0.1:\(server.port)/models"))
    let error = await #expect(throws: TransportError.self) {
      _ = try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: url), timeout: 10)
    }
    #expect(error?.kind == .certificate)
    #expect(error?.description == "127.0.0.1: its TLS certificate is not trusted (signed by an unknown CA)")
    let response = try await AsyncHTTPTransport().send(
      HTTPRequest(method: "GET", url: url, caBundle: authority.caCertificate), timeout: 10)
    #expect(response.status == 200)
    #expect(String(decoding: response.body, as: UTF8.self).contains("/models"))
  }

  @Test func anUntrustedAPICertificateIsOneLineNamingHostAndFix() async throws {
    let authority = try await TestCertificateAuthority()
    defer { authority.remove() }
    let server = try LoopbackScriptServer.https(authority)
    defer { server.stop() }
    let url = try #require(URL(string: "https://127.0.0.1:\(server.port)"))
    let attempts = RequestCounter()
    let client = LisaAPIClient(
      endpoint: LisaAPIEndpoint(url: url, source: "the test"),
      credential: APICredential(kind: .apiToken, source: "the test", value: "sk-secret"),
      transport: CountingTransport(inner: AsyncHTTPTransport(), count: attempts))
    let error = await #expect(throws: LisaError.self) {
      _ = try await client.json(APIRequest(.get, ["models"], resource: "models"))
    }
    let text = try #require(error?.description)
    #expect(!text.contains("\n"))
    #expect(text.contains("the LISA API at 127.0.0.1: its TLS certificate is not trusted"))
    #expect(text.contains("--api-ca-bundle") && text.contains("LISA_CA_BUNDLE"))
    #expect(attempts.next() == 2, "a certificate failure is not retried")
  }

  @Test func aMissingCABundleIsNamed() async throws {
    let url = try #require(URL(string: "https://127.0.0.1:1/"))
    let error = await #expect(throws: TransportError.self) {
      _ = try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: url, caBundle: "/nonexistent/ca.pem"), timeout: 5)
    }
    #expect(error?.description == "127.0.0.1: CA bundle /nonexistent/ca.pem: cannot read it")
  }

  @Test func httpsProxyIsHonouredAndNoProxyBypassesIt() async throws {
    let authority = try await TestCertificateAuthority()
    defer { authority.remove() }
    let server = try LoopbackScriptServer.https(authority)
    defer { server.stop() }
    let log = authority.directory.appendingPathComponent("proxy.log")
    let proxy = try LoopbackScriptServer.connectProxy(log: log)
    defer { proxy.stop() }
    let url = try #require(URL(string: "https://localhost:\(server.port)/via-proxy"))
    let request = HTTPRequest(method: "GET", url: url, caBundle: authority.caCertificate)

    let proxied = AsyncHTTPTransport(environment: ["HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)"])
    #expect(try await proxied.send(request, timeout: 10).status == 200)
    #expect((try? String(contentsOf: log, encoding: .utf8)) == "CONNECT localhost:\(server.port)\n")

    let bypassed = AsyncHTTPTransport(
      environment: ["https_proxy": "http://127.0.0.1:\(proxy.port)", "NO_PROXY": "example.com, .localhost"])
    #expect(try await bypassed.send(request, timeout: 10).status == 200)
    #expect((try? String(contentsOf: log, encoding: .utf8)) == "CONNECT localhost:\(server.port)\n", "NO_PROXY skipped it")
  }

  @Test func proxyVariablesFollowTheAwsCLIRules() throws {
    let settings = ProxySettings(environment: [
      "HTTPS_PROXY": "http://upper:3128", "https_proxy": "user:p%40ss@lower:8080", "HTTP_PROXY": "plain:3128",
      "no_proxy": "internal.example, 10.0.0.0/8, localhost:9000",
    ])
    let https = try #require(settings.https)
    #expect(https.host == "lower" && https.port == 8080 && https.username == "user" && https.password == "p@ss")
    #expect(settings.proxy(for: try #require(URL(string: "https://dynamodb.us-east-1.amazonaws.com/")))?.host == "lower")
    #expect(settings.proxy(for: try #require(URL(string: "http://169.254.169.254/latest")))?.host == "plain")
    #expect(settings.proxy(for: try #require(URL(string: "https://api.internal.example/x"))) == nil)
    #expect(settings.proxy(for: try #require(URL(string: "https://internal.example/x"))) == nil)
    #expect(settings.proxy(for: try #require(URL(string: "https://notinternal.example/x"))) != nil)
    #expect(settings.proxy(for: try #require(URL(string: "http://10.1.2.3/x"))) == nil)
    #expect(settings.proxy(for: try #require(URL(string: "http://localhost:9000/x"))) == nil)
    #expect(settings.proxy(for: try #require(URL(string: "http://localhost:9001/x"))) != nil)
    #expect(
      ProxySettings(environment: ["NO_PROXY": "*", "HTTPS_PROXY": "p:1"]).proxy(for: try #require(URL(string: "https://a/")))
        == nil)
  }
}

/// Counts the attempts a client makes through the real transport.
struct CountingTransport: HTTPTransport {
  let inner: any HTTPTransport
  let count: RequestCounter
  func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
    _ = count.next()
    return try await inner.send(request, timeout: timeout)
  }
}
