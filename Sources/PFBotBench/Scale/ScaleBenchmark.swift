import Analytics
import Foundation
import GitHub
import Pipeline
import PFBotCore
import SandboxWorld
import Storage

/// `PFBotBench scale [--sizes 1000,10000,100000] [--rounds N]`: how the paths that run on every webhook, command
/// and poll behave as the store grows. For each size, a SQLite store is filled with that many finished tasks (with
/// histories, analyses and audit rows) and the whole bot runs over it in the sandbox; measured in the same run:
/// a task found by branch and by pull request (the webhook path), a `/pf status` comment answered end to end, a
/// Monitor poll that diffs 200 listed tasks (skipped by the filters), the dashboard built and rendered, and the
/// process's RSS afterwards.
enum ScaleBenchmark {
    struct Figures {
        var size: Int
        var lookupBranchMicros: Double
        var lookupPullMicros: Double
        var statusMillis: Double
        var pollMillis: Double
        var dashboardMillis: Double
        var fillSeconds: Double
        var rssMegabytes: Double
    }

    static func run(_ arguments: [String]) async throws {
        var sizes = [1000, 10_000, 100_000]
        var rounds = 15
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw BenchArgumentError("\(flag) needs a value; usage: PFBotBench scale [--sizes 1000,10000] [--rounds N]") }
            switch flag {
            case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }.filter { (1...1_000_000).contains($0) }
            case "--rounds": rounds = max(3, min(Int(value) ?? rounds, 1000))
            default: throw BenchArgumentError("unknown option \(flag); usage: PFBotBench scale [--sizes 1000,10000] [--rounds N]")
            }
        }
        guard !sizes.isEmpty else { throw BenchArgumentError("--sizes needs sizes from 1 to 1000000, e.g. --sizes 1000,10000") }
        var results: [Figures] = []
        for size in sizes {
            results.append(try await measure(size: size, rounds: rounds))
        }
        report(results)
    }

    static func measure(size: Int, rounds: Int) async throws -> Figures {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-bench-scale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let clock = ContinuousClock()
        let fillStart = clock.now
        try await ScaleFill(path: directory.appendingPathComponent("pfbot.sqlite").path, size: size, repository: "\(SandboxWorld.owner)/\(SandboxWorld.repositoryName)").write()
        let fillSeconds = (clock.now - fillStart).inSeconds
        let world = try await SandboxWorld.start(directory: directory, collaborators: ["octocat": "admin"]) { configuration in
            configuration.filters.excludeKeywords = ["listed-only"]
        }
        do {
            let figures = try await measure(world, size: size, rounds: rounds, fillSeconds: fillSeconds)
            await world.stop()
            return figures
        } catch {
            await world.stop()
            throw error
        }
    }

    static func measure(_ world: SandboxWorld, size: Int, rounds: Int, fillSeconds: Double) async throws -> Figures {
        let clock = ContinuousClock()
        for index in 0..<200 {
            await world.propose(title: "listed-only task \(index)", description: "Listed by the Task Node, skipped by the filters.", pft: 10)
        }
        try await world.sync()

        var branchLookups: [Double] = [], pullLookups: [Double] = []
        for round in 0..<(rounds * 20) {
            let index = (round * 7919) % size
            var started = clock.now
            guard try await world.store.task(repository: world.repository.description, branch: "pf/archived-task-\(index)") != nil else {
                throw BenchArgumentError("archived task \(index) not found by branch")
            }
            branchLookups.append((clock.now - started).inSeconds * 1_000_000)
            started = clock.now
            guard try await world.store.task(repository: world.repository.description, pull: 200_000 + index) != nil else {
                throw BenchArgumentError("archived task \(index) not found by pull request")
            }
            pullLookups.append((clock.now - started).inSeconds * 1_000_000)
        }

        var polls: [Double] = []
        for _ in 0..<rounds {
            let started = clock.now
            let report = try await world.monitor.poll()
            polls.append((clock.now - started).inSeconds * 1000)
            guard report.new.isEmpty, report.changed.isEmpty else { throw BenchArgumentError("a poll with nothing changed reported changes") }
        }

        var dashboards: [Double] = []
        let collector = AnalyticsCollector(analyzer: world.context.analyzer)
        for _ in 0..<rounds {
            let started = clock.now
            let html = HTMLReport.render(try await collector.collect(from: world.store, now: Date()), refreshSeconds: 30)
            dashboards.append((clock.now - started).inSeconds * 1000)
            guard html.contains("pfbot dashboard") else { throw BenchArgumentError("the dashboard did not render") }
        }

        // The open task and its `/pf status` round trips, measured as `scripts/bench status-reply` measures them.
        let statuses = try await StatusReplyBenchmark.measure(world, count: rounds, warmup: 3).replies
        return Figures(size: size, lookupBranchMicros: median(branchLookups), lookupPullMicros: median(pullLookups), statusMillis: median(statuses),
                       pollMillis: median(polls), dashboardMillis: median(dashboards), fillSeconds: fillSeconds, rssMegabytes: residentMegabytes())
    }

    static func median(_ values: [Double]) -> Double {
        StatusReplyBenchmark.percentile(values, 0.5)
    }

    /// The process's resident set (VmRSS), in MB.
    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }

    static func report(_ results: [Figures]) {
        print("Store scale: finished tasks with histories (12/20 rewarded, 3 refused, 2 expired, 2 cancelled, 1 rejected), one open task, 200 listed by the Task Node")
        print(String(repeating: "-", count: 112))
        print("tasks      fill s   by branch µs   by PR µs   /pf status ms   poll of 200 ms   dashboard ms   RSS MB")
        for row in results {
            print(String(format: "%-9d %7.1f %14.1f %10.1f %15.1f %16.1f %14.1f %8.1f", row.size, row.fillSeconds, row.lookupBranchMicros, row.lookupPullMicros,
                         row.statusMillis, row.pollMillis, row.dashboardMillis, row.rssMegabytes))
        }
        guard let first = results.first, let last = results.last else { return }
        func ratio(_ path: KeyPath<Figures, Double>) -> String { String(format: "%.2f", first[keyPath: path] > 0 ? last[keyPath: path] / first[keyPath: path] : 0) }
        let lookupRatio = String(format: "%.2f", (last.lookupBranchMicros + last.lookupPullMicros) / max(first.lookupBranchMicros + first.lookupPullMicros, 0.001))
        let label = "\(last.size / 1000)k_\(first.size / 1000)k"
        print("BENCH scale sizes=\(results.map { String($0.size) }.joined(separator: ",")) lookup_ratio_\(label)=\(lookupRatio) status_ratio_\(label)=\(ratio(\.statusMillis)) "
              + "poll_ratio_\(label)=\(ratio(\.pollMillis)) dashboard_ms_\(last.size / 1000)k=\(String(format: "%.1f", last.dashboardMillis)) "
              + "rss_mb_\(last.size / 1000)k=\(String(format: "%.1f", last.rssMegabytes))")
    }
}
