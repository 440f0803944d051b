import ArgumentParser
import Foundation
import LisaKit

struct RagCollections: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "collections",
    abstract: "List, show, create, change and delete collections of RAG repositories.",
    subcommands: [
      RagCollectionsList.self, RagCollectionsGet.self, RagCollectionsCreate.self, RagCollectionsUpdate.self,
      RagCollectionsDelete.self,
    ]
  )
}

enum RagCollectionStyle {
  static let columns = [
    Column("REPOSITORY", key: "repositoryId"), Column("ID", key: "collectionId"), Column("NAME", key: "name"),
    Column("EMBEDDING MODEL", key: "embeddingModel"), Column("DEFAULT", key: "default"),
    Column("STATUS", key: "status", style: RagStyle.status),
  ]
}
