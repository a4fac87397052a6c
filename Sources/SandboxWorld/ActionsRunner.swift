import Foundation

/// Plays the GitHub Actions runner for the sandbox's repository: runs `pfbot action` as a separate process with the
/// runner's environment and event file, a new run id and an empty data folder each time, as a workflow job does.
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
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let eventFile = folder.appendingPathComponent("event.json")
        try body.write(to: eventFile)
        let log = folder.appendingPathComponent("log.txt")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw ActionsRunnerError.cannotCreate(log.path) }
        let process = Process()
        process.executableURL = pfbot
        process.arguments = ["action"]
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
        process.environment = variables
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
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return Run(status: process.terminationStatus, log: (try? String(contentsOf: log, encoding: .utf8)) ?? "", milliseconds: milliseconds)
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
