import Foundation
import GitHub
import PFBotCore
import Storage

/// Reviews of task pull requests, bound to the head commit they reviewed: an approval counts only for that
/// commit, changes requested block submission until a later approval, a dismissal removes the approval.
struct ReviewLedger {
    let store: any Store
    let now: @Sendable () -> Date

    enum Verdict: Equatable {
        case approved(sha: String, by: String)
        case changesRequested(sha: String, by: String)
    }

    /// Records a review from a webhook.
    func record(_ id: TaskID, state: ReviewRecord.State, sha: String?, by login: String, association: String?) async throws {
        try await store.recordReview(ReviewRecord(task: id, reviewer: login, authorAssociation: association, state: state, commit: sha, at: now()))
    }

    /// The latest verdict, if any (a dismissal leaves none).
    func verdict(_ id: TaskID) async throws -> Verdict? {
        guard let review = try await store.latestReview(task: id), let sha = review.commit else { return nil }
        switch review.state {
        case .approved: return .approved(sha: sha, by: review.reviewer)
        case .changesRequested: return .changesRequested(sha: sha, by: review.reviewer)
        case .dismissed: return nil
        }
    }

    /// Reviewers whose reviews count: the repository's owner, organisation members and collaborators. On a public
    /// repository anyone may leave a review; like branch protection, pfbot ignores theirs.
    static let countedAssociations: Set<String> = ["OWNER", "MEMBER", "COLLABORATOR"]

    /// Whether a review by an author with this association counts.
    static func counts(_ association: String?) -> Bool {
        countedAssociations.contains((association ?? "").uppercased())
    }

    /// The verdict GitHub's reviews of a pull request add up to for its `head` commit: each counted reviewer's
    /// latest approval, change request or dismissal of that commit counts (comments, other reviewers and reviews of
    /// older commits do not, so a stale change request does not hide a fresh approval of the head); any reviewer
    /// still requesting changes on the head wins over approvals.
    static func verdict(of reviews: [PullRequestReview], head: String) -> Verdict? {
        var latest: [String: PullRequestReview] = [:]
        let counted = reviews.filter { counts($0.authorAssociation) && $0.commitId == head }
        let ordered = counted.enumerated().sorted { ($0.element.submittedAt ?? .distantPast, $0.offset) < ($1.element.submittedAt ?? .distantPast, $1.offset) }
        for review in ordered.map(\.element) where ["APPROVED", "CHANGES_REQUESTED", "DISMISSED"].contains(review.state.uppercased()) {
            latest[review.user?.login ?? "?"] = review
        }
        let standing = latest.values.sorted { ($0.submittedAt ?? .distantPast) < ($1.submittedAt ?? .distantPast) }
        if let blocking = standing.last(where: { $0.state.uppercased() == "CHANGES_REQUESTED" }) {
            return .changesRequested(sha: head, by: blocking.user?.login ?? "?")
        }
        if let approval = standing.last(where: { $0.state.uppercased() == "APPROVED" }) {
            return .approved(sha: head, by: approval.user?.login ?? "?")
        }
        return nil
    }
}
