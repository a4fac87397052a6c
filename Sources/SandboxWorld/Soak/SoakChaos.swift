import Foundation
import Sandbox

/// What goes on around the soak's tasks: `pfbot serve` SIGKILLed and restarted every `killEvery` seconds, every Task
/// Node session expired every `sessionExpiryEvery` seconds, and the Task Node emulator's clock kept at wall time (its
/// projection lag and rate windows are measured on it).
struct SoakChaos: Sendable {
    /// What it did.
    struct Stats: Sendable {
        var restarts = 0
        var sessionsExpired = 0
    }

    let world: SandboxWorld
    let serve: SoakServe
    let options: SoakOptions
    let narrate: @Sendable (String) -> Void

    /// Runs until cancelled or `deadline`; a restart that fails is tried again.
    func run(until deadline: Date) async -> Stats {
        var stats = Stats()
        var nextKill = Date().addingTimeInterval(options.killEvery)
        var nextExpiry = Date().addingTimeInterval(options.sessionExpiryEvery)
        while !Task.isCancelled, Date() < deadline {
            world.taskNode.clock.set(max(world.taskNode.clock.now(), Date()))
            if Date() >= nextKill {
                await serve.kill()
                stats.restarts += 1
                await restart()
                nextKill = Date().addingTimeInterval(options.killEvery)
            }
            if Date() >= nextExpiry {
                stats.sessionsExpired += await world.taskNode.expireSessions()
                nextExpiry = Date().addingTimeInterval(options.sessionExpiryEvery)
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return stats
    }

    private func restart() async {
        while !Task.isCancelled {
            do {
                try await serve.start()
                return
            } catch {
                narrate("pfbot serve did not restart; trying again: \(error)")
            }
        }
    }
}
