import Foundation

/// The GitHub operations pfbot uses. `GitHubClient` talks to GitHub (or the Sandbox emulator); tests may fake it.
public protocol GitHubAPI: Sendable {
    // MARK: Repositories

    /// `GET /repos/{owner}/{repo}`.
    func repository(_ repo: RepositoryRef) async throws -> GitHubRepository

    // MARK: Issues

    /// `POST /repos/{owner}/{repo}/issues`.
    func createIssue(_ repo: RepositoryRef, _ issue: NewIssue) async throws -> GitHubIssue
    /// `GET /repos/{owner}/{repo}/issues/{number}`.
    func issue(_ repo: RepositoryRef, number: Int, options: ReadOptions) async throws -> GitHubIssue
    /// `PATCH /repos/{owner}/{repo}/issues/{number}`.
    func updateIssue(_ repo: RepositoryRef, number: Int, _ update: IssueUpdate) async throws -> GitHubIssue
    /// `GET /repos/{owner}/{repo}/issues`, every page.
    func listIssues(_ repo: RepositoryRef, _ query: IssueQuery) async throws -> [GitHubIssue]
    /// `PUT /repos/{owner}/{repo}/issues/{number}/lock`.
    func lockIssue(_ repo: RepositoryRef, number: Int, reason: String?) async throws

    // MARK: Comments

    /// `POST /repos/{owner}/{repo}/issues/{number}/comments`.
    func createComment(_ repo: RepositoryRef, issue: Int, body: String) async throws -> IssueComment
    /// `PATCH /repos/{owner}/{repo}/issues/comments/{id}`.
    func updateComment(_ repo: RepositoryRef, commentID: Int, body: String) async throws -> IssueComment
    /// `GET /repos/{owner}/{repo}/issues/{number}/comments`, every page; with `since`, only comments updated at or
    /// after it (whole seconds).
    func listComments(_ repo: RepositoryRef, issue: Int, since: Date?) async throws -> [IssueComment]

    // MARK: Labels

    /// `GET /repos/{owner}/{repo}/labels`, every page.
    func listLabels(_ repo: RepositoryRef) async throws -> [Label]
    /// `POST /repos/{owner}/{repo}/labels`.
    func createLabel(_ repo: RepositoryRef, _ label: Label) async throws -> Label
    /// Makes sure a label exists with this colour (creates or recolours it).
    func ensureLabel(_ repo: RepositoryRef, name: String, color: String, description: String?) async throws -> Label
    /// `POST /repos/{owner}/{repo}/issues/{number}/labels`; returns the issue's labels.
    func addLabels(_ repo: RepositoryRef, issue: Int, labels: [String]) async throws -> [Label]
    /// `DELETE /repos/{owner}/{repo}/issues/{number}/labels/{name}`; absent labels are fine.
    func removeLabel(_ repo: RepositoryRef, issue: Int, label: String) async throws

    // MARK: Reactions

    /// `POST /repos/{owner}/{repo}/issues/comments/{id}/reactions`.
    func addReaction(_ repo: RepositoryRef, commentID: Int, content: ReactionContent) async throws -> Reaction

    // MARK: Contents

    /// `GET /repos/{owner}/{repo}/contents/{path}?ref=`: the file at `path` on `ref`, or nil when there is none.
    /// A conditional read: a file unchanged since the last read is answered `304` from the ETag cache.
    func repositoryFile(_ repo: RepositoryRef, path: String, ref: String) async throws -> RepositoryFile?

    // MARK: Pull requests

    /// `POST /repos/{owner}/{repo}/pulls`.
    func createPullRequest(_ repo: RepositoryRef, _ pull: NewPullRequest) async throws -> PullRequest
    /// `GET /repos/{owner}/{repo}/pulls/{number}`.
    func pullRequest(_ repo: RepositoryRef, number: Int, options: ReadOptions) async throws -> PullRequest
    /// `PATCH /repos/{owner}/{repo}/pulls/{number}`.
    func updatePullRequest(_ repo: RepositoryRef, number: Int, _ update: PullRequestUpdate) async throws -> PullRequest
    /// `GET /repos/{owner}/{repo}/pulls`, every page; `head` is `owner:branch`.
    func listPullRequests(_ repo: RepositoryRef, state: String, head: String?) async throws -> [PullRequest]
    /// `PUT /repos/{owner}/{repo}/pulls/{number}/merge`; `sha` guards against a moved head.
    func mergePullRequest(_ repo: RepositoryRef, number: Int, method: MergeMethod, sha: String?, commitTitle: String?) async throws -> MergeResult
    /// `GET /repos/{owner}/{repo}/pulls/{number}/reviews`, every page.
    func listReviews(_ repo: RepositoryRef, pull: Int) async throws -> [PullRequestReview]
    /// `GET /repos/{owner}/{repo}/pulls/{number}/files`, every page.
    func listFiles(_ repo: RepositoryRef, pull: Int) async throws -> [PullRequestFile]

    // MARK: Checks and statuses

    /// `POST /repos/{owner}/{repo}/check-runs`, then PATCHes for annotations beyond the first 50.
    func createCheckRun(_ repo: RepositoryRef, _ request: CheckRunRequest) async throws -> CheckRun
    /// `PATCH /repos/{owner}/{repo}/check-runs/{id}`, annotations in batches of 50.
    func updateCheckRun(_ repo: RepositoryRef, id: Int, _ request: CheckRunRequest) async throws -> CheckRun
    /// `POST /repos/{owner}/{repo}/statuses/{sha}`.
    func createCommitStatus(
        _ repo: RepositoryRef, sha: String, state: CommitState, context: String, description: String?, targetURL: String?
    ) async throws -> CommitStatus

    // MARK: People

    /// `GET /repos/{owner}/{repo}/collaborators/{username}/permission`.
    func collaboratorPermission(_ repo: RepositoryRef, username: String) async throws -> CollaboratorPermission

    // MARK: App

    /// `POST /app/installations/{id}/access_tokens` (App JWT).
    func createInstallationToken(installationID: Int) async throws -> InstallationToken
    /// `GET /app/hook/deliveries` (App JWT), newest first: every page, or, with `deliveredSince`, the attempts made
    /// since then (paging stops at the first page that reaches back past it).
    func listWebhookDeliveries(deliveredSince: Date?) async throws -> [HookDelivery]
    /// `POST /app/hook/deliveries/{id}/attempts` (App JWT).
    func redeliverWebhookDelivery(id: Int) async throws
}
