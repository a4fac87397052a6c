import Foundation
import SQLKit

extension SQLStore {
    public func issueMirror(repository: String, issue: Int) async throws -> IssueMirrorRecord? {
        try await lender.withConnection { database in
            guard let row = try await database.raw("""
                SELECT comments_recorded, written_digest, updated_at FROM issue_mirrors
                WHERE repository = \(bind: repository) AND issue_number = \(bind: issue)
                """).first() else { return nil }
            return IssueMirrorRecord(repository: repository, issue: issue, commentsRecorded: try row.decode(column: "comments_recorded", as: Int.self) != 0,
                                     writtenDigest: try row.decode(column: "written_digest", as: String?.self),
                                     updatedAt: Clock.date(try row.decode(column: "updated_at", as: Int64.self)))
        }
    }

    public func recordIssueDigest(repository: String, issue: Int, digest: String, at time: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO issue_mirrors (repository, issue_number, comments_recorded, written_digest, updated_at)
                VALUES (\(bind: repository), \(bind: issue), 0, \(bind: digest), \(bind: Clock.millis(time)))
                ON CONFLICT (repository, issue_number) DO UPDATE SET written_digest = excluded.written_digest, updated_at = excluded.updated_at
                """).run()
        }
    }

    public func markIssueCommentsRecorded(repository: String, issue: Int, at time: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO issue_mirrors (repository, issue_number, comments_recorded, written_digest, updated_at)
                VALUES (\(bind: repository), \(bind: issue), 1, NULL, \(bind: Clock.millis(time)))
                ON CONFLICT (repository, issue_number) DO UPDATE SET comments_recorded = 1, updated_at = excluded.updated_at
                """).run()
        }
    }

    public func postedComment(repository: String, issue: Int, event: String) async throws -> PostedCommentRecord? {
        try await lender.withConnection { database in
            guard let row = try await database.raw("""
                SELECT comment_id, body_digest, recorded_at FROM issue_comments
                WHERE repository = \(bind: repository) AND issue_number = \(bind: issue) AND event = \(bind: event)
                """).first() else { return nil }
            return PostedCommentRecord(repository: repository, issue: issue, event: event, commentID: try row.decode(column: "comment_id", as: Int64?.self),
                                       bodyDigest: try row.decode(column: "body_digest", as: String?.self),
                                       recordedAt: Clock.date(try row.decode(column: "recorded_at", as: Int64.self)))
        }
    }

    public func recordPostedComment(_ comment: PostedCommentRecord) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO issue_comments (repository, issue_number, event, comment_id, body_digest, recorded_at)
                VALUES (\(bind: comment.repository), \(bind: comment.issue), \(bind: comment.event), \(bind: comment.commentID),
                        \(bind: comment.bodyDigest), \(bind: Clock.millis(comment.recordedAt)))
                ON CONFLICT (repository, issue_number, event) DO UPDATE SET
                    comment_id = COALESCE(excluded.comment_id, issue_comments.comment_id),
                    body_digest = COALESCE(excluded.body_digest, issue_comments.body_digest), recorded_at = excluded.recorded_at
                """).run()
        }
    }
}
