import Foundation
import Logging
import PFBotTestSupport
import SandboxWorld
import ServiceLifecycle
import Testing

/// The sandbox's servers belong to the sandbox, not to the service that started them: `pfbot demo` is a service, and
/// on SIGINT it first stops its scenario, then the sandbox. When the servers shut down with the service instead, a
/// Task Node poll in flight at the signal waited for its 30 s timeout on a server that no longer answered.
@Suite struct SandboxShutdownTests {
    /// Starts a sandbox, waits for the group's graceful shutdown, then syncs with the Task Node and GitHub emulators.
    struct SandboxService: Service {
        let directory: URL
        let started: AsyncStream<Void>.Continuation
        let synced: AsyncStream<Result<Int, any Error>>.Continuation

        func run() async throws {
            let world = try await SandboxWorld.start(directory: directory)
            _ = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 10)
            started.yield()
            try? await gracefulShutdown()
            do {
                synced.yield(.success(try await world.sync().new.count))
            } catch {
                synced.yield(.failure(error))
            }
            await world.stop()
        }
    }

    @Test func theSandbox_keepsAnswering_afterTheServiceThatStartedItIsAskedToStop() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-sandbox-shutdown")
        defer { directory.remove() }
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let (synced, syncedContinuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let service = SandboxService(directory: URL(fileURLWithPath: directory.file("world")), started: startedContinuation, synced: syncedContinuation)
        let group = ServiceGroup(services: [service], logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let running = Task { try await group.run() }
        var startedIterator = started.makeAsyncIterator()
        _ = await startedIterator.next()
        await group.triggerGracefulShutdown()
        var syncedIterator = synced.makeAsyncIterator()
        let outcome = try #require(await syncedIterator.next())
        #expect(try outcome.get() == 1, "the sync after the shutdown request reached the emulators")
        try await running.value
    }
}
