import Foundation
import PFBotTestSupport
import SandboxWorld

/// The Actions-mode suites' shared steps: an accepted docs task, its folder, and `pfbot action` run as a runner
/// would (see ``ActionModeEventTests``).
protocol ActionsSuiteHelpers {}

extension ActionsSuiteHelpers {
    func acceptedTask(_ world: SandboxWorld) async throws -> (id: String, branch: String) {
        let task = try await ActionModeEventTests().acceptedTask(world)
        return (task.id, task.branch)
    }

    func folder(_ world: SandboxWorld, _ id: String) async throws -> String {
        try await ActionModeEventTests().folder(world, id)
    }

    func runAction(_ world: SandboxWorld, _ directory: TemporaryDirectory, event: String, body: [UInt8], run: Int,
                   extra: [String: String] = [:]) async throws -> CommandRunner.Result {
        try await ActionModeEventTests().runAction(world, directory, event: event, body: body, run: run, extra: extra)
    }
}
