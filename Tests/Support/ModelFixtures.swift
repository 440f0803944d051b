/// Models as LISA stores them (the create request), shared by the model tests of every test target.
public enum ModelFixtures {
  public static let thirdPartyKey = "sk-claude-secret-1234"

  /// A LISA-hosted vLLM model: all five hosting fields.
  public static let hosted = """
    {"modelId": "mistral-7b", "modelName": "mistralai/Mistral-7B", "modelType": "textgen", "streaming": true,
     "hostingType": "lisa_hosted", "inferenceContainer": "vllm", "instanceType": "g5.xlarge",
     "containerConfig": {"image": {"baseImage": "vllm/vllm-openai:v0.5.0", "type": "asset"}, "sharedMemorySize": 2048,
       "healthCheckConfig": {"command": ["CMD-SHELL", "exit 0"], "interval": 10, "startPeriod": 30, "timeout": 5, "retries": 3},
       "environment": {"MAX_TOTAL_TOKENS": "4096"}},
     "autoScalingConfig": {"minCapacity": 1, "maxCapacity": 4, "desiredCapacity": 2, "cooldown": 420, "defaultInstanceWarmup": 180,
       "blockDeviceVolumeSize": 50,
       "metricConfig": {"albMetricName": "RequestCountPerTarget", "targetValue": 30, "duration": 60, "estimatedInstanceWarmup": 330}},
     "loadBalancerConfig": {"healthCheckConfig": {"path": "/health", "interval": 60, "timeout": 30, "healthyThresholdCount": 2,
       "unhealthyThresholdCount": 10}}}
    """

  /// A LiteLLM-only model with its provider key.
  public static let thirdParty = """
    {"modelId": "claude", "modelName": "bedrock/anthropic.claude-3", "modelType": "textgen", "streaming": true,
     "hostingType": "third_party", "apiKey": "\(thirdPartyKey)"}
    """

  public static let embedding = """
    {"modelId": "titan-embed", "modelName": "bedrock/amazon.titan-embed", "modelType": "embedding"}
    """

  /// `json` (an object) with more members, e.g. `#""status": "InService""#`.
  public static func adding(_ members: String, to json: String) -> String {
    guard let end = json.lastIndex(of: "}") else { return json }
    return json[..<end] + ", " + members + "}"
  }
}
