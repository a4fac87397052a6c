import Foundation
import Sandbox
import SandboxWorld

/// `PFBotBench api-calls`: the GitHub REST calls the bot makes for the demo's four tasks (proposal to reward), as
/// the GitHub emulator records them on the wire, by route; then the calls of one more sync with nothing changed,
/// which must write nothing. The target is at most 15 calls per task. `--pfbot PATH` names the binary the demo's
/// GitHub Actions runs start (their calls count too); `--trace` also prints every call in order.
enum APICallsBenchmark {
    static let targetPerTask = 15.0

    static func run(_ arguments: [String]) async throws {
        let usage = "usage: PFBotBench api-calls --pfbot PATH [--trace]"
        var pfbot: String?
        var traced = false
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--pfbot": pfbot = iterator.next()
            case "--trace": traced = true
            default: throw BenchArgumentError("unknown argument \(argument); \(usage)")
            }
        }
        guard let pfbot, FileManager.default.isExecutableFile(atPath: pfbot) else { throw BenchArgumentError("--pfbot must name the pfbot binary; \(usage)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-bench-api-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let world = try await SandboxWorld.start(directory: directory, collaborators: ["octocat": "admin"])
        do {
            let actions = ActionsRunner(world: world, pfbot: URL(fileURLWithPath: pfbot), directory: directory.appendingPathComponent("actions"))
            let summary = try await DemoScenario(world: world, actions: actions, narrate: { _ in }).run()
            guard summary.succeeded else { throw BenchArgumentError("the demo scenario did not end as expected: \(summary.tasks.map(\.state))") }
            let before = await world.botRequests().count
            if traced { trace(await world.botRequests()) }
            try await world.sync()
            let afterIdle = await world.botRequests().count
            let idle = APICallReport(Array(await world.botRequests().dropFirst(before)), tasks: summary.tasks.count)
            try await world.sync()
            let steady = APICallReport(Array(await world.botRequests().dropFirst(afterIdle)), tasks: summary.tasks.count)
            await world.stop()
            report(summary.api, idle: idle, steady: steady, actions: summary.actionsAPI, runs: summary.actions.count)
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
    ///   - actions: the calls of the code task's GitHub Actions runs, made with the workflow's token; `runs` of them.
    static func report(_ lifecycle: APICallReport, idle: APICallReport, steady: APICallReport, actions: APICallReport, runs: Int) {
        print("GitHub REST calls of the demo's \(lifecycle.tasks) tasks, by route (the bot's own calls, counted by the emulator):\n")
        print(lifecycle.table)
        print("\n" + lifecycle.summaryLine)
        print("A sync with nothing changed: \(idle.total) calls (\(idle.byRoute.map { "\($0.route) ×\($0.calls)" }.joined(separator: ", "))), \(idle.writes) writes")
        print("Another one: \(steady.total) calls, \(steady.notModified) answered 304, \(steady.writes) writes")
        print("The code task's \(runs) GitHub Actions runs (pfbot action, each from an empty store, the workflow's own token): "
              + "\(actions.total) calls, \(actions.writes) writes")
        let verdict = lifecycle.perTask <= targetPerTask && idle.writes == 0 && steady.writes == 0 ? "ok" : "over"
        print("BENCH api-calls tasks=\(lifecycle.tasks) calls=\(lifecycle.total) per_task=\(String(format: "%.2f", lifecycle.perTask)) "
              + "writes=\(lifecycle.writes) not_modified=\(lifecycle.notModified) idle_sync_calls=\(idle.total) idle_sync_writes=\(idle.writes) "
              + "steady_sync_calls=\(steady.total) steady_sync_not_modified=\(steady.notModified) "
              + "actions_runs=\(runs) actions_calls=\(actions.total) target_per_task=\(Int(targetPerTask)) result=\(verdict)")
    }
}
