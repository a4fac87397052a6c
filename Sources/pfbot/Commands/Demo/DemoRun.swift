import Foundation
import Metrics
import Prometheus
import SandboxWorld
import ServiceLifecycle

/// `pfbot demo`'s service: starts the sandbox in `directory`, plays the scenario, prints the summary, with `keep`
/// waits for SIGINT or SIGTERM, then stops the sandbox and removes `directory`, whichever way it ends.
struct DemoRun: Service {
    let directory: URL
    let keep: Bool
    let json: Bool
    /// A folder the GitHub emulator writes its REST responses and webhook payloads into, when set.
    let recordGitHub: String?

    func run() async throws {
        let narrate: @Sendable (String) -> Void = { [json] line in json ? Output.error(line) : Output.line(line) }
        narrate("pfbot demo: sandbox in \(directory.path)")
        // The sandbox's /metrics shows what `pfbot serve`'s does: the process's metrics, recorded into this registry.
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let world: SandboxWorld
        do {
            world = try await SandboxWorld.start(directory: directory, collaborators: ["octocat": "admin"], metrics: registry)
            if let recordGitHub { try await world.github.emulator.recordExchanges(into: URL(fileURLWithPath: recordGitHub)) }
        } catch {
            removeDirectory()
            throw error
        }
        let gauges = Task { await QueueGauges(store: world.store).run() }
        let outcome: Result<DemoSummary, any Error>
        do {
            // The demo's own binary plays `pfbot action` in the repository's GitHub Actions workflow.
            let pfbot = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
            let actions = ActionsRunner(world: world, pfbot: pfbot, directory: directory.appendingPathComponent("actions"))
            outcome = .success(try await cancelWhenGracefulShutdown { try await DemoScenario(world: world, actions: actions, narrate: narrate).run() })
        } catch {
            outcome = .failure(error)
        }
        if case .success(let summary) = outcome {
            if !json {
                Output.line("\n" + DemoTable.render(summary))
            } else if summary.succeeded {
                do { try Output.success(summary) } catch { Output.error("✗ cannot encode the summary as JSON: \(error)") }
            }
            if keep && !Task.isShuttingDownGracefully {
                await QueueGauges(store: world.store).record()
                narrate("\nThe sandbox keeps running. Dashboard: \(world.dashboardURL) · metrics: \(world.webhookURL)/metrics · "
                        + "GitHub emulator: \(world.github.apiURL) · Ctrl-C stops it.")
                try? await gracefulShutdown()
            }
        }
        gauges.cancel()
        await gauges.value
        await world.stop()
        removeDirectory()
        narrate("pfbot demo: sandbox stopped and \(directory.path) removed")
        switch outcome {
        case .failure where Task.isShuttingDownGracefully:
            throw CommandFailure(code: "interrupted", message: "the demo was stopped before the scenario finished", hint: nil, exitCode: 130)
        case .failure(let error):
            throw error
        case .success(let summary) where !summary.succeeded:
            throw CommandFailure(code: "unexpected_state", message: "some tasks did not end as expected",
                                 hint: "the table shows which; this is a bug in pfbot, please report it", result: try JSONText(summary))
        case .success:
            return
        }
    }

    private func removeDirectory() {
        try? FileManager.default.removeItem(at: directory)
    }
}
