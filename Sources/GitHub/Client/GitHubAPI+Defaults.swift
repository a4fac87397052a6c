import Foundation

extension GitHubAPI {
    /// `GET /repos/{owner}/{repo}/issues/{number}` without retrying a 404.
    public func issue(_ repo: RepositoryRef, number: Int) async throws -> GitHubIssue {
        try await issue(repo, number: number, options: .standard)
    }

    /// Every comment of an issue.
    public func listComments(_ repo: RepositoryRef, issue: Int) async throws -> [IssueComment] {
        try await listComments(repo, issue: issue, since: nil)
    }

    /// Every open issue (and pull request, as GitHub lists them).
    public func listIssues(_ repo: RepositoryRef) async throws -> [GitHubIssue] {
        try await listIssues(repo, IssueQuery())
    }

    /// Locks an issue without giving a reason.
    public func lockIssue(_ repo: RepositoryRef, number: Int) async throws {
        try await lockIssue(repo, number: number, reason: nil)
    }

    /// Makes sure a label exists with this colour, without a description.
    public func ensureLabel(_ repo: RepositoryRef, name: String, color: String) async throws -> Label {
        try await ensureLabel(repo, name: name, color: color, description: nil)
    }

    /// `GET /repos/{owner}/{repo}/pulls/{number}` without retrying a 404.
    public func pullRequest(_ repo: RepositoryRef, number: Int) async throws -> PullRequest {
        try await pullRequest(repo, number: number, options: .standard)
    }

    /// Every open pull request.
    public func listPullRequests(_ repo: RepositoryRef) async throws -> [PullRequest] {
        try await listPullRequests(repo, state: "open", head: nil)
    }

    /// Merges with a merge commit, GitHub's default title, and no head check.
    public func mergePullRequest(_ repo: RepositoryRef, number: Int) async throws -> MergeResult {
        try await mergePullRequest(repo, number: number, method: .merge, sha: nil, commitTitle: nil)
    }

    /// `POST /repos/{owner}/{repo}/statuses/{sha}` without description or link.
    public func createCommitStatus(_ repo: RepositoryRef, sha: String, state: CommitState, context: String) async throws -> CommitStatus {
        try await createCommitStatus(repo, sha: sha, state: state, context: context, description: nil, targetURL: nil)
    }
}
