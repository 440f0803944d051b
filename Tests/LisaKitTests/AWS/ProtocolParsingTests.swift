import Foundation
import Testing

@testable import LisaKit

@Suite struct ProtocolParsingTests {
  @Test func jsonErrorCodesLoseTheirNamespace() {
    let body =
      #"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#
    let error = AWSServiceError.from(HTTPResponse(status: 400, headers: ["x-amzn-RequestId": "R1"], body: Data(body.utf8)))
    #expect(
      error
        == AWSServiceError(
          code: "ResourceNotFoundException", message: "Requested resource not found", httpStatus: 400, requestID: "R1"))
    #expect(error.isNotFound && !error.isThrottling)
  }

  @Test func errorTypeHeaderAndQueryXMLAreUnderstood() {
    let header = AWSServiceError.from(
      HTTPResponse(status: 400, headers: ["X-Amzn-ErrorType": "ThrottlingException:http://internal.amazon.com/"]))
    #expect(header.code == "ThrottlingException" && header.isThrottling)
    let xml = """
      <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code>
      <Message>User is not authorized to perform: sts:AssumeRole &amp; more</Message></Error><RequestId>abc-123</RequestId></ErrorResponse>
      """
    let query = AWSServiceError.from(HTTPResponse(status: 403, body: Data(xml.utf8)))
    #expect(query.code == "AccessDenied" && query.isAccessDenied)
    #expect(query.message == "User is not authorized to perform: sts:AssumeRole & more")
    #expect(query.requestID == "abc-123")
    #expect(AWSServiceError.from(HTTPResponse(status: 503)).code == "HTTP503")
  }

  @Test func xmlFieldsMatchWholeTagNamesAndDecodeEntities() {
    let xml = "<R><CodeName>no</CodeName><Code attr=\"1\">yes &lt;&#65;&#x42;&gt; &bogus;</Code><Empty/></R>"
    #expect(XMLFields.first("Code", in: xml) == "yes <AB> &bogus;")
    #expect(XMLFields.first("Empty", in: xml) == "")
    #expect(XMLFields.first("Missing", in: xml) == nil)
  }

  @Test func queryBodiesAreFormEncoded() async throws {
    let transport = AWSScriptedTransport([
      .respond(
        200,
        "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAX</AccessKeyId><SecretAccessKey>s/+=</SecretAccessKey><SessionToken>tok</SessionToken><Expiration>2031-01-02T03:04:05.123Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>",
        [:])
    ])
    let sender = AWSRequestSender(
      service: .sts, region: "us-east-1", endpoint: try #require(URL(string: "https://sts.us-east-1.amazonaws.com/")),
      credentials: StaticCredentialsProvider(AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s", source: "t")),
      transport: transport,
      now: { Date() })
    let credentials = try await STSClient(sender: sender).assumeRole(
      roleARN: "arn:aws:iam::1:role/a b", sessionName: "s", externalID: "x&y", durationSeconds: 900, source: "role")
    #expect(credentials.secretAccessKey == "s/+=" && credentials.sessionToken == "tok")
    #expect(credentials.expiration != nil)
    let body = String(decoding: try #require(transport.requests.first).body, as: UTF8.self)
    #expect(
      body
        == "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fa%20b&RoleSessionName=s&ExternalId=x%26y&DurationSeconds=900"
    )
    #expect(transport.requests.first?.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8")
  }
}
