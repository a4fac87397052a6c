import Foundation

extension GitHubAPI {
    /// Creates a check run; when GitHub refuses with 403 (the token cannot write checks), sets a commit status
    /// on the same commit instead, with the run's name as context and its output title as description.
    /// - Parameters:
    ///   - repo: the repository.
    ///   - request: the check run; `headSha` is required for the fallback.
    /// - Returns: what was created.
    /// - Throws: `GitHubError` from either call.
    public func publishCheck(_ repo: RepositoryRef, _ request: CheckRunRequest) async throws -> PublishedCheck {
        do {
            return .checkRun(try await createCheckRun(repo, request))
        } catch let error as GitHubError where error.status == 403 {
            guard let sha = request.headSha else { throw error }
            let status = try await createCommitStatus(
                repo, sha: sha, state: CommitState(conclusion: request.conclusion), context: request.name ?? "pfbot",
                description: request.output?.title, targetURL: request.detailsUrl)
            return .commitStatus(status)
        }
    }
}
