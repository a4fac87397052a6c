import Foundation

extension GitHubClient {
    /// `POST /repos/{owner}/{repo}/pulls`.
    public func createPullRequest(_ repo: RepositoryRef, _ pull: NewPullRequest) async throws -> PullRequest {
        try await write(PullRequest.self, "POST", "\(repo.apiPath)/pulls", body: pull)
    }

    /// `GET /repos/{owner}/{repo}/pulls/{number}`.
    public func pullRequest(_ repo: RepositoryRef, number: Int, options: ReadOptions) async throws -> PullRequest {
        try await get(PullRequest.self, "\(repo.apiPath)/pulls/\(number)", options: options)
    }

    /// `PATCH /repos/{owner}/{repo}/pulls/{number}`.
    public func updatePullRequest(_ repo: RepositoryRef, number: Int, _ update: PullRequestUpdate) async throws -> PullRequest {
        try await write(PullRequest.self, "PATCH", "\(repo.apiPath)/pulls/\(number)", body: update)
    }

    /// `GET /repos/{owner}/{repo}/pulls`, every page; `head` filters by `owner:branch`.
    public func listPullRequests(_ repo: RepositoryRef, state: String, head: String?) async throws -> [PullRequest] {
        var query = [("state", state)]
        if let head { query.append(("head", head)) }
        return try await paginate(PullRequest.self, "\(repo.apiPath)/pulls", query: query)
    }

    /// `PUT /repos/{owner}/{repo}/pulls/{number}/merge`.
    public func mergePullRequest(
        _ repo: RepositoryRef, number: Int, method: MergeMethod, sha: String?, commitTitle: String?
    ) async throws -> MergeResult {
        struct Merge: Encodable {
            var mergeMethod: MergeMethod
            var sha: String?
            var commitTitle: String?
        }
        return try await write(MergeResult.self, "PUT", "\(repo.apiPath)/pulls/\(number)/merge", body: Merge(mergeMethod: method, sha: sha, commitTitle: commitTitle))
    }

    /// `GET /repos/{owner}/{repo}/pulls/{number}/reviews`, every page.
    public func listReviews(_ repo: RepositoryRef, pull: Int) async throws -> [PullRequestReview] {
        try await paginate(PullRequestReview.self, "\(repo.apiPath)/pulls/\(pull)/reviews")
    }

    /// `GET /repos/{owner}/{repo}/pulls/{number}/files`, every page.
    public func listFiles(_ repo: RepositoryRef, pull: Int) async throws -> [PullRequestFile] {
        try await paginate(PullRequestFile.self, "\(repo.apiPath)/pulls/\(pull)/files")
    }
}
