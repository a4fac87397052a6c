import Foundation
import PFBotCore
import PFBotTestSupport
import SandboxWorld

/// Runs `body` with a fresh sandbox world in a temporary folder, and always stops it and removes the folder.
func withSandboxWorld(
    prefix: String, collaborators: [String: String] = ["octocat": "admin"], configure: @escaping (inout Configuration) -> Void = { _ in },
    _ body: (SandboxWorld, TemporaryDirectory) async throws -> Void
) async throws {
    let directory = try TemporaryDirectory(prefix: prefix)
    let world: SandboxWorld
    do {
        world = try await SandboxWorld.start(directory: URL(fileURLWithPath: directory.path.appending("/world")), collaborators: collaborators,
                                             configure: configure)
    } catch {
        directory.remove()
        throw error
    }
    do {
        try await body(world, directory)
    } catch {
        await world.stop()
        directory.remove()
        throw error
    }
    await world.stop()
    directory.remove()
}
