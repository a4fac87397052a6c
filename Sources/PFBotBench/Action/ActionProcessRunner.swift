import Foundation
import SandboxWorld

/// Runs `pfbot action` as a separate process the way the GitHub Actions runner does, and times it from launch to
/// exit. Each run gets its own empty data folder (no cache) and its own run id (a new delivery).
struct ActionProcessRunner {
    let world: SandboxWorld
    let pfbot: String
    let directory: URL

    /// Milliseconds of each of `times` runs of the event.
    func time(_ event: ActionEventSource.Event, times: Int) async throws -> [Double] {
        var milliseconds: [Double] = []
        for _ in 0..<times { milliseconds.append(try await run(event)) }
        return milliseconds
    }

    /// The Task Node allows 10 wallet logins per 600 s, and each run with an empty store logs in once: the
    /// emulator's clock moves to a new window before each run.
    static let secondsBetweenLogins: TimeInterval = 601

    /// One run; throws with the end of its log when it exits with an error.
    func run(_ event: ActionEventSource.Event) async throws -> Double {
        world.taskNode.clock.advance(by: Self.secondsBetweenLogins)
        let run = UUID().uuidString
        let folder = directory.appendingPathComponent("action-\(run)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let eventFile = folder.appendingPathComponent("event.json")
        try event.body.write(to: eventFile)
        let log = folder.appendingPathComponent("log.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pfbot)
        process.arguments = ["action"]
        process.currentDirectoryURL = folder
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": event.name, "GITHUB_EVENT_PATH": eventFile.path,
            "GITHUB_TOKEN": SandboxWorld.actionsToken, "GITHUB_REPOSITORY": "\(SandboxWorld.owner)/\(SandboxWorld.repositoryName)",
            "GITHUB_API_URL": world.github.apiURL, "GITHUB_STEP_SUMMARY": folder.appendingPathComponent("summary.md").path,
            "GITHUB_RUN_ID": run, "GITHUB_RUN_ATTEMPT": "1",
            "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed,
            "PFBOT_DATA_DIR": folder.appendingPathComponent("data").path, "PFBOT_GITHUB_WRITE_SPACING_MS": "0",
        ]
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
                continuation.resume(throwing: error)
            }
        }
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw BenchArgumentError("pfbot action (\(event.name)) exited with \(process.terminationStatus): \(text.suffix(2000))")
        }
        return (ended - started).inSeconds * 1000
    }
}
