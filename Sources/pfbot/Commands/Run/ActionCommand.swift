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

    @Flag(name: .customLong("plan-steps"), help: ArgumentHelp(
        "Run no repository code: plan the steps and the tests rule for the workflow's separate read-only steps job.",
        discussion: "The plan is written as the step output `plan` (GITHUB_OUTPUT); checks that wait for it stay in progress."))
    var planSteps = false

    @Flag(name: .customLong("run-steps"), help: ArgumentHelp(
        "Run the plan in PFBOT_STEPS_PLAN (the read-only steps job: no secrets needed) and write the results to --results.",
        discussion: "Handles no event and writes nothing to GitHub; upload the results folder as an artifact."))
    var runSteps = false

    @Flag(name: .customLong("apply-steps"), help: ArgumentHelp(
        "Finish the plan in PFBOT_STEPS_PLAN with the steps job's results in --results.",
        discussion: "Commits the steps' declared outputs and completes the checks the planning job left in progress."))
    var applySteps = false

    @Option(help: "The steps job's results folder (with --run-steps and --apply-steps).")
    var results: String?

    func validate() throws {
        guard [planSteps, runSteps, applySteps].filter({ $0 }).count <= 1 else {
            throw ValidationError("--plan-steps, --run-steps and --apply-steps are the three jobs of one workflow run; give at most one")
        }
        if (runSteps || applySteps) && (results ?? "").isEmpty {
            throw ValidationError("--run-steps and --apply-steps need --results DIR (the folder the steps job writes and the next job downloads)")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        if runSteps { return try await runPlannedSteps(environment) }
        let event = try ActionEvent(environment: environment)
        let actions = ActionEvent.runnerEnvironment(environment)
        let configuration = try loadConfiguration(options.config, environment: actions)
        let logger = LoggingSetup.logger("pfbot.action", level: configuration.logLevel)
        let recorder = StepPlanRecorder()
        let plan = applySteps ? try Self.plan(environment) : nil
        let mode: StepHost.Mode = if let plan, let results {
            .results(StepResults(directory: URL(fileURLWithPath: results, isDirectory: true), plan: plan))
        } else if planSteps {
            .plan(recorder)
        } else {
            .here(StepRunner(environment: environment))
        }
        let assembly = try await BotAssembly.build(configuration, environment: actions, logger: logger,
                                                        workerName: "actions-\(environment["GITHUB_RUN_ID"] ?? ProcessIdentity.name)",
                                                        stepHost: StepHost(mode: mode, scratch: ActionEvent.scratch(environment)))
        let outcome: SyncPass.Outcome
        do {
            if let plan {
                // The planning job of this run handled the event; this one finishes what it planned.
                try await assembly.queueFinishing(plan)
            } else if event.recordsDelivery {
                let delivery = Delivery(id: event.deliveryID, event: event.name, action: event.action, body: [UInt8](event.body), receivedAt: Date())
                _ = try await assembly.store.recordDelivery(delivery)
            }
            outcome = try await assembly.syncPass.run()
            var summary = ActionSummary(event: event, outcome: outcome, tasks: try await assembly.store.tasks(in: nil)).markdown
            if planSteps {
                let planned = recorder.plan
                if !planned.requests.isEmpty { try ActionOutput.set("plan", to: try planned.encoded(), environment: environment) }
                summary += "\n\(planned.requests.count) step and test runs planned for the read-only steps job.\n"
            }
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

    /// The read-only steps job: runs the plan on the commits it names and writes the results; no store, wallet or
    /// Task Node, and nothing written to GitHub.
    private func runPlannedSteps(_ environment: [String: String]) async throws {
        let plan = try Self.plan(environment)
        let actions = ActionEvent.runnerEnvironment(environment)
        let configuration = try loadConfiguration(options.config, environment: actions)
        let runner = StepPlanRunner(git: try await BotAssembly.repositoryAccess(configuration, environment: actions),
                                    runner: StepRunner(environment: environment), scratch: ActionEvent.scratch(environment),
                                    results: StepResults(directory: URL(fileURLWithPath: results ?? "", isDirectory: true), plan: plan))
        let lines = try await runner.run(plan)
        for line in lines { print(line) }
        if let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
            try ActionSummary.append((["## pfbot steps", ""] + lines.map { "- \($0)" }).joined(separator: "\n") + "\n", to: path)
        }
    }

    /// The plan the planning job wrote, from `PFBOT_STEPS_PLAN`.
    private static func plan(_ environment: [String: String]) throws -> StepPlan {
        guard let text = environment["PFBOT_STEPS_PLAN"], !text.isEmpty else {
            throw ValidationError("PFBOT_STEPS_PLAN is empty: pass the planning job's output (`needs.<job>.outputs.plan`) to this job")
        }
        return try StepPlan.decode(text)
    }
}

/// The event of an Actions run, read from the runner's environment.
struct ActionEvent {
    let name: String
    let body: Data
    let action: String?
    let deliveryID: String

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
    }

    /// The folder commits are written out in to run their commands: `RUNNER_TEMP`, else the system's temporary folder.
    static func scratch(_ environment: [String: String]) -> URL {
        URL(fileURLWithPath: environment["RUNNER_TEMP"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory(), isDirectory: true)
    }

    /// `environment` with Actions' repository and API URL filling in what the configuration leaves unset.
    static func runnerEnvironment(_ environment: [String: String]) -> [String: String] {
        var merged = environment
        if merged["PFBOT_GITHUB_REPOSITORY"] == nil, let repository = environment["GITHUB_REPOSITORY"] { merged["PFBOT_GITHUB_REPOSITORY"] = repository }
        if merged["PFBOT_GITHUB_API_URL"] == nil, let apiURL = environment["GITHUB_API_URL"] { merged["PFBOT_GITHUB_API_URL"] = apiURL }
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

/// Step outputs of the action (`GITHUB_OUTPUT`).
enum ActionOutput {
    /// Appends `name=value` (one line: `value` must hold no line break) to the file `GITHUB_OUTPUT` names.
    static func set(_ name: String, to value: String, environment: [String: String]) throws {
        guard let path = environment["GITHUB_OUTPUT"], !path.isEmpty else {
            throw ValidationError("GITHUB_OUTPUT is not set: --plan-steps runs as a step of a GitHub Actions job")
        }
        try ActionSummary.append("\(name)=\(value.replacingOccurrences(of: "\n", with: " "))\n", to: path)
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
