import Foundation
import PFBotCore

/// Plays the GitHub Actions runner for the sandbox's repository: runs `pfbot action` as a separate process with the
/// runner's environment and event file, a new run id and an empty data folder each time, as a workflow job does;
/// ``runWorkflow(event:body:environment:tamper:)`` runs the three jobs of the default workflow in order.
public struct ActionsRunner: Sendable {
    /// What one run did.
    public struct Run: Sendable {
        /// The process's exit status.
        public var status: Int32
        /// Its standard output and error, interleaved.
        public var log: String
        /// Wall time from launch to exit.
        public var milliseconds: Double
    }

    let world: SandboxWorld
    /// The `pfbot` executable.
    public let pfbot: URL
    /// Where each run's folder (event file, data folder, runner temp) is made and removed.
    public let directory: URL

    /// A runner of `pfbot` at `pfbot` for `world`, with run folders under `directory`.
    public init(world: SandboxWorld, pfbot: URL, directory: URL) {
        self.world = world
        self.pfbot = pfbot
        self.directory = directory
    }

    /// Runs `pfbot action` for the event `name` with the payload `body`; `environment` adds to (or overrides) the
    /// runner's variables, e.g. the `PFBOT_REPOSITORY_…` settings a workflow passes.
    public func run(event name: String, body: Data, environment: [String: String] = [:]) async throws -> Run {
        let run = UUID().uuidString
        let folder = directory.appendingPathComponent("action-\(run)")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await job(["action"], event: name, body: body, run: run, folder: folder, environment: environment)
    }

    /// What the three jobs of one workflow run did.
    public struct WorkflowRun: Sendable {
        /// The job that handles the event and plans repository code (`pfbot action --plan-steps`).
        public var plan: Run
        /// The read-only steps job (`pfbot action --run-steps`), when a plan was made.
        public var steps: Run?
        /// The job that applies the steps job's results (`pfbot action --apply-steps`), when a plan was made.
        public var apply: Run?
        /// The plan the first job output.
        public var planText: String?
    }

    /// Runs the workflow `pfbot init` writes for the event: the planning job with the write token and the wallet;
    /// then, when it planned steps or tests, the steps job with a read-only token and no secrets, and the job that
    /// applies its results. The steps job's results folder is handed to the last job as the artifact would be.
    /// `tamper` may change the results folder before the last job reads it (tests of a hostile steps job).
    public func runWorkflow(event name: String, body: Data, environment: [String: String] = [:],
                            tamper: @Sendable (URL) throws -> Void = { _ in }) async throws -> WorkflowRun {
        let run = UUID().uuidString
        let root = directory.appendingPathComponent("workflow-\(run)")
        defer { try? FileManager.default.removeItem(at: root) }
        let outputs = root.appendingPathComponent("plan-outputs.txt")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: outputs.path, contents: nil) else { throw ActionsRunnerError.cannotCreate(outputs.path) }
        var planEnvironment = environment
        planEnvironment["GITHUB_OUTPUT"] = outputs.path
        let plan = try await job(["action", "--plan-steps"], event: name, body: body, run: run, folder: root.appendingPathComponent("plan"),
                                 environment: planEnvironment)
        let planText = ((try? String(contentsOf: outputs, encoding: .utf8)) ?? "").split(separator: "\n")
            .first { $0.hasPrefix("plan=") }.map { String($0.dropFirst(5)) }
        guard plan.status == 0, let planText else { return WorkflowRun(plan: plan, planText: planText) }
        let results = root.appendingPathComponent("results")
        // The steps job: read-only token, no wallet, no pfbot secrets; only the plan and the runner's variables.
        var stepsEnvironment = environment.filter { !$0.key.hasPrefix("PFBOT_") }
        stepsEnvironment["PFBOT_STEPS_PLAN"] = planText
        stepsEnvironment["GITHUB_TOKEN"] = SandboxWorld.readOnlyWorkflowToken
        stepsEnvironment["PFBOT_WALLET_SEED"] = ""
        stepsEnvironment["PFBOT_TASKNODE_URL"] = ""
        let steps = try await job(["action", "--run-steps", "--results", results.path], event: name, body: body, run: run,
                                  folder: root.appendingPathComponent("steps"), environment: stepsEnvironment)
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        try tamper(results)
        var applyEnvironment = environment
        applyEnvironment["PFBOT_STEPS_PLAN"] = planText
        let apply = try await job(["action", "--apply-steps", "--results", results.path], event: name, body: body, run: run,
                                  folder: root.appendingPathComponent("apply"), environment: applyEnvironment)
        return WorkflowRun(plan: plan, steps: steps, apply: apply, planText: planText)
    }

    /// Runs one job: `pfbot` with `arguments`, the runner's variables for the event and run, and `environment` on top.
    private func job(_ arguments: [String], event name: String, body: Data, run: String, folder: URL,
                     environment: [String: String]) async throws -> Run {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let eventFile = folder.appendingPathComponent("event.json")
        try body.write(to: eventFile)
        let log = folder.appendingPathComponent("log.txt")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw ActionsRunnerError.cannotCreate(log.path) }
        let process = Process()
        process.executableURL = pfbot
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var variables = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
            "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": eventFile.path,
            "GITHUB_TOKEN": SandboxWorld.workflowToken, "GITHUB_REPOSITORY": "\(SandboxWorld.owner)/\(SandboxWorld.repositoryName)",
            "GITHUB_API_URL": world.github.apiURL, "GITHUB_STEP_SUMMARY": folder.appendingPathComponent("summary.md").path,
            "GITHUB_RUN_ID": run, "GITHUB_RUN_ATTEMPT": "1", "RUNNER_TEMP": folder.appendingPathComponent("runner-temp").path,
            "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed,
            "PFBOT_DATA_DIR": folder.appendingPathComponent("data").path, "PFBOT_GITHUB_WRITE_SPACING_MS": "0",
        ]
        variables.merge(environment) { _, new in new }
        process.environment = variables.filter { !$0.value.isEmpty }
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        let clock = ContinuousClock()
        let started = clock.now
        let ended: ContinuousClock.Instant = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { _ in continuation.resume(returning: clock.now) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: ActionsRunnerError.cannotLaunch(pfbot.path, String(describing: error)))
            }
        }
        let elapsed = ended - started
        return Run(status: process.terminationStatus, log: (try? String(contentsOf: log, encoding: .utf8)) ?? "", milliseconds: elapsed.inSeconds * 1000)
    }
}

/// Why the sandbox's Actions runner could not run `pfbot action`.
public enum ActionsRunnerError: Error, CustomStringConvertible {
    case cannotCreate(String)
    case cannotLaunch(String, String)

    public var description: String {
        switch self {
        case .cannotCreate(let path): return "cannot create the runner's log file \(path); check that the sandbox folder is writable"
        case .cannotLaunch(let path, let why): return "cannot start \(path) action (\(why)); build pfbot first (swift build) and pass its path"
        }
    }
}
