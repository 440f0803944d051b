import Foundation

/// LISA v3.1 reduced `ecsModels` to what it needs to stage model weights: `modelName`,
/// `inferenceContainer` and `baseImage` (docs/lisa/config.md). Older files (v2.0, v3.0) kept whole model
/// definitions there, with the image at `containerConfig.image.baseImage` (or, copied from the v3.0 model
/// API, `containerConfig.baseImage.baseImage`). The rest of each definition is a create request now,
/// which `LegacyModelRequests` carries over.
enum EcsModelsRewrite {
  static let keptKeys = ["modelName", "inferenceContainer", "baseImage"]

  /// Where an old entry keeps its image, in the order looked at.
  static let imagePaths: [[String]] = [
    ["baseImage"], ["containerConfig", "image", "baseImage"], ["containerConfig", "baseImage", "baseImage"],
  ]

  static func rewrite(_ config: inout YAMLMapping, report: inout MigrationReport, modelsOut: Bool) {
    guard var sequence = config["ecsModels"]?.sequence else { return }
    for index in sequence.items.indices {
      guard let entry = sequence.items[index].value.mapping else { continue }
      guard entry.keys.contains(where: { !keptKeys.contains($0) }) else { continue }
      let moved = entry.keys.filter { !keptKeys.contains($0) && $0 != "deploy" }
      var reduced = YAMLMapping(location: entry.location)
      var imageSource: String?
      for key in keptKeys {
        if let kept = entry.entry(key) {
          reduced.entries.append(kept)
          continue
        }
        guard key == "baseImage" else { continue }
        for path in imagePaths.dropFirst() {
          guard let image = YAMLNode.mapping(entry).lookup(path), image.scalar != nil, !image.isNull else { continue }
          reduced.entries.append(YAMLMapping.Entry(key: key, value: image, keyLocation: image.location))
          imageSource = path.joined(separator: ".")
          break
        }
      }
      sequence.items[index].value = .mapping(reduced)
      let name = entry["modelId"]?.scalar?.text ?? entry["modelName"]?.scalar?.text ?? "entry \(index)"
      var detail = "'\(name)' reduced to modelName, inferenceContainer and baseImage"
      if let imageSource { detail += " (baseImage from \(imageSource))" }
      detail += ", all LISA v3.1+ reads here"
      if !moved.isEmpty {
        detail += "; \(moved.joined(separator: ", ")) "
        detail +=
          modelsOut ? "went into the --models-out file" : "were dropped (--models-out FILE keeps them as a create request)"
      }
      report.changed.append(.init(path: "ecsModels[\(index)]", line: entry.location?.line, detail: detail))
    }
    config["ecsModels"] = .sequence(sequence)
  }
}
