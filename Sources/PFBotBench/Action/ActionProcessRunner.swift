import Foundation
import SandboxWorld

/// Runs `pfbot action` as a separate process the way the GitHub Actions runner does (the sandbox's
/// ``ActionsRunner``), and times it from launch to exit. Each run gets its own empty data folder (no cache) and its
/// own run id (a new delivery).
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
        let runner = ActionsRunner(world: world, pfbot: URL(fileURLWithPath: pfbot), directory: directory)
        let run = try await runner.run(event: event.name, body: event.body)
        guard run.status == 0 else {
            throw BenchArgumentError("pfbot action (\(event.name)) exited with \(run.status): \(run.log.suffix(2000))")
        }
        return run.milliseconds
    }
}
