import Foundation
import PFBotCore
import Pipeline
import SandboxWorld
import Storage

/// `PFBotBench action --pfbot PATH [--count N]`: the wall time of `pfbot action` as GitHub Actions runs it — a new
/// process, the runner's environment, the event file and an empty store (no cache between runs), against the
/// emulators on loopback — for each kind of event a user's workflow forwards: `issue_comment` (`/pf status`),
/// `pull_request` (`synchronize`, and `closed` with the pull request merged), `push` and `schedule`. The events
/// are the webhooks the GitHub emulator sent for each step, taken from the sandbox bot's inbox.
enum ActionBenchmark {
    static let targetP99Milliseconds = 1000.0
    static let usage = "usage: PFBotBench action --pfbot PATH [--count N]"

    static func run(_ arguments: [String]) async throws {
        var count = 10
        var pfbot: String?
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            switch flag {
            case "--pfbot": pfbot = iterator.next()
            case "--count":
                guard let value = iterator.next().flatMap(Int.init), (1...1000).contains(value) else { throw BenchArgumentError("--count needs a number 1…1000; \(usage)") }
                count = value
            default: throw BenchArgumentError("unknown option \(flag); \(usage)")
            }
        }
        guard let pfbot, FileManager.default.isExecutableFile(atPath: pfbot) else { throw BenchArgumentError("--pfbot must name the pfbot binary; \(usage)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-bench-action-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let world = try await SandboxWorld.start(directory: directory, collaborators: [ActionEventSource.maintainer: "admin"])
        do {
            let runner = ActionProcessRunner(world: world, pfbot: pfbot, directory: directory)
            let results = try await measure(world, runner: runner, count: count)
            await world.stop()
            report(results, count: count)
        } catch {
            await world.stop()
            throw error
        }
    }

    /// Milliseconds per run, by event kind, in the order they are reported.
    static func measure(_ world: SandboxWorld, runner: ActionProcessRunner, count: Int) async throws -> [(kind: String, milliseconds: [Double])] {
        let source = ActionEventSource(world: world)
        let task = try await source.acceptedTask()
        var results: [(kind: String, milliseconds: [Double])] = []
        let schedule = ActionEventSource.Event(name: "schedule", body: Data(#"{"schedule":"*/15 * * * *"}"#.utf8))
        results.append(("schedule", try await runner.time(schedule, times: count)))
        results.append(("issue_comment /pf status", try await runner.time(try await source.statusComment(task), times: count)))
        let (push, synchronize) = try await source.pushedWork(task)
        results.append(("push", try await runner.time(push, times: count)))
        results.append(("pull_request synchronize", try await runner.time(synchronize, times: count)))
        var merged: [Double] = []
        for _ in 0..<count {
            // Each merge is a new task's: its submission is real work, not the no-op of a merge already submitted.
            let event = try await source.mergedPullRequest(try await source.acceptedTask())
            merged += try await runner.time(event, times: 1)
        }
        results.append(("pull_request closed+merged", merged))
        return results
    }

    static func report(_ results: [(kind: String, milliseconds: [Double])], count: Int) {
        print("pfbot action wall time: one process per event, empty store, emulators on loopback, \(count) runs per event kind")
        print(String(repeating: "-", count: 78))
        print("event                             p50 ms    p90 ms    p99 ms    max ms")
        var fields = ["runs=\(count)"]
        for (kind, values) in results {
            let p50 = percentile(values, 0.5), p90 = percentile(values, 0.9), p99 = percentile(values, 0.99), worst = values.max() ?? 0
            print(kind.padding(toLength: 32, withPad: " ", startingAt: 0) + String(format: "%8.1f  %8.1f  %8.1f  %8.1f", p50, p90, p99, worst))
            let key = kind.replacingOccurrences(of: "/pf status", with: "").trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "+", with: "_").replacingOccurrences(of: " ", with: "_")
            fields += [String(format: "%@_p50_ms=%.1f", key, p50), String(format: "%@_p99_ms=%.1f", key, p99)]
        }
        print(String(repeating: "-", count: 78))
        let status = percentile(results.first { $0.kind.hasPrefix("issue_comment") }?.milliseconds ?? [], 0.99)
        let met = status < targetP99Milliseconds
        print(String(format: "target: /pf status p99 < %.0f ms: %@ (%.1f ms)", targetP99Milliseconds, met ? "met" : "missed", status))
        print("BENCH action " + (fields + ["target_met=\(met)"]).joined(separator: " "))
    }

    static func percentile(_ values: [Double], _ q: Double) -> Double {
        StatusReplyBenchmark.percentile(values, q)
    }
}
