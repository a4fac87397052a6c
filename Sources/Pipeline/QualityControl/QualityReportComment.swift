import Crypto
import Foundation
import GitHub
import PFBotCore
import Storage

/// The sticky QC report on a task's pull request: one comment per pull request carrying the same Markdown as the
/// check run's summary (``QCReport/markdown(limit:)``), created by the first QC run that has a pull request and
/// edited in place afterwards.
///
/// The comment is found again by the id the store recorded when pfbot created it, never by listing the pull
/// request's comments, so a comment someone else writes with the same hidden marker is never taken for it; it costs
/// no call when the report did not change (the store keeps a digest of the body last written), one `PATCH` when it
/// did, and one `POST` the first time or when the comment was deleted.
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
        let posted = try await context.store.postedComment(repository: repository, issue: pull, event: event)
        if let posted, posted.bodyDigest == digest, posted.commentID != nil { return }
        let edited = if let known = posted?.commentID { try await edit(Int(known), body: body) } else { Int?.none }
        let commentID = if let edited { edited } else { try await context.github.createComment(context.repository, issue: pull, body: body).id }
        try await context.store.recordPostedComment(PostedCommentRecord(repository: repository, issue: pull, event: event, commentID: Int64(commentID),
                                                                        bodyDigest: digest, recordedAt: context.now()))
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
