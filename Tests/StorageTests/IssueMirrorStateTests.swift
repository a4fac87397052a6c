import Foundation
import PFBotCore
@testable import Storage
import Testing

/// What pfbot records about the issues it writes (migration 005): the digest of its last write, whether the
/// issue's pfbot comments are all known, and the comments it posted by event marker.
@Suite struct IssueMirrorStateTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: Engine.allCases)
    func issueMirror_keepsTheDigest_andTheCommentsFlag_independently(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            #expect(try await store.issueMirror(repository: "acme/tasks", issue: 7) == nil)
            try await store.recordIssueDigest(repository: "acme/tasks", issue: 7, digest: "d1", at: now)
            #expect(try await store.issueMirror(repository: "acme/tasks", issue: 7)
                    == IssueMirrorRecord(repository: "acme/tasks", issue: 7, commentsRecorded: false, writtenDigest: "d1", updatedAt: now))
            try await store.markIssueCommentsRecorded(repository: "acme/tasks", issue: 7, at: now.addingTimeInterval(1))
            try await store.recordIssueDigest(repository: "acme/tasks", issue: 7, digest: "d2", at: now.addingTimeInterval(2))
            let mirror = try #require(try await store.issueMirror(repository: "acme/tasks", issue: 7))
            #expect(mirror.commentsRecorded)
            #expect(mirror.writtenDigest == "d2")
            #expect(mirror.updatedAt == now.addingTimeInterval(2))

            try await store.markIssueCommentsRecorded(repository: "acme/tasks", issue: 8, at: now)
            #expect(try await store.issueMirror(repository: "acme/tasks", issue: 8)?.writtenDigest == nil)
            #expect(try await store.issueMirror(repository: "acme/other", issue: 7) == nil)
        }
    }

    @Test(arguments: Engine.allCases)
    func postedComments_areKeptByEvent_andAnIDIsNeverReplacedByNone(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            #expect(try await store.postedComment(repository: "acme/tasks", issue: 7, event: "proposal") == nil)
            let pending = PostedCommentRecord(repository: "acme/tasks", issue: 7, event: "proposal", commentID: nil, recordedAt: now)
            try await store.recordPostedComment(pending)
            #expect(try await store.postedComment(repository: "acme/tasks", issue: 7, event: "proposal") == pending)
            var posted = pending
            posted.commentID = 9_000_000_001
            posted.recordedAt = now.addingTimeInterval(1)
            try await store.recordPostedComment(posted)
            #expect(try await store.postedComment(repository: "acme/tasks", issue: 7, event: "proposal") == posted)
            try await store.recordPostedComment(pending)
            #expect(try await store.postedComment(repository: "acme/tasks", issue: 7, event: "proposal")?.commentID == 9_000_000_001)
            #expect(try await store.postedComment(repository: "acme/tasks", issue: 8, event: "proposal") == nil)
            #expect(try await store.postedComment(repository: "acme/tasks", issue: 7, event: "reward") == nil)
        }
    }
}
