import Foundation
import PFBotTestSupport
import Pipeline
import Storage
import Synchronization
import Testing

/// Records what it was asked to do and fails as told.
actor JobRecorder {
    var handled: [String] = []
    /// Records the payload; returns whether it was seen before.
    func add(_ payload: String) -> Bool {
        defer { handled.append(payload) }
        return handled.contains(payload)
    }
}

struct ScriptedHandler: JobHandler {
    struct Malformed: PermanentJobFailure {}
    struct Flaky: Error {}

    let kinds: Set<String> = ["scripted"]
    let recorder: JobRecorder

    func handle(_ job: Job) async throws {
        let seenBefore = await recorder.add(job.payload)
        switch job.payload {
        case "malformed": throw Malformed()
        case "flaky" where job.attempts < 2: throw Flaky()
        case "cancel" where !seenBefore: throw CancellationError()
        default: return
        }
    }
}

@Suite struct JobRunnerTests {
    func withRunner(_ body: (JobRunner, SQLStore, JobRecorder) async throws -> Void) async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-jobs")
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let recorder = JobRecorder()
        let clock = Date(timeIntervalSince1970: 1_800_000_000)
        let runner = JobRunner(store: store, handlers: [ScriptedHandler(recorder: recorder)], workerName: "test", now: { clock })
        do {
            try await body(runner, store, recorder)
        } catch {
            try? await store.close()
            directory.remove()
            throw error
        }
        try await store.close()
        directory.remove()
    }

    @Test func outcomes_followTheHandler() async throws {
        try await withRunner { runner, store, recorder in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let ok = try #require(try await store.enqueue(NewJob(kind: "scripted", payload: "ok", runAt: now)))
            #expect(try await runner.runOne() == .done)
            #expect(try await store.job(ok)?.state == .done)
            let bad = try #require(try await store.enqueue(NewJob(kind: "scripted", payload: "malformed", runAt: now)))
            #expect(try await runner.runOne() == .dead)
            #expect(try await store.job(bad)?.lastError?.contains("Malformed") == true)
            let flaky = try #require(try await store.enqueue(NewJob(kind: "scripted", payload: "flaky", runAt: now)))
            #expect(try await runner.runOne() == .retrying)
            #expect(try await runner.runOne() == nil)
            #expect(try await store.job(flaky)?.state == .queued)
            let cancelled = try #require(try await store.enqueue(NewJob(kind: "scripted", payload: "cancel", runAt: now)))
            #expect(try await runner.runOne() == .released)
            #expect(try await store.job(cancelled)?.attempts == 0)
            let orphan = try #require(try await store.enqueue(NewJob(kind: "unknown-kind", payload: "x", runAt: now)))
            #expect(try await runner.drain() == 1)
            #expect(try await store.job(orphan)?.state == .queued)
            #expect(await recorder.handled == ["ok", "malformed", "flaky", "cancel", "cancel"])
        }
    }

    /// A job whose work another holder is doing (its lease is held) waits without using its attempts: a holder killed
    /// with its lease still held once used up all 8 attempts of the announce job waiting for it, and the task was lost.
    @Test func aJobWaitingForAnotherHolder_isPostponed_withoutUsingItsAttempts() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-jobs")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let clock = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        let busyTimes = Mutex(5)
        let handler = BusyHandler { busyTimes.withLock { times in defer { times -= 1 }; return times > 0 } }
        let runner = JobRunner(store: store, handlers: [handler], workerName: "test", now: { clock.withLock { $0 } })
        let id = try #require(try await store.enqueue(NewJob(kind: "busy", payload: "{}", runAt: clock.withLock { $0 }, maxAttempts: 2)))
        for _ in 0..<5 {
            #expect(try await runner.runOne() == .postponed)
            let job = try #require(try await store.job(id))
            #expect(job.state == .queued)
            #expect(job.attempts == 0)
            #expect(job.lastError?.contains("another holder") == true)
            #expect(try await runner.runOne() == nil, "postponed by the wait the error asked for")
            clock.withLock { $0 = $0.addingTimeInterval(30) }
        }
        #expect(try await runner.runOne() == .done)
        #expect(try await store.job(id)?.state == .done)
        try await store.close()
    }

    /// A cancelled drain claims nothing: a job a cancelled run hands back is due again at once, and a drain that went on
    /// claiming would spin on it (`pfbot demo` once ignored SIGINT that way).
    @Test func drain_inACancelledTask_claimsNothing() async throws {
        try await withRunner { runner, store, recorder in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let job = try #require(try await store.enqueue(NewJob(kind: "scripted", payload: "ok", runAt: now)))
            let drained = await Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await runner.drain()
            }.result
            #expect(throws: CancellationError.self) { try drained.get() }
            #expect(try await store.job(job)?.state == .queued)
            #expect(await recorder.handled.isEmpty)
        }
    }

    @Test func run_stopsWhenCancelled() async throws {
        try await withRunner { runner, store, recorder in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            for index in 0..<5 { _ = try await store.enqueue(NewJob(kind: "scripted", payload: "job\(index)", runAt: now)) }
            let running = Task { await runner.run(workers: 2) }
            for _ in 0..<200 where try await store.jobCounts()[.done] != 5 {
                try await Task.sleep(for: .milliseconds(20))
            }
            running.cancel()
            await running.value
            #expect(try await store.jobCounts()[.done] == 5)
            #expect(await recorder.handled.sorted() == (0..<5).map { "job\($0)" })
        }
    }

    @Test func aJobLongerThanItsLease_keepsItsClaimWhileItsWorkerLives() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-jobs-lease")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let recorder = JobRecorder()
        let slow = JobRunner(store: store, handlers: [SlowHandler(recorder: recorder, duration: .seconds(20))], workerName: "slow", lease: 8)
        let other = JobRunner(store: store, handlers: [SlowHandler(recorder: recorder, duration: .zero)], workerName: "other", lease: 8)
        _ = try await store.enqueue(NewJob(kind: "slow", payload: "long", runAt: Date()))
        let running = Task { try await slow.runOne() }
        // The other worker keeps trying for longer than two leases while the first one is still at work. The lease leaves
        // five seconds of slack after each renewal, so a loaded machine's scheduling delays do not read as a dead worker.
        var takenOver = 0
        for _ in 0..<190 {
            try await Task.sleep(for: .milliseconds(100))
            if try await other.runOne() != nil { takenOver += 1 }
        }
        #expect(try await running.value == .done)
        #expect(takenOver == 0)
        #expect(await recorder.handled == ["long"])
        try await store.close()
    }
}

/// Takes `duration` over each job.
struct SlowHandler: JobHandler {
    let kinds: Set<String> = ["slow"]
    let recorder: JobRecorder
    let duration: Duration

    func handle(_ job: Job) async throws {
        _ = await recorder.add(job.payload)
        try await Task.sleep(for: duration)
    }
}

/// Says another holder is doing the work while `busy()` says so, then does it.
struct BusyHandler: JobHandler {
    struct HeldElsewhere: WorkInProgressElsewhere, CustomStringConvertible {
        var wait: Duration { .seconds(30) }
        var description: String { "another holder is doing this work" }
    }

    let kinds: Set<String> = ["busy"]
    let busy: @Sendable () -> Bool

    func handle(_ job: Job) async throws {
        if busy() { throw HeldElsewhere() }
    }
}
