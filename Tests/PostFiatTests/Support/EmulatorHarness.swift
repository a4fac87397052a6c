import Foundation
import PostFiat
import Sandbox

/// A running emulator plus a client wired to it with test doubles.
struct EmulatorHarness {
    let emulator: TaskNodeEmulator
    let server: TaskNodeEmulatorServer
    let client: TaskNodeClient
    let signer: any TransitionSigner
    let sleeper: RecordingSleeper
    let sessions: InMemorySessionStore
    let pending: InMemoryPendingWriteStore

    static func start(signer: any TransitionSigner = HMACTestSigner(secret: "alice"),
                      checker: any SignatureChecker = HMACTestChecker(),
                      options: TaskNodeEmulatorOptions = .init(),
                      configure: (inout TaskNodeConfiguration) -> Void = { _ in }) async throws -> EmulatorHarness {
        let clock = SettableClock()
        let emulator = TaskNodeEmulator(checker: checker, clock: clock, options: options)
        let server = try await TaskNodeEmulatorServer.start(emulator)
        let sleeper = RecordingSleeper(clock: clock)
        let sessions = InMemorySessionStore()
        let pending = InMemoryPendingWriteStore()
        var configuration = TaskNodeConfiguration(baseURL: server.baseURL, maximumResponseBytes: 1024 * 1024)
        configure(&configuration)
        let client = TaskNodeClient(configuration: configuration, signer: signer, sessionStore: sessions, pendingWrites: pending,
                                    clock: SharedClock(clock: clock), sleeper: sleeper, jitter: FixedJitter(value: 0.5))
        return EmulatorHarness(emulator: emulator, server: server, client: client, signer: signer, sleeper: sleeper,
                               sessions: sessions, pending: pending)
    }

    /// Runs `body` against a fresh harness and always stops the server.
    static func with(signer: any TransitionSigner = HMACTestSigner(secret: "alice"),
                     checker: any SignatureChecker = HMACTestChecker(),
                     options: TaskNodeEmulatorOptions = .init(),
                     configure: (inout TaskNodeConfiguration) -> Void = { _ in },
                     _ body: (EmulatorHarness) async throws -> Void) async throws {
        let harness = try await start(signer: signer, checker: checker, options: options, configure: configure)
        do {
            try await body(harness)
        } catch {
            await harness.server.stop()
            throw error
        }
        await harness.server.stop()
    }

    /// Proposes a task for the harness wallet and returns its id.
    @discardableResult
    func propose(title: String = "Write the docs", pft: Decimal = 250, requirement: String = "url") async -> String {
        let id = TaskNodeEmulator.newTaskID()
        await emulator.propose(EmulatorTask(taskID: id, wallet: signer.address, title: title, description: "Describe it.",
                                            steps: ["One", "Two"], kind: "personal", offeredPFT: pft,
                                            requirementType: requirement, criteria: "A public URL.",
                                            updatedAt: emulator.clock.now()))
        return id
    }

    /// Recorded requests to `path`.
    func requests(to path: String) async -> [RecordedExchange] {
        await emulator.recorded.filter { $0.request.path == path }
    }
}
