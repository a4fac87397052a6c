import ArgumentParser
import Foundation
import SandboxWorld

/// `pfbot demo`: the whole bot against loopback emulators, no credentials.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole lifecycle of several tasks against loopback emulators of the Task Node and GitHub.",
        discussion: """
            Starts a Task Node emulator with a test wallet, a GitHub emulator over real git repositories, pfbot's own webhook \
            server and a SQLite store in a temporary folder, then plays four tasks through proposal, commands, branches, QC, \
            review, merge, submission, verification and reward. Nothing leaves this machine. Exits 1 if a task ends in an \
            unexpected state.
            """
    )

    @Flag(help: "Print the summary as JSON (narration goes to standard error).")
    var json = false

    @Flag(help: "Keep the sandbox running after the scenario and print its addresses; stop with Ctrl-C.")
    var keep = false

    @Option(name: .customLong("record-github"), help: ArgumentHelp(
        "Write every REST response and webhook payload of the GitHub emulator as JSON lines into this folder "
            + "(rest.jsonl, webhooks.jsonl), for scripts/check-emulator-schema.", valueName: "folder"))
    var recordGitHub: String?

    func run() async throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pfbot-demo-\(UUID().uuidString)")
        let narrate: @Sendable (String) -> Void = { [json] line in json ? Output.error(line) : Output.line(line) }
        narrate("pfbot demo: sandbox in \(directory.path)")
        let world = try await SandboxWorld.start(directory: directory, collaborators: ["octocat": "admin"])
        let summary: DemoSummary
        do {
            if let recordGitHub { try await world.github.emulator.recordExchanges(into: URL(fileURLWithPath: recordGitHub)) }
            summary = try await DemoScenario(world: world, narrate: narrate).run()
        } catch {
            await world.stop()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        if json {
            Output.json(summary)
        } else {
            Output.line("\n" + DemoTable.render(summary))
        }
        if keep {
            narrate("\nThe sandbox keeps running. Dashboard: \(world.dashboardURL) · metrics: \(world.webhookURL)/metrics · "
                    + "GitHub emulator: \(world.github.apiURL) · Ctrl-C stops it.")
            while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
        }
        await world.stop()
        try? FileManager.default.removeItem(at: directory)
        if !summary.succeeded { throw ExitCode.failure }
    }
}
