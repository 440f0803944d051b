/// Cases from AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite, Apache-2.0,
/// https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html), as vendored in
/// boto/botocore tests/unit/auth/aws4_testsuite. Each has the suite's request (.req), canonical
/// request (.creq), string to sign (.sts, where kept) and Authorization header (.authz). All use
/// AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, us-east-1, service "service", 20150830T123600Z.
struct SigV4SuiteCase: Sendable, CustomStringConvertible {
  var name: String
  var request: String
  var canonicalRequest: String
  var stringToSign: String?
  var authorization: String
  var sessionToken: String? = nil
  var description: String { name }
}

enum SigV4Suite {
  static let accessKeyID = "AKIDEXAMPLE"
  static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
  static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
  static let credential = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
  static let stsPrefix = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
  static let date = "X-Amz-Date:20150830T123600Z"
  static let stsToken =
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

  static func creq(
    _ method: String, _ path: String, _ query: String, headers: [String], signed: String, payload: String = emptyHash
  )
    -> String
  {
    "\(method)\n\(path)\n\(query)\n" + headers.map { $0 + "\n" }.joined() + "\n\(signed)\n\(payload)"
  }

  static let basicHeaders = ["host:example.amazonaws.com", "x-amz-date:20150830T123600Z"]
  static let formHash = "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"

  static let cases: [SigV4SuiteCase] = [
    SigV4SuiteCase(
      name: "get-vanilla", request: "GET / HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq("GET", "/", "", headers: basicHeaders, signed: "host;x-amz-date"),
      stringToSign: stsPrefix + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
    SigV4SuiteCase(
      name: "get-vanilla-query-order-key-case",
      request: "GET /?Param2=value2&Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq("GET", "/", "Param1=value1&Param2=value2", headers: basicHeaders, signed: "host;x-amz-date"),
      stringToSign: stsPrefix + "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
    SigV4SuiteCase(
      name: "get-vanilla-query-order-value",
      request: "GET /?Param1=value2&Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq("GET", "/", "Param1=value1&Param1=value2", headers: basicHeaders, signed: "host;x-amz-date"),
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
    SigV4SuiteCase(
      name: "get-vanilla-utf8-query", request: "GET /?ሴ=bar HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq("GET", "/", "%E1%88%B4=bar", headers: basicHeaders, signed: "host;x-amz-date"),
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
    SigV4SuiteCase(
      name: "get-vanilla-query-unreserved",
      request:
        "GET /?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq(
        "GET", "/",
        "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        headers: basicHeaders, signed: "host;x-amz-date"),
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
    SigV4SuiteCase(
      name: "get-utf8", request: "GET /ሴ HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq("GET", "/%E1%88%B4", "", headers: basicHeaders, signed: "host;x-amz-date"),
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
    SigV4SuiteCase(
      name: "get-space", request: "GET /example space/ HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq("GET", "/example%20space/", "", headers: basicHeaders, signed: "host;x-amz-date"),
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
    SigV4SuiteCase(
      name: "get-slashes (normalize-path)", request: "GET //example// HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq("GET", "/example/", "", headers: basicHeaders, signed: "host;x-amz-date"),
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
    SigV4SuiteCase(
      name: "get-relative-relative (normalize-path)",
      request: "GET /example1/example2/../.. HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq("GET", "/", "", headers: basicHeaders, signed: "host;x-amz-date"),
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
    SigV4SuiteCase(
      name: "get-header-value-trim",
      request: "GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1: value1\nMy-Header2: \"a   b   c\"\n\(date)",
      canonicalRequest: creq(
        "GET", "/", "",
        headers: ["host:example.amazonaws.com", "my-header1:value1", "my-header2:\"a b c\"", "x-amz-date:20150830T123600Z"],
        signed: "host;my-header1;my-header2;x-amz-date"),
      stringToSign: stsPrefix + "a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
      authorization: credential
        + "SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"
    ),
    SigV4SuiteCase(
      name: "get-header-key-duplicate",
      request: "GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1:value2\nMy-Header1:value2\nMy-Header1:value1\n\(date)",
      canonicalRequest: creq(
        "GET", "/", "",
        headers: ["host:example.amazonaws.com", "my-header1:value2,value2,value1", "x-amz-date:20150830T123600Z"],
        signed: "host;my-header1;x-amz-date"),
      stringToSign: stsPrefix + "dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c",
      authorization: credential
        + "SignedHeaders=host;my-header1;x-amz-date, Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
    SigV4SuiteCase(
      name: "get-vanilla-with-session-token", request: "GET / HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq(
        "GET", "/", "",
        headers: basicHeaders + ["x-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"],
        signed: "host;x-amz-date;x-amz-security-token"),
      authorization: credential
        + "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
      sessionToken: "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"),
    SigV4SuiteCase(
      name: "post-vanilla", request: "POST / HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq("POST", "/", "", headers: basicHeaders, signed: "host;x-amz-date"),
      stringToSign: stsPrefix + "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
    SigV4SuiteCase(
      name: "post-vanilla-query", request: "POST /?Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\n\(date)",
      canonicalRequest: creq("POST", "/", "Param1=value1", headers: basicHeaders, signed: "host;x-amz-date"),
      authorization: credential
        + "SignedHeaders=host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
    SigV4SuiteCase(
      name: "post-x-www-form-urlencoded",
      request:
        "POST / HTTP/1.1\nContent-Type:application/x-www-form-urlencoded\nHost:example.amazonaws.com\n\(date)\n\nParam1=value1",
      canonicalRequest: creq(
        "POST", "/", "", headers: ["content-type:application/x-www-form-urlencoded"] + basicHeaders,
        signed: "content-type;host;x-amz-date",
        payload: formHash),
      stringToSign: stsPrefix + "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
      authorization: credential
        + "SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"
    ),
    SigV4SuiteCase(
      name: "post-x-www-form-urlencoded-parameters",
      request:
        "POST / HTTP/1.1\nContent-Type:application/x-www-form-urlencoded; charset=utf8\nHost:example.amazonaws.com\n\(date)\n\nParam1=value1",
      canonicalRequest: creq(
        "POST", "/", "", headers: ["content-type:application/x-www-form-urlencoded; charset=utf8"] + basicHeaders,
        signed: "content-type;host;x-amz-date", payload: formHash),
      stringToSign: stsPrefix + "2e1cf7ed91881a30569e46552437e4156c823447bf1781b921b5d486c568dd1c",
      authorization: credential
        + "SignedHeaders=content-type;host;x-amz-date, Signature=1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe"
    ),
    SigV4SuiteCase(
      name: "post-sts-header-before",
      request: "POST / HTTP/1.1\nHost:example.amazonaws.com\n\(date)\nX-Amz-Security-Token:\(stsToken)",
      canonicalRequest: creq(
        "POST", "/", "", headers: basicHeaders + ["x-amz-security-token:\(stsToken)"],
        signed: "host;x-amz-date;x-amz-security-token"),
      stringToSign: stsPrefix + "c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6",
      authorization: credential
        + "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"
    ),
  ]
}
