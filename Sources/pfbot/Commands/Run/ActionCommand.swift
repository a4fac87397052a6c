import ArgumentParser
import Crypto
import Foundation
import GitHub
import PFBotConfig
import PFBotCore
import Pipeline
import Storage

/// `pfbot action`: one run for one GitHub Actions event.
struct ActionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Handle one GitHub Actions event (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_TOKEN).",
        discussion: """
            Reconciles state from the Task Node and GitHub first (the store may be empty or a cached copy), then handles the \
            event: issue_comment (/pf commands), pull_request, pull_request_review, push, check_run and check_suite \
            (rerequested: QC runs again); schedule and workflow_dispatch run a sync. Writes a job summary to \
            GITHUB_STEP_SUMMARY. Exits 1 when a job failed for good.
            """
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let event = try ActionEvent(environment: environment)
        let configuration = try loadConfiguration(options.config, environment: event.configurationEnvironment(environment))
        let logger = LoggingSetup.logger("pfbot.action", level: configuration.logLevel)
        let assembly = try await BotAssembly.build(configuration, environment: event.configurationEnvironment(environment), logger: logger,
                                                        workerName: "actions-\(environment["GITHUB_RUN_ID"] ?? ProcessIdentity.name)",
                                                        stepHost: StepHost(runner: StepRunner(environment: environment), scratch: event.scratch(environment)))
        let outcome: SyncPass.Outcome
        do {
            if event.recordsDelivery {
                let delivery = Delivery(id: event.deliveryID, event: event.name, action: event.action, body: [UInt8](event.body), receivedAt: Date())
                _ = try await assembly.store.recordDelivery(delivery)
            }
            outcome = try await assembly.syncPass.run()
            let summary = ActionSummary(event: event, outcome: outcome, tasks: try await assembly.store.tasks(in: nil)).markdown
            if let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
                try ActionSummary.append(summary, to: path)
            }
            try await assembly.store.close()
        } catch {
            try? await assembly.store.close()
            throw error
        }
        try SyncReporting.report(outcome, json: options.json)
    }
}

/// The event of an Actions run, read from the runner's environment.
struct ActionEvent {
    let name: String
    let body: Data
    let action: String?
    let deliveryID: String
    let repository: String?
    let apiURL: String?

    /// Events handled through the webhook path; schedule and workflow_dispatch only sync.
    var recordsDelivery: Bool { ["issue_comment", "pull_request", "pull_request_review", "push", "check_run", "check_suite"].contains(name) }

    init(environment: [String: String]) throws {
        guard let name = environment["GITHUB_EVENT_NAME"], !name.isEmpty else { throw ActionError.notInActions("GITHUB_EVENT_NAME") }
        guard let path = environment["GITHUB_EVENT_PATH"], FileManager.default.fileExists(atPath: path) else {
            throw ActionError.notInActions("GITHUB_EVENT_PATH")
        }
        guard let body = try? WebhookBodyFile.read(path), (try? JSONSerialization.jsonObject(with: body)) is [String: Any] else {
            throw ActionError.badEvent(path)
        }
        self.name = name
        self.body = body
        self.action = ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any])?["action"] as? String
        // One delivery per run attempt: a re-run of the same attempt is not processed twice.
        let run = [environment["GITHUB_RUN_ID"], environment["GITHUB_RUN_ATTEMPT"]].compactMap { $0 }.joined(separator: "-")
        let digest = SHA256.hash(data: body).prefix(8).map { String(format: "%02x", $0) }.joined()
        self.deliveryID = "actions-" + (run.isEmpty ? digest : run + "-" + digest)
        self.repository = environment["GITHUB_REPOSITORY"]
        self.apiURL = environment["GITHUB_API_URL"]
    }

    /// The folder commits are written out in to run their commands: `RUNNER_TEMP`, else the system's temporary folder.
    func scratch(_ environment: [String: String]) -> URL {
        URL(fileURLWithPath: environment["RUNNER_TEMP"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory(), isDirectory: true)
    }

    /// The environment the configuration is read from: Actions' repository, API URL and token fill in what the
    /// configuration leaves unset.
    func configurationEnvironment(_ environment: [String: String]) -> [String: String] {
        var merged = environment
        if merged["PFBOT_GITHUB_REPOSITORY"] == nil, let repository { merged["PFBOT_GITHUB_REPOSITORY"] = repository }
        if merged["PFBOT_GITHUB_API_URL"] == nil, let apiURL { merged["PFBOT_GITHUB_API_URL"] = apiURL }
        return merged
    }
}

enum ActionError: Error, CustomStringConvertible {
    case notInActions(String)
    case badEvent(String)

    var description: String {
        switch self {
        case .notInActions(let variable): return "\(variable) is not set: `pfbot action` runs inside GitHub Actions (use `pfbot sync` elsewhere)."
        case .badEvent(let path): return "the event file \(path) is not a JSON object of at most 25 MB (26,214,400 bytes)."
        }
    }
}

/// The Markdown written to the job summary.
struct ActionSummary {
    let event: ActionEvent
    let outcome: SyncPass.Outcome
    let tasks: [TaskRecord]

    var markdown: String {
        var lines = ["## pfbot", "", "Event `\(event.name)`\(event.action.map { " (`\($0)`)" } ?? "") · \(outcome.jobsRun) jobs run · "
                     + "\(outcome.newTasks) new and \(outcome.changedTasks) changed tasks", ""]
        if !tasks.isEmpty {
            lines += ["| task | state | reward | issue |", "|---|---|---|---|"]
            for record in tasks.prefix(50) {
                lines.append("| \(InertText.singleLine(record.task.title, limit: 80).replacingOccurrences(of: "|", with: "\\|")) | \(record.task.state.rawValue) | "
                             + "\(record.task.reward.decimalText) PFT | \(record.issueNumber.map { "#\($0)" } ?? "—") |")
            }
        }
        lines += outcome.problems.map { "- ✗ \($0)" }
        if outcome.deadJobs > 0 { lines.append("- ✗ \(outcome.deadJobs) jobs failed for good") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func append(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
