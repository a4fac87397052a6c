import Foundation
import GitHub
import PFBotCore
import SandboxWorld

/// `PFBotBench status-reply [--count N] [--warmup N]`: how long after a `/pf status` comment is posted the bot's
/// reply is visible on the issue. The whole bot runs as `pfbot serve` would, in the sandbox: the GitHub emulator
/// posts the signed webhook to pfbot's server, the inbox stores it and wakes two job workers, the command handler
/// checks the commenter's permission and posts the status reply through the REST API. The baseline, measured in
/// the same run, is one REST round trip to the emulator (reading the issue).
enum StatusReplyBenchmark {
    static let targetP99Milliseconds = 100.0

    static func run(_ arguments: [String]) async throws {
        var count = 200
        var warmup = 20
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next().flatMap(Int.init), (0...100_000).contains(value) else {
                throw BenchArgumentError("\(flag) needs a number 0…100000; usage: PFBotBench status-reply [--count N] [--warmup N]")
            }
            switch flag {
            case "--count": count = max(1, value)
            case "--warmup": warmup = value
            default: throw BenchArgumentError("unknown option \(flag); usage: PFBotBench status-reply [--count N] [--warmup N]")
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-bench-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let world = try await SandboxWorld.start(directory: directory, collaborators: ["octocat": "admin"])
        do {
            let (replies, roundTrips) = try await measure(world, count: count, warmup: warmup)
            await world.stop()
            report(replies: replies, roundTrips: roundTrips)
        } catch {
            await world.stop()
            throw error
        }
    }

    /// Milliseconds from posting each comment to its reply being visible, and of single REST round trips.
    static func measure(_ world: SandboxWorld, count: Int, warmup: Int) async throws -> (replies: [Double], roundTrips: [Double]) {
        let id = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 100)
        try await world.sync()
        try await world.settle()
        guard let issue = try await world.store.task(try TaskID(id))?.issueNumber else { throw BenchArgumentError("the sandbox did not open the task's issue") }
        let workers = Task { await world.runner.run(workers: 2) }
        defer { workers.cancel() }
        let clock = ContinuousClock()
        var replies: [Double] = []
        var roundTrips: [Double] = []
        for round in 0..<(warmup + count) {
            let before = await commentCount(world, issue)
            let posted = clock.now
            _ = try await world.github.emulator.comment(as: "octocat", owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName, issue: issue, body: "/pf status")
            while await commentCount(world, issue) < before + 2 {
                guard clock.now - posted < .seconds(30) else { throw BenchArgumentError("no reply to /pf status within 30 s (round \(round))") }
                try await Task.sleep(for: .milliseconds(1))
            }
            let replied = clock.now
            _ = try await world.context.github.issue(world.repository, number: issue, options: ReadOptions())
            if round >= warmup {
                replies.append((replied - posted).inSeconds * 1000)
                roundTrips.append((clock.now - replied).inSeconds * 1000)
            }
        }
        return (replies, roundTrips)
    }

    static func commentCount(_ world: SandboxWorld, _ issue: Int) async -> Int {
        await world.github.emulator.issue(owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName, number: issue)?["comments"]?.intValue ?? 0
    }

    static func report(replies: [Double], roundTrips: [Double]) {
        let p50 = percentile(replies, 0.5), p90 = percentile(replies, 0.9), p99 = percentile(replies, 0.99), worst = replies.max() ?? 0
        let apiP50 = percentile(roundTrips, 0.5), apiP99 = percentile(roundTrips, 0.99)
        print("/pf status reply latency: \(replies.count) comments, one at a time, on loopback (GitHub emulator → signed webhook → pfbot inbox → worker → REST reply)")
        print(String(repeating: "-", count: 72))
        print("measure                         p50 ms   p90 ms   p99 ms   max ms")
        print(String(format: "comment → reply visible        %7.2f  %7.2f  %7.2f  %7.2f", p50, p90, p99, worst))
        print(String(format: "one REST round trip (baseline) %7.2f  %7.2f  %7.2f  %7.2f", apiP50, percentile(roundTrips, 0.9), apiP99, roundTrips.max() ?? 0))
        print(String(repeating: "-", count: 72))
        print(String(format: "target p99 < %.0f ms: %@; reply p50 is %.1f× one round trip", targetP99Milliseconds, p99 < targetP99Milliseconds ? "met" : "missed", p50 / max(apiP50, 1e-9)))
        print(String(format: "BENCH status-reply count=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f api_p50_ms=%.2f api_p99_ms=%.2f ratio_p50_to_api=%.1f target_met=%@",
                     replies.count, p50, p90, p99, worst, apiP50, apiP99, p50 / max(apiP50, 1e-9), p99 < targetP99Milliseconds ? "true" : "false"))
    }

    static func percentile(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(max(Int((q * Double(sorted.count)).rounded(.up)) - 1, 0), sorted.count - 1)]
    }
}

/// A benchmark was called wrongly or its setup failed; the text says which and how to call it.
struct BenchArgumentError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
