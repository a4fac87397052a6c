import Foundation
import PFBotTestSupport
import Pipeline
import Storage
import Testing

@Suite(.timeLimit(.minutes(1))) struct JobWakeupTests {
    @Test func aWakeAfterTheTicket_endsTheWaitAtOnce_evenIfItCameFirst() async {
        let wakeup = JobWakeup()
        let ticket = wakeup.ticket()
        wakeup.wake()
        await wakeup.wait(after: ticket, timeout: .seconds(3600))
        #expect(wakeup.ticket() == ticket + 1)
    }

    @Test func withoutAWake_theWaitEndsAtTheTimeout() async {
        let wakeup = JobWakeup()
        let clock = ContinuousClock()
        let started = clock.now
        await wakeup.wait(after: wakeup.ticket(), timeout: .milliseconds(50))
        #expect(clock.now - started >= .milliseconds(50))
    }

    /// Short timeouts end waits at every point of registering; none may hang (the suite's time limit would fail it).
    @Test func manyShortWaits_allEnd_withoutAWake() async {
        let wakeup = JobWakeup()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<2_000 { group.addTask { await wakeup.wait(after: wakeup.ticket(), timeout: .nanoseconds(1)) } }
            await group.waitForAll()
        }
    }

    @Test func cancelledWaits_end() async {
        let wakeup = JobWakeup()
        let waits = Task {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<200 { group.addTask { await wakeup.wait(after: wakeup.ticket(), timeout: .seconds(3600)) } }
                await group.waitForAll()
            }
        }
        waits.cancel()
        await waits.value
    }

    @Test func aWake_releasesEveryWaitingWorker() async {
        let wakeup = JobWakeup()
        let ticket = wakeup.ticket()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { await wakeup.wait(after: ticket, timeout: .seconds(3600)) } }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(20))
                wakeup.wake()
            }
            await group.waitForAll()
        }
    }

    @Test func anIdleRunner_withAnHourLongPoll_runsAJobAsSoonAsItIsWoken() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-wakeup")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let recorder = JobRecorder()
        let wakeup = JobWakeup()
        let runner = JobRunner(store: store, handlers: [ScriptedHandler(recorder: recorder)], workerName: "test", idleDelay: .seconds(3600), wakeup: wakeup)
        let running = Task { await runner.run(workers: 2) }
        try await Task.sleep(for: .milliseconds(50))
        _ = try await store.enqueue(NewJob(kind: "scripted", payload: "woken", runAt: Date()))
        wakeup.wake()
        while await recorder.handled.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        #expect(await recorder.handled == ["woken"])
        running.cancel()
        await running.value
        try await store.close()
    }
}
