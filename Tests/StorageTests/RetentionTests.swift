import Foundation
import PFBotCore
import Storage
import Testing

/// Pruning drops only processed data past its retention: never an unprocessed delivery, a pending or dead job, or
/// a task's history.
@Suite struct RetentionTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    @Test(arguments: Engine.allCases)
    func pruning_keepsEverythingUnprocessedOrPending(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let body = Array(#"{"action":"created"}"#.utf8)
            for (id, received) in [("old-processed", 40.0), ("week-processed", 10.0), ("fresh-processed", 1.0), ("old-unprocessed", 60.0)] {
                #expect(try await store.recordDelivery(Delivery(id: id, event: "issues", action: "opened", body: body, receivedAt: daysAgo(received))))
            }
            // The inbox queued one job per delivery; finish those of the processed ones, long ago.
            var unprocessedJob: Int64?
            while let job = try await store.claimJob(worker: "w", kinds: [Delivery.jobKind], lease: 60, now: now) {
                if job.payload == "old-unprocessed" {
                    unprocessedJob = job.id
                } else {
                    try await store.completeJob(job.id, now: daysAgo(39))
                }
            }
            try await store.releaseJob(try #require(unprocessedJob))
            for (id, processed) in [("old-processed", 39.0), ("week-processed", 9.0), ("fresh-processed", 0.5)] {
                try await store.markDeliveryProcessed(id, at: daysAgo(processed))
            }
            let pending = try #require(try await store.enqueue(NewJob(kind: "pipeline.qc", payload: "{}", runAt: daysAgo(50))))
            let dead = try #require(try await store.enqueue(NewJob(kind: "pipeline.qc", payload: "{}", runAt: daysAgo(50), maxAttempts: 1)))
            try await store.buryJob(dead, error: "gone", now: daysAgo(50))
            try await store.appendAudit(AuditEntry(at: daysAgo(400), actor: "pfbot", action: "qc.success", subject: "t"))
            try await store.saveTask(TaskRecord(task: try sampleTask(at: daysAgo(500))), source: "tasknode")

            let report = try await store.prune(RetentionSettings(deliveryBodyDays: 7, deliveryDays: 30, doneJobDays: 7, auditDays: 0), now: now)
            #expect(report == PruneReport(deliveryBodies: 1, deliveries: 1, jobs: 3, auditEntries: 0))
            #expect(try await store.delivery("old-processed") == nil)
            #expect(try await store.delivery("week-processed")?.body == [])
            #expect(try await store.delivery("week-processed")?.processedAt != nil)
            #expect(try await store.delivery("fresh-processed")?.body == body)
            #expect(try await store.delivery("old-unprocessed")?.body == body)
            #expect(try await store.job(pending)?.state == .queued)
            #expect(try await store.job(dead)?.state == .dead)
            #expect(try await store.auditLog(limit: 10).count == 1)
            #expect(try await store.history(of: try sampleTask().id).count == 1)

            let withAudit = try await store.prune(RetentionSettings(auditDays: 365), now: now)
            #expect(withAudit.auditEntries == 1 && withAudit.deliveries == 0 && withAudit.jobs == 0)
            // A processed delivery's id stays known while its row is kept: a redelivery is still refused.
            #expect(try await !store.recordDelivery(Delivery(id: "week-processed", event: "issues", action: "opened", body: body, receivedAt: now)))
        }
    }

    /// Command receipts go when their deliveries' ids go (finished or abandoned); the pull request heads of a task that
    /// ended that long ago go too, while a live task's are kept.
    @Test(arguments: Engine.allCases)
    func pruning_dropsOldCommandReceipts_andTheHeadsOfLongEndedTasks(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let ended = try sampleTask(state: .rewarded, at: daysAgo(60))
            try await store.saveTask(TaskRecord(task: ended), source: "tasknode")
            let live = try sampleTask("task_fedcba9876543210fedcba9876543210", state: .inProgress, at: daysAgo(60))
            try await store.saveTask(TaskRecord(task: live), source: "tasknode")
            for task in [ended.id, live.id] { try await store.recordHead(task: task, sha: "abc", at: daysAgo(60)) }
            _ = try await store.beginCommand(comment: 1, line: 1, verb: "status", owner: "a", at: daysAgo(40), takeOverAfter: 300)
            _ = try await store.beginCommand(comment: 2, line: 1, verb: "status", owner: "a", at: daysAgo(40), takeOverAfter: 300)
            try await store.finishCommand(comment: 2, line: 1, reply: "done", at: daysAgo(40))
            _ = try await store.beginCommand(comment: 3, line: 1, verb: "status", owner: "a", at: daysAgo(1), takeOverAfter: 300)

            _ = try await store.prune(RetentionSettings(deliveryDays: 30), now: now)
            #expect(try await store.heads(task: ended.id).isEmpty)
            #expect(try await store.heads(task: live.id).map(\.sha) == ["abc"])
            for comment in [Int64(1), 2] {
                #expect(try await store.beginCommand(comment: comment, line: 1, verb: "status", owner: "b", at: now, takeOverAfter: 300) == .run)
            }
            #expect(try await store.beginCommand(comment: 3, line: 1, verb: "status", owner: "b", at: now, takeOverAfter: 2 * 86_400)
                == .running(since: daysAgo(1)))
        }
    }
}
