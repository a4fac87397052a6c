import Foundation
import PFBotCore
import PFBotTestSupport
import Pipeline
import PostFiat
import Sandbox
import Storage
import Testing
import XRPL

/// The Task Node emulator with a real wallet and client, and a real SQLite store.
struct MonitorHarness {
    static let seed = "sEdTM1uX8pu2do5XvTnutH6HsouMaM2"
    let emulator: TaskNodeEmulator
    let server: TaskNodeEmulatorServer
    let client: TaskNodeClient
    let wallet: Wallet
    let store: SQLStore
    let directory: TemporaryDirectory

    static func with(_ body: (MonitorHarness) async throws -> Void) async throws {
        let wallet = try Wallet(seed: seed)
        let emulator = TaskNodeEmulator(checker: XRPLSignatureChecker(), clock: SettableClock(start: Date(timeIntervalSince1970: 1_800_000_000)))
        let server = try await TaskNodeEmulatorServer.start(emulator)
        let directory = try TemporaryDirectory(prefix: "pfbot-monitor")
        let client = TaskNodeClient(configuration: TaskNodeConfiguration(baseURL: server.baseURL), signer: wallet,
                                    sessionStore: InMemorySessionStore(), pendingWrites: InMemoryPendingWriteStore())
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let harness = MonitorHarness(emulator: emulator, server: server, client: client, wallet: wallet, store: store, directory: directory)
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    func stop() async {
        try? await store.close()
        await server.stop()
        directory.remove()
    }

    @discardableResult
    func propose(_ title: String, pft: Decimal, description: String = "Describe it.") async -> String {
        let id = TaskNodeEmulator.newTaskID()
        await emulator.propose(EmulatorTask(taskID: id, wallet: wallet.address, title: title, description: description, steps: ["One"],
                                            kind: "personal", offeredPFT: pft, requirementType: "url", criteria: "A public URL.",
                                            updatedAt: emulator.clock.now()))
        return id
    }

    func monitor(filters: TaskFilters = TaskFilters(kinds: [], minimumReward: .zero, includeKeywords: [], excludeKeywords: [], maxInFlight: 3),
                 autoAccept: AutoAcceptRules = AutoAcceptRules(enabled: false, kinds: [], minimumReward: .zero, maximumEstimatedHours: 4),
                 now: Date = Date(timeIntervalSince1970: 1_800_000_000)) -> TaskMonitor {
        TaskMonitor(source: client, store: store, filters: filters, autoAccept: autoAccept, now: { now })
    }
}

@Suite struct TaskMonitorTests {
    @Test func newProposals_areStoredFilteredAndAnnounced_once() async throws {
        try await MonitorHarness.with { harness in
            let wanted = await harness.propose("Write the onboarding guide", pft: 250)
            let cheap = await harness.propose("Tiny fix", pft: 1)
            let filters = TaskFilters(kinds: [], minimumReward: PFTAmount(drops: 10_000_000), includeKeywords: [], excludeKeywords: [], maxInFlight: 3)
            let report = try await harness.monitor(filters: filters).poll()
            #expect(Set(report.new.map(\.rawValue)) == [wanted, cheap])
            #expect(report.skipped[try TaskID(cheap)]?.contains("below filters.min_reward_pft") == true)
            #expect(report.queuedJobs == 1)
            let job = try #require(try await harness.store.claimJob(worker: "t", kinds: [JobKind.announce.rawValue], lease: 10, now: Date(timeIntervalSince1970: 1_800_000_000)))
            #expect(job.payload.contains(wanted))
            let stored = try #require(try await harness.store.task(try TaskID(wanted)))
            #expect(stored.task.reward == PFTAmount(drops: 250_000_000))
            #expect(stored.rawJSON?.contains("\"taskId\"") == true)
            let again = try await harness.monitor(filters: filters).poll()
            #expect(again.new.isEmpty && again.changed.isEmpty && again.queuedJobs == 0)
        }
    }

    @Test func acceptanceElsewhere_andVerificationAndReward_queueTheirReactions() async throws {
        try await MonitorHarness.with { harness in
            let id = await harness.propose("Write the onboarding guide", pft: 250)
            let taskID = try TaskID(id)
            _ = try await harness.monitor().poll()
            _ = try await harness.client.accept(taskID, reason: "from the web app")
            let accepted = try await harness.monitor().poll()
            #expect(accepted.changed == [taskID])
            #expect(try await harness.store.task(taskID)?.task.state == .accepted)
            _ = try await harness.store.transition(taskID, to: .mirrored, source: "executor", note: nil, at: Date(timeIntervalSince1970: 1_800_000_001))
            #expect(try await harness.monitor().poll().changed.isEmpty)
            #expect(try await harness.store.task(taskID)?.task.state == .mirrored)
            _ = try await harness.client.submit(taskID, evidence: [try Evidence(type: .url, value: "https://github.com/o/r/pull/1")])
            try await harness.emulator.requestVerification(taskID: id, ask: "Which section covers upgrades?")
            _ = try await harness.monitor().poll()
            let stored = try #require(try await harness.store.task(taskID))
            #expect(stored.task.state == .verificationRequested)
            #expect(stored.task.verificationPrompt == "Which section covers upgrades?")
            #expect(try await harness.store.history(of: taskID).map(\.to) == [.proposed, .accepted, .mirrored, .verificationRequested])
            let kinds = try await drainKinds(harness.store)
            #expect(kinds == [JobKind.announce, .startWork, .relayVerification].map(\.rawValue))
        }
    }

    @Test func autoAccept_queuesAnAcceptJob_withinTheWIPLimit() async throws {
        try await MonitorHarness.with { harness in
            await harness.propose("Write docs", pft: 100, description: "Write docs.")
            await harness.propose("Write more docs", pft: 100, description: "Write docs.")
            let filters = TaskFilters(kinds: [], minimumReward: .zero, includeKeywords: [], excludeKeywords: [], maxInFlight: 1)
            let rules = AutoAcceptRules(enabled: true, kinds: [], minimumReward: .zero, maximumEstimatedHours: 4)
            let report = try await harness.monitor(filters: filters, autoAccept: rules).poll()
            #expect(report.queuedJobs == 3)
            #expect(try await drainKinds(harness.store).filter { $0 == JobKind.accept.rawValue }.count == 1)
        }
    }

    /// The Task Node's stamp of a change is older than the change pfbot recorded last (its clock lags, or its
    /// projection keeps an old time): the observed change is stamped with the time it was seen, so the history stays in
    /// order and ends on the state the task is in.
    @Test func anObservedChange_withAStaleTaskNodeStamp_isStampedWhenSeen() async throws {
        try await MonitorHarness.with { harness in
            let id = await harness.propose("Write docs", pft: 100)
            let taskID = try TaskID(id)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            try await harness.monitor().poll()
            _ = try await harness.client.accept(taskID, reason: "Looks good")
            _ = try await harness.store.transition(taskID, to: .accepted, source: "github:octocat", note: nil, at: start.addingTimeInterval(3600))
            _ = try await harness.client.cancel(taskID, reason: "No time")
            let seen = start.addingTimeInterval(7200)
            try await harness.monitor(now: seen).poll()
            let history = try await harness.store.history(of: taskID)
            #expect(history.map(\.to) == [.proposed, .accepted, .cancelled])
            #expect(history.last?.at == seen)
            #expect(history.map(\.at) == history.map(\.at).sorted())
        }
    }

    /// A listing that lags behind an ended task (it lists the task as still open, with the offered reward) changes
    /// nothing: the task keeps its end and the reward it was paid, and no reaction is queued.
    @Test func aListingThatLagsBehindAnEndedTask_changesNothing() async throws {
        try await MonitorHarness.with { harness in
            let id = await harness.propose("Write docs", pft: 100)
            let taskID = try TaskID(id)
            try await harness.monitor().poll()
            _ = try await drainKinds(harness.store)
            var ended = try #require(try await harness.store.task(taskID))
            ended.task.state = .rewarded
            ended.task.reward = try PFTAmount(parsing: "62.5")
            try await harness.store.saveTask(ended, source: "tasknode")
            try await harness.monitor(now: Date(timeIntervalSince1970: 1_800_003_600)).poll()
            let stored = try #require(try await harness.store.task(taskID))
            #expect(stored.task.state == .rewarded)
            #expect(stored.task.reward == (try PFTAmount(parsing: "62.5")))
            #expect(try await drainKinds(harness.store).isEmpty)
        }
    }

    /// A task that goes to a status pfbot does not know and back gets its work state again (here `in_progress`), and its
    /// issue is updated; no work is started a second time.
    @Test func aTaskBackFromUnknown_getsItsWorkStateAgain() async throws {
        try await MonitorHarness.with { harness in
            let id = await harness.propose("Write docs", pft: 100)
            let taskID = try TaskID(id)
            try await harness.monitor().poll()
            _ = try await harness.client.accept(taskID, reason: "Looks good")
            try await harness.monitor(now: Date(timeIntervalSince1970: 1_800_000_060)).poll()
            _ = try await harness.store.transition(taskID, to: .inProgress, source: "github:octocat", note: nil, at: Date(timeIntervalSince1970: 1_800_000_120))
            _ = try await drainKinds(harness.store)
            try await harness.emulator.setProjectionStatus(taskID: id, status: "rerouted")
            try await harness.monitor(now: Date(timeIntervalSince1970: 1_800_000_180)).poll()
            #expect(try await harness.store.task(taskID)?.task.state == .unknown)
            _ = try await drainKinds(harness.store)
            try await harness.emulator.setProjectionStatus(taskID: id, status: "accepted")
            try await harness.monitor(now: Date(timeIntervalSince1970: 1_800_000_240)).poll()
            #expect(try await harness.store.task(taskID)?.task.state == .inProgress)
            let kinds = try await drainKinds(harness.store)
            #expect(!kinds.contains("pipeline.start-work"))
            #expect(!kinds.isEmpty)
        }
    }

    private func drainKinds(_ store: SQLStore) async throws -> [String] {
        var kinds: [String] = []
        while let job = try await store.claimJob(worker: "t", kinds: nil, lease: 10, now: Date(timeIntervalSince1970: 1_900_000_000)) {
            kinds.append(job.kind)
            try await store.completeJob(job.id, now: Date(timeIntervalSince1970: 1_900_000_000))
        }
        return kinds
    }
}
