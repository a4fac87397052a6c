import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
@testable import Pipeline
import SandboxWorld
import Storage
import Testing

/// The sticky QC report stays one comment when a run dies between GitHub's creating it and the store's recording it,
/// and when two QC runs of one task publish at once.
@Suite(.serialized) struct QualityReportCommentRecoveryTests {
    static let maintainer = "octocat"

    /// The state a crash after the `POST` leaves: the bot's comment on GitHub, the posting unconfirmed in the store.
    /// The next publication lists the comments, finds that one and edits it.
    @Test func aReportPostedBeforeACrash_isFoundAgain_andEditedNotPostedTwice() async throws {
        try await withSandboxWorld(prefix: "pfbot-qc-crash", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let (id, _) = try await world.acceptedDocsTask(by: Self.maintainer)
            let task = try TaskID(id)
            let issue = try #require(try await world.store.task(task)?.issueNumber)
            let event = QualityReportComment.event(for: task)
            let first = Self.report(passed: false)
            let crashed = try await world.github.emulator.comment(as: "pfbot[bot]", owner: "acme", repo: "tasks", issue: issue,
                                                                  body: QualityReportComment.body(first, task: task))
            try await world.store.recordPostedComment(PostedCommentRecord(repository: "acme/tasks", issue: issue, event: event, commentID: nil,
                                                                          recordedAt: Date()))

            let second = Self.report(passed: true)
            try await QualityReportComment(context: world.context).publish(second, task: task, pull: issue)
            let comments = try await Self.reportComments(world, issue: issue, task: task)
            #expect(comments.map(\.id) == [crashed])
            #expect(comments.first?.body == QualityReportComment.body(second, task: task))
            #expect(try await world.store.postedComment(repository: "acme/tasks", issue: issue, event: event)?.commentID == Int64(crashed))
        }
    }

    /// Two QC runs of one task (two heads pushed in quick succession, on two workers) publish at the same moment on a
    /// pull request without a report: one comment, holding the report that was written last.
    @Test func twoRunsPublishingAtOnce_writeOneComment() async throws {
        try await withSandboxWorld(prefix: "pfbot-qc-race", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let (id, _) = try await world.acceptedDocsTask(by: Self.maintainer)
            let task = try TaskID(id)
            let issue = try #require(try await world.store.task(task)?.issueNumber)
            let publisher = QualityReportComment(context: world.context)
            async let failed: Void = publisher.publish(Self.report(passed: false), task: task, pull: issue)
            async let passed: Void = publisher.publish(Self.report(passed: true), task: task, pull: issue)
            _ = try await (failed, passed)
            let comments = try await Self.reportComments(world, issue: issue, task: task)
            #expect(comments.count == 1, "\(comments.map { $0.body ?? "" })")
            let bodies = [false, true].map { QualityReportComment.body(Self.report(passed: $0), task: task) }
            #expect(bodies.contains(comments.first?.body ?? ""))
        }
    }

    static func report(passed: Bool) -> QCReport {
        QCReport(results: [QCRuleResult(rule: "placeholders", passed: passed, summary: passed ? "no placeholders left" : "TODO left in GUIDE.md",
                                        annotations: [])])
    }

    /// The comments on the issue carrying the task's report marker.
    static func reportComments(_ world: SandboxWorld, issue: Int, task: TaskID) async throws -> [IssueComment] {
        let marker = IssueComments.marker(QualityReportComment.event(for: task))
        return try await world.context.github.listComments(world.repository, issue: issue, since: nil).filter { ($0.body ?? "").contains(marker) }
    }
}
