import GitHub

/// Repositories' default branches, read from GitHub once per process (`GET /repos/{owner}/{repo}`) and kept: the
/// assembly notes the answer it reads anyway for the clone URL, and every push webhook, which carries the
/// repository, refreshes it, so a renamed default branch is seen on the next push.
actor DefaultBranchCache {
    private var branches: [String: String] = [:]

    /// The repository's default branch, read from GitHub only when it is not known yet.
    func defaultBranch(of repository: RepositoryRef, github: any GitHubAPI) async throws -> String {
        if let known = branches[repository.description.lowercased()] { return known }
        let branch = try await github.defaultBranch(repository)
        branches[repository.description.lowercased()] = branch
        return branch
    }

    /// Records the default branch GitHub reported for a repository.
    func note(_ branch: String, for repository: RepositoryRef) {
        branches[repository.description.lowercased()] = branch
    }
}
