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

    func approve(_ id: TaskID, sha: String, by login: String) async throws {
        try await store.setSetting(key(id), value: "approved \(sha) \(login)", now: now())
    }

    func requestChanges(_ id: TaskID, sha: String, by login: String) async throws {
        try await store.setSetting(key(id), value: "changes_requested \(sha) \(login)", now: now())
    }

    func dismiss(_ id: TaskID) async throws {
        try await store.setSetting(key(id), value: "dismissed", now: now())
    }

    /// The latest verdict, if any.
    func verdict(_ id: TaskID) async throws -> Verdict? {
        guard let value = try await store.setting(key(id)) else { return nil }
        let parts = value.split(separator: " ").map(String.init)
        guard parts.count == 3 else { return nil }
        return parts[0] == "approved" ? .approved(sha: parts[1], by: parts[2]) : .changesRequested(sha: parts[1], by: parts[2])
    }

    /// Reviewers whose reviews count: the repository's owner, organisation members and collaborators. On a public
    /// repository anyone may leave a review; like branch protection, pfbot ignores theirs.
    static let countedAssociations: Set<String> = ["OWNER", "MEMBER", "COLLABORATOR"]

    /// The verdict GitHub's reviews of a pull request add up to: each counted reviewer's latest approval, change
    /// request or dismissal counts (comments do not); any reviewer still requesting changes wins over approvals.
    static func verdict(of reviews: [PullRequestReview]) -> Verdict? {
        var latest: [String: PullRequestReview] = [:]
        let counted = reviews.filter { countedAssociations.contains(($0.authorAssociation ?? "").uppercased()) }
        let ordered = counted.enumerated().sorted { ($0.element.submittedAt ?? .distantPast, $0.offset) < ($1.element.submittedAt ?? .distantPast, $1.offset) }
        for review in ordered.map(\.element) where ["APPROVED", "CHANGES_REQUESTED", "DISMISSED"].contains(review.state.uppercased()) {
            latest[review.user?.login ?? "?"] = review
        }
        let standing = latest.values.sorted { ($0.submittedAt ?? .distantPast) < ($1.submittedAt ?? .distantPast) }
        if let blocking = standing.last(where: { $0.state.uppercased() == "CHANGES_REQUESTED" }) {
            return .changesRequested(sha: blocking.commitId ?? "", by: blocking.user?.login ?? "?")
        }
        if let approval = standing.last(where: { $0.state.uppercased() == "APPROVED" }) {
            return .approved(sha: approval.commitId ?? "", by: approval.user?.login ?? "?")
        }
        return nil
    }

    private func key(_ id: TaskID) -> String { "review:\(id.rawValue)" }
}
