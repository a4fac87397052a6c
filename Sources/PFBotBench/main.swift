import Foundation

/// Benchmark runner: `PFBotBench <name>`; `scripts/bench <name>` builds it in release mode and runs it.
let benchmarks: [String: () async throws -> Void] = [
    "xrpl": XRPLBenchmark.run,
    "webhook-ingest": WebhookIngestBenchmark.run,
]

let name = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ""
guard let benchmark = benchmarks[name] else {
    FileHandle.standardError.write(Data("usage: PFBotBench \(benchmarks.keys.sorted().joined(separator: "|"))\n".utf8))
    exit(2)
}
do {
    try await benchmark()
} catch {
    FileHandle.standardError.write(Data("\(name) benchmark failed: \(error)\n".utf8))
    exit(1)
}
