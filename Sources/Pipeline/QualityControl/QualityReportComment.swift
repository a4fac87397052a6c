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
/// the marker. It costs no call when the report did not change (the store keeps a digest of the body last written),
/// one `PATCH` when it did, and one `POST` the first time or when the comment was deleted.
struct QualityReportComment {
    let context: PipelineContext

    /// The event of the comment's hidden marker: `qc-report:<task id>`.
    static func event(for task: TaskID) -> String { "qc-report:\(task.rawValue)" }

    /// The comment body: the hidden marker, then the report exactly as the check run's summary shows it.
    static func body(_ report: QCReport, task: TaskID) -> String {
        IssueComments.marker(event(for: task)) + "\n" + report.markdown()
    }

    /// Creates the comment on pull request `pull`, or edits it when its body changed.
    func publish(_ report: QCReport, task: TaskID, pull: Int) async throws {
        let repository = context.repository.description
        let event = Self.event(for: task)
        let body = Self.body(report, task: task)
        let digest = SHA256.hash(data: Data(body.utf8)).map { String(format: "%02x", $0) }.joined()
        let recorded = try await context.store.postedComment(repository: repository, issue: pull, event: event)
        let posted = if let recorded { recorded } else { try await adopt(pull: pull, event: event) }
        if let posted, posted.bodyDigest == digest, posted.commentID != nil { return }
        let edited = if let known = posted?.commentID { try await edit(Int(known), body: body) } else { Int?.none }
        let commentID = if let edited { edited } else { try await context.github.createComment(context.repository, issue: pull, body: body).id }
        try await context.store.recordPostedComment(PostedCommentRecord(repository: repository, issue: pull, event: event, commentID: Int64(commentID),
                                                                        bodyDigest: digest, recordedAt: context.now()))
    }

    /// The report comment a bot already wrote on the pull request, when the store does not know its comments: listed
    /// once, then the store knows them.
    private func adopt(pull: Int, event: String) async throws -> PostedCommentRecord? {
        let repository = context.repository.description
        guard try await context.store.issueMirror(repository: repository, issue: pull)?.commentsRecorded != true else { return nil }
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
