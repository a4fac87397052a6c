import Foundation

/// Benchmark runner: `PFBotBench <name> [arguments]`; `scripts/bench <name>` builds it in release mode and runs it.
let benchmarks: [String: @Sendable ([String]) async throws -> Void] = [
    "xrpl": { _ in try XRPLBenchmark.run() },
    "git-commit": { try await GitCommitBenchmark(arguments: $0).run() },
    "webhook-ingest": { try await WebhookIngestBenchmark.run($0) },
    "status-reply": { try await StatusReplyBenchmark.run($0) },
    "scale": { try await ScaleBenchmark.run($0) },
    "api-calls": { try await APICallsBenchmark.run($0) },
    "edge": { try await EdgeBenchmark.run($0) },
    "action": { try await ActionBenchmark.run($0) },
    "soak": { try await SoakBenchmark.run($0) },
]

let arguments = CommandLine.arguments
guard arguments.count > 1, let benchmark = benchmarks[arguments[1]] else {
    FileHandle.standardError.write(Data("usage: PFBotBench <benchmark> [arguments]; benchmarks: \(benchmarks.keys.sorted().joined(separator: ", "))\n".utf8))
    exit(2)
}
do {
    try await benchmark(Array(arguments.dropFirst(2)))
} catch {
    FileHandle.standardError.write(Data("\(arguments[1]) benchmark failed: \(error)\n".utf8))
    exit(1)
}
