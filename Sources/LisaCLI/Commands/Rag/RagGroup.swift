import ArgumentParser
import Foundation

public struct RagGroup: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "rag",
    abstract: "Manage LISA RAG repositories, collections, documents and ingestion.",
    discussion: """
      Every verb finds the API as lisa models does: --api-url or LISA_API_URL, else the SSM parameter \
      <deploymentPrefix>/LisaApiUrl; the credential from LISA_API_TOKEN, --token-file PATH (or - for \
      stdin), else the management key in Secrets Manager. Credentials are never taken from arguments or printed.
      """,
    subcommands: [
      RagRepos.self, RagCollections.self, RagDocs.self, RagIngest.self, RagJobs.self, RagSearch.self,
      RagMigrateYAML.self,
    ]
  )
  public init() {}
}

struct RagRepos: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repos",
    abstract: "List, show, create, change, delete, export and apply RAG repositories.",
    subcommands: [
      RagReposList.self, RagReposGet.self, RagReposCreate.self, RagReposUpdate.self, RagReposDelete.self,
      RagReposExport.self, RagReposApply.self,
    ]
  )
}
