import Foundation
import LisaCLI
import LisaKit
import LisaTestSupport

/// Runs `lisa` in-process against a fake LISA, with a terminal and prompt answers of the test's choosing.
func runModels(
  _ arguments: [String], server: FakeLisaServer, in directory: URL? = nil, environment: [String: String]? = nil,
  terminal: Terminal = .pipes, answers: [String] = []
) async -> CLIRun {
  let test = TestContext(
    workingDirectory: directory ?? TestPaths.temporaryDirectory("models-cli"), environment: environment ?? server.environment,
    terminal: terminal,
    answers: answers)
  let status = await Lisa.execute(arguments, context: test.context)
  return CLIRun(status: status, stdout: test.stdout.text, stderr: test.stderr.text)
}

let interactive = Terminal(isStdinTTY: true, isStdoutTTY: true, isStderrTTY: true)

enum ModelsFixture {
  static let createYAML = """
    modelId: llama-3
    modelName: meta-llama/Meta-Llama-3-8B
    modelType: TEXTGEN
    hostingType: LISA_HOSTED
    inferenceContainer: VLLM
    instanceType: g5.xlarge
    containerConfig:
      image: {baseImage: vllm/vllm-openai:v0.5.0, type: asset}
      sharedMemorySize: 2048
      healthCheckConfig: {command: [CMD-SHELL, exit 0], interval: 10, startPeriod: 30, timeout: 5, retries: 3}
      environment:
        MAX_TOTAL_TOKENS: 4096
    autoScalingConfig:
      minCapacity: 1
      maxCapacity: 2
      cooldown: 420
      defaultInstanceWarmup: 180
      metricConfig: {duration: 60, estimatedInstanceWarmup: 330}
    loadBalancerConfig:
      healthCheckConfig: {path: /health, interval: 60, timeout: 30, healthyThresholdCount: 2, unhealthyThresholdCount: 10}

    """

  static func write(_ text: String, _ name: String, in directory: URL) throws {
    try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  /// The API requests the fake saw, as `METHOD /path`.
  static func calls(_ server: FakeLisaServer) async throws -> [String] {
    try await server.requests().map { "\($0["method"]?.plainText ?? "") \($0["path"]?.plainText ?? "")" }
  }
}
