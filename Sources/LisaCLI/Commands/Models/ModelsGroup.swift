import ArgumentParser

public struct ModelsGroup: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "models",
    abstract: "Manage models through LISA's Model Management API.",
    discussion: """
      Every verb finds the API the same way: --api-url or LISA_API_URL, else the SSM \
      parameter <deploymentPrefix>/LisaApiUrl; the credential from LISA_API_TOKEN, --token-file PATH \
      (or - for stdin), else the management key in Secrets Manager (<deploymentName>-management-key, \
      then older names). Credentials are never taken from arguments or printed; -v shows where they came from.
      """,
    subcommands: [
      ModelsList.self, ModelsGet.self, ModelsCreate.self, ModelsUpdate.self, ModelsStart.self, ModelsStop.self,
      ModelsDelete.self, ModelsWait.self, ModelsSchedule.self, ModelsExport.self, ModelsApply.self,
    ]
  )
  public init() {}
}
