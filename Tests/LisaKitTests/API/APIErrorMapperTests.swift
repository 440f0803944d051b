import Foundation
import Testing

@testable import LisaKit

/// LISA's two error shapes become one line with the right exit status; credentials are named, never shown.
@Suite struct APIErrorMapperTests {
  func map(_ status: Int, _ body: String, _ request: APIRequest = APIRequest(.get, ["models", "m1"], resource: "model 'm1'"))
    -> LisaError
  {
    APIErrorMapper.error(
      for: HTTPResponse(status: status, body: Data(body.utf8)), request: request, credential: APIFixture.credential,
      endpoint: APIFixture.endpoint, attempts: 1)
  }

  @Test func bothShapesAndPlainText() {
    #expect(
      map(404, #"{"detail": "Model 'm1' was not found."}"#).message
        == "model 'm1' not found (GET /models/m1 (HTTP 404): Model 'm1' was not found.)")
    #expect(map(404, #"{"message": "Model 'm1' was not found."}"#).status == .notFound)
    #expect(map(502, "<html>\nBad gateway</html>").message.contains("<html>"))
    #expect(map(404, "").message.hasSuffix("HTTP 404): Not Found)"))
  }

  @Test func pydanticErrorsNameFieldPaths() {
    let body = #"""
      {"detail": [{"type": "value_error", "loc": ["body", "autoScalingConfig", "minCapacity"], "msg": "Input should be greater than 0"},
                  {"type": "missing", "loc": ["body", "features", 0, "name"], "msg": "Field required"}], "type": "RequestValidationError"}
      """#
    let error = map(422, body, APIRequest(.post, ["models"], resource: "model 'm1'"))
    #expect(error.status == .invalid)
    #expect(
      error.message
        == "model 'm1': LISA rejected the request body (POST /models (HTTP 422)): "
        + "autoScalingConfig.minCapacity: Input should be greater than 0; features[0].name: Field required"
    )
  }

  @Test func statusesMapToDocumentedCodes() {
    #expect(map(409, #"{"detail": "Model 'm1' is in use by repositories: docs"}"#).status == .conflict)
    #expect(
      map(400, #"{"message": "Model cannot be updated when it is not in the 'InService' or 'Stopped' states"}"#).status
        == .conflict)
    #expect(
      map(400, #"{"message": "Cannot update AutoScaling Config for model not hosted in LISA infrastructure."}"#).status
        == .invalid)
    #expect(map(503, #"{"message": "Service Unavailable"}"#).status == .unavailable)
    #expect(map(418, "{}").status == .failure)
  }

  @Test func authFailuresNameTheCredentialNotItsValue() {
    let unauthorized = map(401, #"{"message": "Unauthorized"}"#)
    #expect(unauthorized.status == .auth)
    #expect(unauthorized.message.contains("rejected the API token from LISA_API_TOKEN"))
    let denied = map(403, #"{"Message": "User is not authorized to access this resource with an explicit deny"}"#)
    #expect(denied.status == .auth)
    #expect(denied.message.contains("refused the call with the API token from LISA_API_TOKEN"))
    #expect(denied.message.contains("explicit deny"))
    let echoed = map(401, #"{"message": "bad token \#(APIFixture.secretToken)"}"#)
    for error in [unauthorized, denied, echoed] { #expect(!error.description.contains(APIFixture.secretToken)) }
    #expect(echoed.message.contains("[credential]"))
  }

  @Test func missingRouteIsNotAnAuthProblem() {
    let error = map(403, #"{"message": "Missing Authentication Token"}"#)
    #expect(error.status == .notFound)
    #expect(error.message == "the API at abc123.execute-api.us-east-1.amazonaws.com has no route GET /models/m1")
    #expect(error.hint?.contains("LISA_API_URL") == true)
  }

  /// A 500 is LISA's answer, not an unreachable service: its message, exit 1, or 4 for an authorization one.
  @Test func serverErrorsAreLISAsAnswer() {
    let generic = map(500, #"{"error": "Internal Server Error", "message": "\#(APIErrorMapper.genericServerError)"}"#)
    #expect(generic.status == .failure)
    #expect(
      generic.message
        == "GET /models/m1 (HTTP 500) failed at abc123.execute-api.us-east-1.amazonaws.com after 1 attempt: "
        + "An unexpected error occurred while processing your request")
    #expect(generic.hint == "LISA does not say why; the API Lambda's CloudWatch log has the cause")
    #expect(map(500, #"{"message": "Only admins can create tokens for other users"}"#).status == .auth)
    let authorizer = APIErrorMapper.error(
      for: HTTPResponse(
        status: 500, headers: ["x-amzn-ErrorType": "AuthorizerConfigurationException"], body: Data(#"{"message": null}"#.utf8)),
      request: APIRequest(.get, ["models"], resource: "models"), credential: APIFixture.credential,
      endpoint: APIFixture.endpoint, attempts: 2)
    #expect(authorizer.status == .auth)
    var hinted = APIRequest(.post, ["api-tokens", "bob"], resource: "token 'x'")
    hinted.serverErrorHint = "LISA answers this 500 to a caller that is not an admin"
    #expect(map(500, "{}", hinted).hint == "LISA answers this 500 to a caller that is not an admin")
    #expect(map(502, #"{"message": "Bad Gateway"}"#).status == .unavailable)
  }

  @Test func unguardedWritesSayTheyMayHaveHappened() {
    let error = map(502, #"{"message": "Internal server error"}"#, APIRequest(.delete, ["models", "m1"], resource: "model 'm1'"))
    #expect(error.message.hasSuffix("it may or may not have been applied, so it was not retried"))
  }
}
