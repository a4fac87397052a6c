import Crypto
import Foundation
import GitHub
import PFBotCore
import Storage

/// The sticky QC report on a task's pull request: one comment per pull request carrying the same Markdown as the
/// check run's summary (``QCReport/markdown(limit:)``), created by the first QC run that has a pull request and
/// edited in place afterwards.
///
/// The comment is found again by the id the store recorded when pfbot created it. A store that does not know the
/// pull request's comments (an Actions run starts empty; pfbot did not open the pull request) lists them once and
/// takes the newest comment with the hidden marker written by a bot account — never a person's comment that copies
/// the marker. A `POST` is recorded as unconfirmed before it is sent, so an attempt cut short after GitHub created the
/// comment (a crash, a 502 with the write done) lists the comments on its retry and edits that one instead of posting
/// a second. It costs no call when the report did not change (the store keeps a digest of the body last written),
/// one `PATCH` when it did, and one `POST` the first time or when the comment was deleted.
struct QualityReportComment {
    let context: PipelineContext

    /// The event of the comment's hidden marker: `qc-report:<task id>`.
    static func event(for task: TaskID) -> String { "qc-report:\(task.rawValue)" }

    /// The comment body: the hidden marker, then the report exactly as the check run's summary shows it.
    static func body(_ report: QCReport, task: TaskID) -> String {
        IssueComments.marker(event(for: task)) + "\n" + report.markdown()
    }

    /// How long one publication holds the task's report lease: far longer than a `POST` and a `PATCH`, short enough
    /// that a crashed holder's lease is taken over on the job's retry.
    static let leaseSeconds = 60.0

    /// Creates the comment on pull request `pull`, or edits it when its body changed. Two QC runs of one task (two
    /// heads pushed in quick succession, on two workers or replicas) publish one after the other under a lease on the
    /// task's report, so they cannot both find no comment and both post one.
    /// - Throws: ``WorkLease/HeldElsewhere`` when another run held the lease for the whole wait (the job is retried).
    func publish(_ report: QCReport, task: TaskID, pull: Int) async throws {
        let lease = WorkLease(name: "qc-report:\(task.rawValue)", seconds: Self.leaseSeconds, work: "writing the QC report comment of \(task)",
                              context: context)
        try await lease.run(waiting: .seconds(10)) {
            try await write(report, task: task, pull: pull)
        }
    }

    private func write(_ report: QCReport, task: TaskID, pull: Int) async throws {
        let repository = context.repository.description
        let event = Self.event(for: task)
        let body = Self.body(report, task: task)
        let digest = SHA256.hash(data: Data(body.utf8)).map { String(format: "%02x", $0) }.joined()
        let recorded = try await context.store.postedComment(repository: repository, issue: pull, event: event)
        let posted = if let recorded, recorded.commentID != nil { recorded } else { try await adopt(pull: pull, event: event, unconfirmed: recorded != nil) }
        if let posted, posted.bodyDigest == digest, posted.commentID != nil { return }
        let edited = if let known = posted?.commentID { try await edit(Int(known), body: body) } else { Int?.none }
        let commentID: Int
        if let edited {
            commentID = edited
        } else {
            try await context.store.recordPostedComment(PostedCommentRecord(repository: repository, issue: pull, event: event, commentID: nil,
                                                                            recordedAt: context.now()))
            commentID = try await context.github.createComment(context.repository, issue: pull, body: body).id
        }
        try await context.store.recordPostedComment(PostedCommentRecord(repository: repository, issue: pull, event: event, commentID: Int64(commentID),
                                                                        bodyDigest: digest, recordedAt: context.now()))
    }

    /// The report comment a bot already wrote on the pull request, when the store does not know its comments (listed
    /// once, then the store knows them) or when an earlier attempt's `POST` is unconfirmed (listed again).
    private func adopt(pull: Int, event: String, unconfirmed: Bool) async throws -> PostedCommentRecord? {
        let repository = context.repository.description
        let known = try await context.store.issueMirror(repository: repository, issue: pull)?.commentsRecorded == true
        guard unconfirmed || !known else { return nil }
        let comments = try await context.github.listComments(context.repository, issue: pull)
        var adopted: PostedCommentRecord?
        for comment in comments where comment.user?.isBot == true {
            guard let found = IssueComments.event(in: comment.body ?? "") else { continue }
            let record = PostedCommentRecord(repository: repository, issue: pull, event: found, commentID: Int64(comment.id), recordedAt: context.now())
            try await context.store.recordPostedComment(record)
            if found == event { adopted = record }
        }
        try await context.store.markIssueCommentsRecorded(repository: repository, issue: pull, at: context.now())
        return adopted
    }

    /// Edits comment `id`; nil when it is gone (someone deleted it), so a new one is posted.
    private func edit(_ id: Int, body: String) async throws -> Int? {
        do {
            return try await context.github.updateComment(context.repository, commentID: id, body: body).id
        } catch let error as GitHubError where error.status == 404 {
            return nil
        }
    }
}
