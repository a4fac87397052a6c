import Foundation
import GitHub
@testable import Pipeline
import Testing

@Suite struct ReviewVerdictTests {
    func reviews(_ entries: [(login: String, state: String, sha: String, minute: Int)], association: String = "COLLABORATOR") throws -> [PullRequestReview] {
        let objects = entries.enumerated().map { index, entry in
            """
            {"id":\(index + 1),"user":{"login":"\(entry.login)","id":\(index + 100)},"state":"\(entry.state)","commit_id":"\(entry.sha)","author_association":"\(association)",
             "submitted_at":"2026-11-25T10:\(String(format: "%02d", entry.minute)):00Z"}
            """
        }
        return try GitHubJSON.decoder().decode([PullRequestReview].self, from: Data("[\(objects.joined(separator: ","))]".utf8))
    }

    @Test func noReviews_orOnlyComments_giveNoVerdict() throws {
        #expect(ReviewLedger.verdict(of: [], head: "aaa") == nil)
        #expect(ReviewLedger.verdict(of: try reviews([("ann", "COMMENTED", "aaa", 1)]), head: "aaa") == nil)
    }

    @Test func aReviewersLatestStandingReview_counts() throws {
        let changedMind = try reviews([("ann", "CHANGES_REQUESTED", "aaa", 1), ("ann", "COMMENTED", "bbb", 2), ("ann", "APPROVED", "bbb", 3)])
        #expect(ReviewLedger.verdict(of: changedMind, head: "bbb") == .approved(sha: "bbb", by: "ann"))
        let dismissed = try reviews([("bob", "CHANGES_REQUESTED", "aaa", 1), ("bob", "DISMISSED", "aaa", 2)])
        #expect(ReviewLedger.verdict(of: dismissed, head: "aaa") == nil)
    }

    @Test func anyoneStillRequestingChanges_outweighsApprovals() throws {
        let mixed = try reviews([("bob", "CHANGES_REQUESTED", "aaa", 1), ("ann", "APPROVED", "aaa", 5)])
        #expect(ReviewLedger.verdict(of: mixed, head: "aaa") == .changesRequested(sha: "aaa", by: "bob"))
    }

    @Test func reviewsFromOutsideTheRepository_doNotCount() throws {
        #expect(ReviewLedger.verdict(of: try reviews([("stranger", "APPROVED", "aaa", 1)], association: "NONE"), head: "aaa") == nil)
        #expect(ReviewLedger.verdict(of: try reviews([("drive-by", "CHANGES_REQUESTED", "aaa", 1)], association: "CONTRIBUTOR"), head: "aaa") == nil)
        #expect(ReviewLedger.verdict(of: try reviews([("owner", "APPROVED", "aaa", 1)], association: "OWNER"), head: "aaa") == .approved(sha: "aaa", by: "owner"))
    }

    @Test func orderFollowsSubmissionTime_notListOrder() throws {
        let listedOutOfOrder = try reviews([("ann", "APPROVED", "bbb", 9), ("ann", "CHANGES_REQUESTED", "aaa", 1)])
        #expect(ReviewLedger.verdict(of: listedOutOfOrder, head: "bbb") == .approved(sha: "bbb", by: "ann"))
    }

    @Test func onlyReviewsOfTheHead_decide() throws {
        let stale = try reviews([("bob", "CHANGES_REQUESTED", "aaa", 1), ("ann", "APPROVED", "bbb", 5)])
        #expect(ReviewLedger.verdict(of: stale, head: "bbb") == .approved(sha: "bbb", by: "ann"))
        #expect(ReviewLedger.verdict(of: stale, head: "ccc") == nil)
        #expect(ReviewLedger.verdict(of: stale, head: "aaa") == .changesRequested(sha: "aaa", by: "bob"))
    }
}
