import Foundation
import Logging
import PFBotCore
@testable import Storage
import Testing

/// The pipeline's state tables (QC verdicts, reviews, deadline warnings, redeliveries, analyses), the indexed
/// task lookups, and the upgrade that moves state kept in `settings` by older versions into those tables.
@Suite struct PipelineStateTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: Engine.allCases)
    func qualityVerdicts_areKeptPerHead_andTheLatestIsFound(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let task = try sampleTask()
            try await store.saveTask(TaskRecord(task: task), source: "tasknode")
            let rules = [QualityVerdictRecord.RuleResult(rule: "placeholders", passed: false, problems: 2)]
            try await store.recordQualityVerdict(QualityVerdictRecord(task: task.id, head: "aaa", conclusion: "failure", title: "1 of 7 QC rules failed",
                                                                      rules: rules, at: now))
            try await store.recordQualityVerdict(QualityVerdictRecord(task: task.id, head: "bbb", conclusion: "success", title: "All 7 QC rules passed",
                                                                      rules: [], at: now.addingTimeInterval(60)))
            #expect(try await store.qualityVerdict(task: task.id, head: "aaa")?.rules == rules)
            #expect(try await store.latestQualityVerdict(task: task.id)?.head == "bbb")
            try await store.recordQualityVerdict(QualityVerdictRecord(task: task.id, head: "aaa", conclusion: "success", title: "again", rules: [],
                                                                      at: now.addingTimeInterval(120)))
            #expect(try await store.qualityVerdict(task: task.id, head: "aaa")?.conclusion == "success")
            #expect(try await store.latestQualityVerdict(task: task.id)?.head == "aaa")
            #expect(try await store.qualityVerdict(task: task.id, head: "ccc") == nil)
        }
    }

    /// A command line runs in one attempt at a time: another attempt waits while the first may be running, takes over
    /// once the lease has passed since it began (one taker only), and gets the reply once it is finished.
    @Test(arguments: Engine.allCases)
    func commandReceipts_haveOneRunningAttempt_andAreTakenOverOnlyAfterTheLease(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let lease = 300.0
            #expect(try await store.beginCommand(comment: 7, line: 1, verb: "accept", owner: "a", at: now, takeOverAfter: lease) == .run)
            #expect(try await store.beginCommand(comment: 7, line: 1, verb: "accept", owner: "a", at: now, takeOverAfter: lease) == .run)
            #expect(try await store.beginCommand(comment: 7, line: 1, verb: "accept", owner: "b", at: now.addingTimeInterval(299),
                                                 takeOverAfter: lease) == .running(since: now))
            let later = now.addingTimeInterval(301)
            #expect(try await store.beginCommand(comment: 7, line: 1, verb: "accept", owner: "b", at: later, takeOverAfter: lease) == .run)
            #expect(try await store.beginCommand(comment: 7, line: 1, verb: "accept", owner: "c", at: later.addingTimeInterval(1),
                                                 takeOverAfter: lease) == .running(since: later))
            try await store.finishCommand(comment: 7, line: 1, reply: "Accepted.", at: later.addingTimeInterval(2))
            #expect(try await store.beginCommand(comment: 7, line: 1, verb: "accept", owner: "c", at: later.addingTimeInterval(3),
                                                 takeOverAfter: lease) == .finished(reply: "Accepted."))
            #expect(try await store.beginCommand(comment: 7, line: 2, verb: "status", owner: "c", at: later, takeOverAfter: lease) == .run)
        }
    }

    @Test(arguments: Engine.allCases)
    func reviews_deadlineWarnings_andRedeliveries_areRows(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let task = try sampleTask()
            try await store.saveTask(TaskRecord(task: task), source: "tasknode")
            #expect(try await store.latestReview(task: task.id) == nil)
            let approval = ReviewRecord(task: task.id, reviewer: "maintainer", authorAssociation: "MEMBER", state: .approved, commit: "abc", at: now)
            try await store.recordReview(approval)
            try await store.recordReview(ReviewRecord(task: task.id, reviewer: "maintainer", authorAssociation: "MEMBER", state: .dismissed, commit: nil,
                                                      at: now.addingTimeInterval(1)))
            #expect(try await store.latestReview(task: task.id)?.state == .dismissed)
            try await store.recordReview(approval)
            #expect(try await store.latestReview(task: task.id) == approval)

            try await store.recordDeadlineWarnings(task: task.id, leadHours: [72, 24], at: now)
            try await store.recordDeadlineWarnings(task: task.id, leadHours: [24], at: now)
            #expect(try await store.deadlineWarnings(task: task.id) == [24, 72])

            #expect(try await store.redelivery(guid: "guid-1") == nil)
            try await store.recordRedelivery(guid: "guid-1", githubDeliveryID: 42, at: now)
            #expect(try await store.redelivery(guid: "guid-1") == RedeliveryRecord(guid: "guid-1", githubDeliveryID: 42, requests: 1, requestedAt: now))
            try await store.recordRedelivery(guid: "guid-1", githubDeliveryID: 43, at: now.addingTimeInterval(60))
            #expect(try await store.redelivery(guid: "guid-1") == RedeliveryRecord(guid: "guid-1", githubDeliveryID: 43, requests: 2,
                                                                                   requestedAt: now.addingTimeInterval(60)))

            #expect(try await store.redeliverySweepMark() == nil)
            try await store.recordRedeliverySweepMark(newestDeliveredAt: now, at: now)
            try await store.recordRedeliverySweepMark(newestDeliveredAt: now.addingTimeInterval(5), at: now.addingTimeInterval(6))
            #expect(try await store.redeliverySweepMark() == now.addingTimeInterval(5))
        }
    }

    @Test(arguments: Engine.allCases)
    func analyses_roundTrip_andAreReplaced(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let task = try sampleTask()
            try await store.saveTask(TaskRecord(task: task), source: "tasknode")
            let first = TaskAnalysisRecord(task: task.id, inputDigest: "d1", category: "docs", complexity: 3, estimatedHours: 1.5,
                                           returnOnInvestment: 833.67, detail: #"{"category":"docs"}"#, updatedAt: now)
            try await store.saveAnalysis(first)
            #expect(try await store.analysis(task: task.id) == first)
            var second = first
            second.inputDigest = "d2"
            second.estimatedHours = 3
            try await store.saveAnalysis(second)
            #expect(try await store.analysis(task: task.id) == second)
        }
    }

    @Test(arguments: Engine.allCases)
    func tasks_areFoundByIssuePullAndBranch_ofTheirRepository(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let mirrored = TaskRecord(task: try sampleTask("task_aaaa", state: .mirrored), repository: "octo/tasks", issueNumber: 7, pullNumber: 9,
                                      branch: "pf/guide-aaaa")
            let elsewhere = TaskRecord(task: try sampleTask("task_bbbb"), repository: "octo/other", issueNumber: 8, pullNumber: 10, branch: "pf/other")
            try await store.saveTask(mirrored, source: "executor")
            try await store.saveTask(elsewhere, source: "executor")
            #expect(try await store.task(repository: "octo/tasks", issue: 7) == mirrored)
            #expect(try await store.task(repository: "octo/tasks", pull: 9) == mirrored)
            #expect(try await store.task(repository: "octo/tasks", branch: "pf/guide-aaaa") == mirrored)
            #expect(try await store.task(repository: "octo/tasks", issue: 8) == nil)
            #expect(try await store.task(repository: "octo/tasks", branch: "pf/other") == nil)
            var moved = mirrored
            moved.pullNumber = 11
            try await store.saveTask(moved, source: "reconciler")
            #expect(try await store.task(repository: "octo/tasks", pull: 9) == nil)
            #expect(try await store.task(repository: "octo/tasks", pull: 11) == moved)
            #expect(try await store.countTasks(in: [.mirrored, .proposed]) == 2)
            #expect(try await store.taskCounts() == [.mirrored: 1, .proposed: 1])
        }
    }

    @Test(arguments: Engine.allCases)
    func upgrade_movesStateKeptInSettings_intoItsTables(engine: Engine) async throws {
        let database = try await TestDatabase.make(engine)
        do {
            let old = try await StoreFactory.open(database.location, password: nil, logger: Logger(label: "test"), migratingThrough: "003_delivery_jobs_trigger")
            let task = try sampleTask()
            let data = try RecordCoding.encodeTask(TaskRecord(task: task, repository: "octo/tasks", issueNumber: 5, branch: "pf/guide"))
            try await old.lender.withConnection { sql in
                try await sql.raw("""
                    INSERT INTO tasks (id, state, kind, title, reward_drops, data, raw, created_at, updated_at)
                    VALUES (\(bind: task.id.rawValue), 'mirrored', 'personal', 't', 1, \(bind: data), NULL, 0, 0)
                    """).run()
            }
            let id = task.id.rawValue
            for (key, value) in [("qc:\(id):abcdef1234567890", "failure"), ("qc:\(id)", "failure at `abcdef123456` — 1 of 7 QC rules failed"),
                                 ("review:\(id)", "approved abcdef1234567890 maintainer"), ("deadline-warnings:\(id)", "24,72"),
                                 ("redelivered:guid-9", "99"), ("qc:task_gone:fff", "success"), ("account_tx.marker", "m1")] {
                try await old.setSetting(key, value: value, now: now)
            }
            try await old.close()

            let store = try await database.open()
            #expect(try await store.task(repository: "octo/tasks", issue: 5)?.task.id == task.id)
            #expect(try await store.task(repository: "octo/tasks", branch: "pf/guide")?.task.id == task.id)
            let verdict = try #require(try await store.qualityVerdict(task: task.id, head: "abcdef1234567890"))
            #expect(verdict.conclusion == "failure" && verdict.title == "1 of 7 QC rules failed")
            let review = try #require(try await store.latestReview(task: task.id))
            #expect(review.state == .approved && review.commit == "abcdef1234567890" && review.reviewer == "maintainer")
            #expect(try await store.deadlineWarnings(task: task.id) == [24, 72])
            #expect(try await store.redelivery(guid: "guid-9")?.requests == 1)
            #expect(try await store.setting("qc:\(id)") == nil)
            #expect(try await store.setting("review:\(id)") == nil)
            #expect(try await store.setting("account_tx.marker") == "m1")
            try await store.close()
            await database.remove()
        } catch {
            await database.remove()
            throw error
        }
    }
}

/// The lookups on the webhook, command, QC and submit paths use indexes, not a scan of every task.
@Suite struct TaskLookupPlanTests {
    @Test func lookupsByIssuePullAndBranch_useAnIndex() async throws {
        try await withStore(.sqlite) { store, _ in
            for column in ["issue_number = 1", "pull_number = 1", "branch = 'pf/x'"] {
                let plan = try await store.lender.withConnection { database in
                    try await database.raw("EXPLAIN QUERY PLAN SELECT id, data, raw FROM tasks WHERE \(unsafeRaw: column) AND (repository = 'o/r' OR repository IS NULL)")
                        .all().map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "; ")
                }
                #expect(plan.contains("USING INDEX"), "\(column): \(plan)")
                #expect(!plan.contains("SCAN tasks"), "\(column): \(plan)")
            }
        }
    }
}
