// The config-base.yaml this tool ships (LISA v6.6.0), used when a config dir has none.
// A test keeps it identical to the repository's config-base.yaml.
enum EmbeddedConfigBase {
  static let fileName = "config-base.yaml (built into lisa, LISA v6.6.0)"
  static let text = """
    mountS3DebUrl: https://s3.amazonaws.com/mountpoint-s3-release/latest/x86_64/mount-s3.deb
    stackSynthesizer: CliCredentialsStackSynthesizer
    ragFileProcessingConfig:
      chunkSize: 512
      chunkOverlap: 51
    litellmConfig:
      db_key: sk-a8814208-0388-480c-9fc7-fea59607ca38
    """
}
