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

    /// Takes over the check run `checkRunID` that an earlier process started (a job of the same workflow run), updating
    /// it in place with `request`; without one, publishes a new check (``publishCheck(_:_:)``).
    public func publishCheck(_ repo: RepositoryRef, _ request: CheckRunRequest, resuming checkRunID: Int?) async throws -> PublishedCheck {
        guard let checkRunID else { return try await publishCheck(repo, request) }
        return .checkRun(try await updateCheckRun(repo, id: checkRunID, request))
    }

    /// Updates what ``publishCheck(_:_:)`` started, usually to finish it: the check run is updated in place (`PATCH`)
    /// with `request`; a commit status gets the request's state (pending without a conclusion) as a new status on the
    /// same commit and context.
    /// - Parameters:
    ///   - repo: the repository.
    ///   - started: what ``publishCheck(_:_:)`` returned for the started check.
    ///   - request: the final fields (status `completed` with a conclusion, output); `headSha` is required when
    ///     `started` is a commit status.
    /// - Returns: the completed check.
    /// - Throws: `GitHubError` from the call; `.invalidRequest` when a commit status is completed without `headSha`.
    public func completeCheck(_ repo: RepositoryRef, _ started: PublishedCheck, _ request: CheckRunRequest) async throws -> PublishedCheck {
        switch started {
        case .checkRun(let run):
            return .checkRun(try await updateCheckRun(repo, id: run.id, request))
        case .commitStatus(let status):
            guard let sha = request.headSha else { throw GitHubError.invalidRequest("completing a commit status needs the commit's SHA (headSha)") }
            let status = try await createCommitStatus(
                repo, sha: sha, state: CommitState(conclusion: request.conclusion), context: status.context ?? request.name ?? "pfbot",
                description: request.output?.title, targetURL: request.detailsUrl ?? status.targetUrl)
            return .commitStatus(status)
        }
    }
}
