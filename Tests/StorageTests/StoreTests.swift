import Foundation
import PFBotCore
import Storage
import Testing

@Suite struct StoreTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: Engine.allCases)
    func task_roundTripsWithItsRawJSON(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let record = TaskRecord(task: try sampleTask(), rawJSON: #"{"taskId":"x","pft":1250.5}"#, repository: "octo/tasks", issueNumber: 7)
            try await store.saveTask(record, source: "tasknode")
            let loaded = try await store.task(record.task.id)
            #expect(loaded == record)
            #expect(try await store.history(of: record.task.id).map(\.to) == [.proposed])
            #expect(try await store.task(try TaskID("task_missing")) == nil)
        }
    }

    /// A save made from a record read before the task ended (a listing read before the reward, a job's old copy)
    /// updates the task's other fields but does not take it out of its end: the history ends on the final state and
    /// no time is counted in a state the task left.
    @Test(arguments: Engine.allCases)
    func aStaleSave_neverTakesAnEndedTaskOutOfItsEnd(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            var task = try sampleTask()
            task.state = .verificationResponseSubmitted
            try await store.saveTask(TaskRecord(task: task), source: "tasknode")
            let stale = try #require(try await store.task(task.id))
            var rewarded = stale
            rewarded.task.state = .rewarded
            rewarded.task.updatedAt = now.addingTimeInterval(60)
            try await store.saveTask(rewarded, source: "tasknode")
            var late = stale
            late.issueNumber = 9
            try await store.saveTask(late, source: "reconciler")
            let stored = try #require(try await store.task(task.id))
            #expect(stored.task.state == .rewarded)
            #expect(stored.issueNumber == 9)
            #expect(try await store.history(of: task.id).map(\.to) == [.verificationResponseSubmitted, .rewarded])
            let figures = try await store.analyticsFigures(now: now.addingTimeInterval(86_400))
            #expect(figures.timeInState[.verificationResponseSubmitted]?.spans == 1)
            #expect(figures.tasksByState == [.rewarded: 1])
        }
    }

    /// A copy read before the reward (its amount is the offer) saved after the reward keeps the amount paid.
    @Test(arguments: Engine.allCases)
    func aStaleSave_keepsTheRewardAnEndedTaskWasPaid(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            var task = try sampleTask()
            task.state = .verificationResponseSubmitted
            task.reward = try PFTAmount(parsing: "100")
            try await store.saveTask(TaskRecord(task: task, rawJSON: #"{"status":"verification"}"#), source: "tasknode")
            let stale = try #require(try await store.task(task.id))
            var rewarded = stale
            rewarded.task.state = .rewarded
            rewarded.task.reward = try PFTAmount(parsing: "62.5")
            rewarded.rawJSON = #"{"status":"rewarded"}"#
            try await store.saveTask(rewarded, source: "tasknode")
            var late = stale
            late.pullNumber = 12
            try await store.saveTask(late, source: "github")
            let stored = try #require(try await store.task(task.id))
            #expect(stored.task.reward == (try PFTAmount(parsing: "62.5")))
            #expect(stored.task.state == .rewarded)
            #expect(stored.rawJSON == #"{"status":"rewarded"}"#)
            #expect(stored.pullNumber == 12)
        }
    }

    @Test(arguments: Engine.allCases)
    func transition_recordsHistory_andRefusesIllegalMoves(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let task = try sampleTask()
            try await store.saveTask(TaskRecord(task: task), source: "tasknode")
            _ = try await store.transition(task.id, to: .accepted, source: "command:accept", note: "by octocat", at: now)
            _ = try await store.transition(task.id, to: .mirrored, source: "executor", note: nil, at: now.addingTimeInterval(1))
            await #expect(throws: DomainError.illegalTransition(task: task.id, from: .mirrored, to: .rewarded)) {
                try await store.transition(task.id, to: .rewarded, source: "tasknode", note: nil, at: now.addingTimeInterval(2))
            }
            let stored = try #require(try await store.task(task.id))
            #expect(stored.task.state == .mirrored)
            let history = try await store.history(of: task.id)
            #expect(history.map(\.to) == [.proposed, .accepted, .mirrored])
            #expect(history[1].from == .proposed)
            #expect(history[1].source == "command:accept")
            #expect(history[1].note == "by octocat")
            #expect(try await store.tasks(in: [.mirrored]).count == 1)
            var observed = stored
            observed.task.state = .submitted
            observed.task.updatedAt = now.addingTimeInterval(3)
            try await store.saveTask(observed, source: "tasknode")
            try await store.saveTask(observed, source: "tasknode")
            let afterObservation = try await store.history(of: task.id)
            #expect(afterObservation.map(\.to) == [.proposed, .accepted, .mirrored, .submitted])
            #expect(afterObservation.last?.note == "observed")
            #expect(try await store.histories() == [task.id: afterObservation])
            #expect(try await store.tasks(in: [.proposed]).isEmpty)
        }
    }

    @Test(arguments: Engine.allCases)
    func delivery_isStoredOnce_andQueuesOneJob(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let body = Array(#"{"action":"created","zero":"\u0000","bytes":"é"}"#.utf8) + [0xFF]
            let delivery = Delivery(id: "72d3162e-cc78-11e3-81ab-4c9367dc0958", event: "issue_comment", action: "created", body: body, receivedAt: now)
            #expect(try await store.recordDelivery(delivery))
            #expect(try await !store.recordDelivery(delivery))
            #expect(try await store.delivery(delivery.id)?.body == body)
            #expect(try await store.jobCounts()[.queued] == 1)
            let job = try #require(try await store.claimJob(worker: "w1", kinds: [Delivery.jobKind], lease: 30, now: now))
            #expect(job.payload == delivery.id)
            try await store.completeJob(job.id, now: now)
            try await store.markDeliveryProcessed(delivery.id, at: now)
            #expect(try await store.delivery(delivery.id)?.processedAt == now)
        }
    }

    @Test(arguments: Engine.allCases)
    func deliveryBatch_isStoredInOneTransaction_flaggingDuplicatesInsideAndBeforeTheBatch(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let earlier = Delivery(id: "d-earlier", event: "issues", action: "opened", body: Array(#"{"n":0}"#.utf8), receivedAt: now)
            #expect(try await store.recordDelivery(earlier))
            let first = Delivery(id: "d-first", event: "issue_comment", action: "created", body: Array(#"{"n":1}"#.utf8) + [0xFF], receivedAt: now)
            let second = Delivery(id: "d-second", event: "push", action: nil, body: Array(#"{"n":2}"#.utf8), receivedAt: now)
            let isNew = try await store.recordDeliveries([first, earlier, second, first])
            #expect(isNew == [true, false, true, false])
            #expect(try await store.delivery("d-first")?.body == first.body)
            #expect(try await store.delivery("d-second")?.action == nil)
            #expect(try await store.jobCounts()[.queued] == 3)
            #expect(try await store.recordDeliveries([]) == [])
        }
    }

    @Test(arguments: Engine.allCases)
    func largeDeliveryBatch_spanningSeveralStatements_marksExactlyTheFirstCopyOfEachNewIDNew(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let stored = Delivery(id: "d-120", event: "issues", action: nil, body: Array("{}".utf8), receivedAt: now)
            let storedFirst = try await store.recordDelivery(stored)
            #expect(storedFirst)
            let batch = (0..<700).map { Delivery(id: "d-\($0 % 600)", event: "issues", action: nil, body: Array("{\"n\":\($0)}".utf8), receivedAt: now) }
            let isNew = try await store.recordDeliveries(batch)
            #expect(isNew == (0..<700).map { $0 < 600 && $0 != 120 })
            #expect(try await store.jobCounts()[.queued] == 600)
            #expect(try await store.delivery("d-599")?.body == Array("{\"n\":599}".utf8))
            #expect(try await store.delivery("d-120")?.body == Array("{}".utf8))
        }
    }

    @Test(arguments: Engine.allCases)
    func concurrentDeliveryBatches_storeEachIDOnce_withOneJobEach(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let now = self.now
            let answers = try await withThrowingTaskGroup(of: [(String, Bool)].self) { group in
                for writer in 0..<6 {
                    group.addTask {
                        let batch = (0..<40).map { Delivery(id: "c-\((writer * 40 + $0) % 100)", event: "push", action: nil, body: Array("{}".utf8), receivedAt: now) }
                        return zip(batch.map(\.id), try await store.recordDeliveries(batch)).map { ($0, $1) }
                    }
                }
                var all: [(String, Bool)] = []
                for try await part in group { all += part }
                return all
            }
            #expect(answers.filter(\.1).count == 100)
            #expect(Set(answers.filter(\.1).map(\.0)).count == 100)
            #expect(try await store.jobCounts()[.queued] == 100)
        }
    }

    @Test(arguments: Engine.allCases)
    func deliveryBatch_thatFailsPartWay_storesNoneOfIt(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let blocker = try await store.enqueue(NewJob(kind: "other", payload: "x", dedupeKey: "delivery:d-blocked", runAt: now))
            #expect(blocker != nil)
            let fine = Delivery(id: "d-fine", event: "issues", action: "opened", body: Array("{}".utf8), receivedAt: now)
            let blocked = Delivery(id: "d-blocked", event: "issues", action: "opened", body: Array("{}".utf8), receivedAt: now)
            await #expect(throws: (any Error).self) { try await store.recordDeliveries([fine, blocked]) }
            #expect(try await store.delivery("d-fine") == nil)
            #expect(try await store.delivery("d-blocked") == nil)
            #expect(try await store.jobCounts()[.queued] == 1)
            #expect(try await store.recordDeliveries([fine]) == [true])
        }
    }

    @Test(arguments: Engine.allCases)
    func failedJob_backsOff_thenBecomesADeadLetter(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let id = try #require(try await store.enqueue(NewJob(kind: "sync", payload: "{}", runAt: now, maxAttempts: 2)))
            var job = try #require(try await store.claimJob(worker: "w1", kinds: nil, lease: 30, now: now))
            #expect(job.id == id && job.attempts == 1 && job.state == .running)
            #expect(try await store.failJob(id, error: "Task Node 503", now: now) == .retry(at: now.addingTimeInterval(2)))
            #expect(try await store.claimJob(worker: "w1", kinds: nil, lease: 30, now: now.addingTimeInterval(1)) == nil)
            job = try #require(try await store.claimJob(worker: "w1", kinds: nil, lease: 30, now: now.addingTimeInterval(2)))
            #expect(job.attempts == 2)
            #expect(try await store.failJob(id, error: "Task Node 503 again", now: now.addingTimeInterval(3)) == .dead)
            let dead = try #require(try await store.job(id))
            #expect(dead.state == .dead)
            #expect(dead.lastError == "Task Node 503 again")
            #expect(try await store.claimJob(worker: "w1", kinds: nil, lease: 30, now: now.addingTimeInterval(10_000)) == nil)
        }
    }

    @Test(arguments: Engine.allCases)
    func expiredLease_letsAnotherWorkerClaim_andReleaseDoesNotCountAnAttempt(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let id = try #require(try await store.enqueue(NewJob(kind: "qc", payload: "{}", runAt: now)))
            _ = try #require(try await store.claimJob(worker: "dies", kinds: ["qc"], lease: 10, now: now))
            #expect(try await store.claimJob(worker: "w2", kinds: ["qc"], lease: 10, now: now.addingTimeInterval(5)) == nil)
            let reclaimed = try #require(try await store.claimJob(worker: "w2", kinds: ["qc"], lease: 10, now: now.addingTimeInterval(11)))
            #expect(reclaimed.claimedBy == "w2" && reclaimed.attempts == 2)
            try await store.releaseJob(id)
            let released = try #require(try await store.job(id))
            #expect(released.state == .queued && released.attempts == 1 && released.claimedBy == nil)
            #expect(try await store.claimJob(worker: "w3", kinds: ["other"], lease: 10, now: now.addingTimeInterval(12)) == nil)
        }
    }

    @Test(arguments: Engine.allCases)
    func dedupeKey_allowsOneLiveJob(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let first = try await store.enqueue(NewJob(kind: "qc", payload: "a", dedupeKey: "qc:task_1:abc", runAt: now))
            #expect(first != nil)
            #expect(try await store.enqueue(NewJob(kind: "qc", payload: "b", dedupeKey: "qc:task_1:abc", runAt: now)) == nil)
            let job = try #require(try await store.claimJob(worker: "w", kinds: nil, lease: 10, now: now))
            try await store.completeJob(job.id, now: now)
            #expect(try await store.enqueue(NewJob(kind: "qc", payload: "c", dedupeKey: "qc:task_1:abc", runAt: now)) != nil)
        }
    }

    @Test(arguments: Engine.allCases)
    func concurrentClaimsFromSeveralStores_neverShareAJob(engine: Engine) async throws {
        try await withStore(engine) { store, database in
            let jobCount = 60
            for index in 0..<jobCount {
                _ = try await store.enqueue(NewJob(kind: "work", payload: String(index), runAt: now))
            }
            let others = [try await database.open(), try await database.open()]
            let stores: [SQLStore] = [store] + others
            let claimed: [Int64]
            do {
                claimed = try await claimConcurrently(from: stores)
            } catch {
                for other in others { try? await other.close() }
                throw error
            }
            for other in others { try await other.close() }
            #expect(claimed.count == jobCount)
            #expect(Set(claimed).count == jobCount)
        }
    }

    @Test(arguments: Engine.allCases)
    func outbox_reservesOnce_andRemembersTheResult(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let entry = NewOutboxEntry(key: "submit:task_1:abc123", kind: "submission", payload: #"{"pr":7}"#)
            let first = try await store.reserveOutbox(entry, now: now)
            #expect(first.state == .pending && first.attempts == 0)
            try await store.markOutboxFailed(key: entry.key, error: "timeout", now: now)
            try await store.markOutboxSent(key: entry.key, result: #"{"ok":true}"#, now: now)
            let again = try await store.reserveOutbox(NewOutboxEntry(key: entry.key, kind: "submission", payload: "different"), now: now)
            #expect(again.state == .sent)
            #expect(again.payload == #"{"pr":7}"#)
            #expect(again.result == #"{"ok":true}"#)
            #expect(again.attempts == 2)
            #expect(again.lastError == "timeout")
        }
    }

    @Test(arguments: Engine.allCases)
    func auditLogAndSettings_persistAcrossReopen(engine: Engine) async throws {
        try await withStore(engine) { store, database in
            try await store.appendAudit(AuditEntry(at: now, actor: "github:octocat", action: "task.accept", subject: "task_1"))
            try await store.appendAudit(AuditEntry(at: now, actor: "pfbot", action: "submission.sent", subject: "task_1", detail: "merge abc"))
            try await store.setSetting("account_tx.marker", value: "m1", now: now)
            try await store.setSetting("account_tx.marker", value: "m2", now: now)
            let reopened = try await database.open()
            #expect(try await reopened.auditLog(limit: 10).map(\.action) == ["submission.sent", "task.accept"])
            #expect(try await reopened.setting("account_tx.marker") == "m2")
            #expect(try await reopened.setting("absent") == nil)
            try await reopened.migrate()
            try await reopened.close()
        }
    }

    /// Two workers per store claim until the queue is empty; returns every claimed id.
    private func claimConcurrently(from stores: [SQLStore]) async throws -> [Int64] {
        try await withThrowingTaskGroup(of: [Int64].self) { group in
            for (index, worker) in stores.enumerated() {
                for lane in 0..<2 {
                    group.addTask {
                        var mine: [Int64] = []
                        while let job = try await worker.claimJob(worker: "w\(index)-\(lane)", kinds: nil, lease: 60, now: now) {
                            mine.append(job.id)
                            try await worker.completeJob(job.id, now: now)
                        }
                        return mine
                    }
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
    }
}

@Suite struct LeaseAndSchemaTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: Engine.allCases)
    func lease_hasOneHolder_untilItExpiresOrIsReleased(engine: Engine) async throws {
        try await withStore(engine) { store, database in
            let other = try await database.open()
            #expect(try await store.acquireLease("poller", holder: "a", duration: 30, now: now))
            #expect(try await !other.acquireLease("poller", holder: "b", duration: 30, now: now.addingTimeInterval(10)))
            #expect(try await store.acquireLease("poller", holder: "a", duration: 30, now: now.addingTimeInterval(20)))
            #expect(try await !other.acquireLease("poller", holder: "b", duration: 30, now: now.addingTimeInterval(45)))
            #expect(try await other.acquireLease("poller", holder: "b", duration: 30, now: now.addingTimeInterval(51)))
            try await other.releaseLease("poller", holder: "a")
            #expect(try await !store.acquireLease("poller", holder: "a", duration: 30, now: now.addingTimeInterval(52)))
            try await other.releaseLease("poller", holder: "b")
            #expect(try await store.acquireLease("poller", holder: "a", duration: 30, now: now.addingTimeInterval(53)))
            try await other.close()
        }
    }

    @Test(arguments: Engine.allCases)
    func buriedJob_isDeadAtOnce(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let id = try #require(try await store.enqueue(NewJob(kind: "x", payload: "{}", runAt: now, maxAttempts: 5)))
            _ = try await store.claimJob(worker: "w", kinds: nil, lease: 10, now: now)
            try await store.buryJob(id, error: "malformed payload", now: now)
            #expect(try await store.job(id)?.state == .dead)
            #expect(try await store.jobCounts()[.dead] == 1)
        }
    }

    @Test func databaseFromANewerPfbot_isRefusedWithAnUpgradeHint() async throws {
        let database = try await TestDatabase.make(.sqlite)
        let store = try await database.open()
        try await store.setSetting("probe", value: "1", now: now)
        try await store.close()
        guard case .sqlite(let path) = database.location else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO schema_migrations VALUES ('999_future', 0)\"); c.commit()", path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        await #expect(throws: StoreError.self) { _ = try await database.open() }
        do {
            _ = try await database.open()
        } catch {
            #expect(String(describing: error).contains("999_future"))
            #expect(String(describing: error).contains("upgrade pfbot"))
        }
        await database.remove()
    }
}
