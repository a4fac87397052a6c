import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle

/// `pfbot demo`: the whole bot against loopback emulators, no credentials.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole lifecycle of several tasks against loopback emulators of the Task Node and GitHub.",
        discussion: """
            Starts a Task Node emulator with a test wallet, a GitHub emulator over real git repositories, pfbot's own webhook \
            server and a SQLite store in a temporary folder, then plays four tasks through proposal, commands, branches, QC, \
            review, merge, submission, verification and reward. Nothing leaves this machine. Exits 1 if a task ends in an \
            unexpected state. SIGINT or SIGTERM stops it (exit status 130 before the scenario ends); the temporary folder is \
            always removed.
            """
    )

    @Flag(help: "Print the summary in the --json envelope (docs/cli-json.md); narration goes to standard error.")
    var json = false

    @Flag(help: "Keep the sandbox running after the scenario and print its addresses; stop with Ctrl-C.")
    var keep = false

    @Option(name: .customLong("record-github"), help: ArgumentHelp(
        "Write every REST response and webhook payload of the GitHub emulator as JSON lines into this folder "
            + "(rest.jsonl, webhooks.jsonl), for scripts/check-emulator-schema.", valueName: "folder"))
    var recordGitHub: String?

    func run() async throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pfbot-demo-\(UUID().uuidString)")
        let demo = DemoRun(directory: directory, keep: keep, json: json, recordGitHub: recordGitHub)
        var logger = Logger(label: "pfbot.demo")
        logger.logLevel = .error
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: demo, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigint, .sigterm], logger: logger))
        try await group.run()
    }
}
