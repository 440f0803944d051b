import Foundation
import LisaKit
import LisaTestSupport
import Testing

@Suite struct AWSConfigFileTests {
  @Test func readsSectionsCommentsAndNestedBlocks() throws {
    let text = """
      # comment
      ; another comment
      [default]
      region = eu-west-1
      output=json

      [profile prod]
      Region = us-west-2
      s3 =
        max_concurrent_requests = 20
        max_queue_size = 1000
      role_arn = arn:aws:iam::123456789012:role/admin\r
      [prod]
      region = ignored-because-not-a-profile-section
      [sso-session corp]
      sso_region = us-east-1
      """
    let file = try AWSConfigFile.parse(text, path: "/x/config", displayPath: "~/.aws/config", kind: .config)
    #expect(file.profile("default")?.values["region"] == "eu-west-1")
    let prod = try #require(file.profile("prod"))
    #expect(prod.values["region"] == "us-west-2")
    #expect(prod.values["role_arn"] == "arn:aws:iam::123456789012:role/admin")
    #expect(prod.values["max_queue_size"] == nil)
    #expect(file.profileNames == ["default", "prod"])
  }

  @Test func credentialsFileUsesBareSectionNames() throws {
    let text = "[default]\naws_access_key_id = AKIDDEFAULT\n[prod]\naws_access_key_id=AKIDPROD\naws_secret_access_key = s3cr3t\n"
    let file = try AWSConfigFile.parse(text, path: "/x/credentials", displayPath: "~/.aws/credentials", kind: .credentials)
    #expect(file.profile("prod")?.values["aws_secret_access_key"] == "s3cr3t")
    #expect(file.profile("profile prod") == nil)
  }

  @Test func configAcceptsProfileDefaultToo() throws {
    let file = try AWSConfigFile.parse("[profile default]\nregion = ap-south-1\n", path: "c", displayPath: "c", kind: .config)
    #expect(file.profile("default")?.values["region"] == "ap-south-1")
  }

  @Test func malformedLinesAreDataErrorsWithTheLine() {
    for (text, line) in [
      ("[default]\nregion eu-west-1\n", 2), ("region = x\n", 1), ("[default\n", 1), ("  indented = first\n", 1),
    ] {
      #expect {
        try AWSConfigFile.parse(text, path: "/h/.aws/config", displayPath: "~/.aws/config", kind: .config)
      } throws: { error in
        let lisa = error as? LisaError
        return lisa?.status == .dataError && lisa?.location?.line == line && lisa?.location?.file == "~/.aws/config"
      }
    }
  }

  @Test func credentialsFileWinsKeyByKeyOverConfig() throws {
    let home = TestPaths.temporaryDirectory("aws-files")
    try AWSFixture.write(home, ".aws/credentials", "[prod]\naws_access_key_id = AKIDFROMCREDS\naws_secret_access_key = a\n")
    try AWSFixture.write(home, ".aws/config", "[profile prod]\naws_access_key_id = AKIDFROMCONFIG\nregion = eu-central-1\n")
    let files = try AWSSharedFiles.load(context: awsContext(home: home))
    let prod = try #require(files.profile("prod"))
    #expect(prod["aws_access_key_id"] == "AKIDFROMCREDS")
    #expect(prod.region == "eu-central-1")
    #expect(prod.foundIn == ["~/.aws/credentials", "~/.aws/config"])
    #expect(files.profile("missing") == nil)
  }

  @Test func environmentMovesTheFiles() throws {
    let home = TestPaths.temporaryDirectory("aws-files")
    let elsewhere = TestPaths.temporaryDirectory("aws-elsewhere")
    let credentials = try AWSFixture.write(
      elsewhere, "creds.ini", "[moved]\naws_access_key_id = AKIDMOVED\naws_secret_access_key = b\n")
    let config = try AWSFixture.write(elsewhere, "config.ini", "[profile moved]\nregion = sa-east-1\n")
    let context = awsContext(
      environment: ["AWS_SHARED_CREDENTIALS_FILE": credentials.path, "AWS_CONFIG_FILE": config.path], home: home)
    let files = try AWSSharedFiles.load(context: context)
    #expect(files.profile("moved")?["aws_access_key_id"] == "AKIDMOVED")
    #expect(files.profile("moved")?.region == "sa-east-1")
    #expect(files.credentials.displayPath == credentials.path)
  }
}
