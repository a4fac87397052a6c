import Foundation
import Sandbox
import SandboxWorld

/// `PFBotBench api-calls`: the GitHub REST calls the bot makes for the demo's four tasks (proposal to reward), as
/// the GitHub emulator records them on the wire, by route; then the calls of one more sync with nothing changed,
/// which must write nothing. The target is at most 15 calls per task. `--trace` also prints every call in order.
enum APICallsBenchmark {
    static let targetPerTask = 15.0

    static func run(_ arguments: [String]) async throws {
        guard arguments.isEmpty || arguments == ["--trace"] else {
            throw BenchArgumentError("api-calls takes only --trace; usage: PFBotBench api-calls [--trace]")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-bench-api-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let world = try await SandboxWorld.start(directory: directory, collaborators: ["octocat": "admin"])
        do {
            let summary = try await DemoScenario(world: world, narrate: { _ in }).run()
            guard summary.succeeded else { throw BenchArgumentError("the demo scenario did not end as expected: \(summary.tasks.map(\.state))") }
            let before = await world.botRequests().count
            if arguments == ["--trace"] { trace(await world.botRequests()) }
            try await world.sync()
            let afterIdle = await world.botRequests().count
            let idle = APICallReport(Array(await world.botRequests().dropFirst(before)), tasks: summary.tasks.count)
            try await world.sync()
            let steady = APICallReport(Array(await world.botRequests().dropFirst(afterIdle)), tasks: summary.tasks.count)
            await world.stop()
            report(summary.api, idle: idle, steady: steady)
        } catch {
            await world.stop()
            throw error
        }
    }

    /// One line per call: status, method, path and the body's keys or its first characters.
    static func trace(_ requests: [RecordedRequest]) {
        for (index, request) in requests.enumerated() {
            let body = String(decoding: request.body.prefix(160), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            print("\(index + 1)\t\(request.status)\t\(request.method) \(request.path)\t\(body)")
        }
        print("")
    }

    /// - Parameters:
    ///   - idle: the first sync after the demo, with nothing changed since (the listing still differs from the last
    ///     pass's: pfbot closed issues after it).
    ///   - steady: a second such sync: its conditional reads are answered 304.
    static func report(_ lifecycle: APICallReport, idle: APICallReport, steady: APICallReport) {
        print("GitHub REST calls of the demo's \(lifecycle.tasks) tasks, by route (the bot's own calls, counted by the emulator):\n")
        print(lifecycle.table)
        print("\n" + lifecycle.summaryLine)
        print("A sync with nothing changed: \(idle.total) calls (\(idle.byRoute.map { "\($0.route) ×\($0.calls)" }.joined(separator: ", "))), \(idle.writes) writes")
        print("Another one: \(steady.total) calls, \(steady.notModified) answered 304, \(steady.writes) writes")
        let verdict = lifecycle.perTask <= targetPerTask && idle.writes == 0 && steady.writes == 0 ? "ok" : "over"
        print("BENCH api-calls tasks=\(lifecycle.tasks) calls=\(lifecycle.total) per_task=\(String(format: "%.2f", lifecycle.perTask)) "
              + "writes=\(lifecycle.writes) not_modified=\(lifecycle.notModified) idle_sync_calls=\(idle.total) idle_sync_writes=\(idle.writes) "
              + "steady_sync_calls=\(steady.total) steady_sync_not_modified=\(steady.notModified) "
              + "target_per_task=\(Int(targetPerTask)) result=\(verdict)")
    }
}
