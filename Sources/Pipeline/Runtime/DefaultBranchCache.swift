import GitHub

/// Repositories' default branches and web addresses, read from GitHub once per process (`GET /repos/{owner}/{repo}`)
/// and kept: the assembly notes the answer it reads anyway for the clone URL, and every push webhook, which carries
/// the repository, refreshes the branch, so a renamed default branch is seen on the next push.
actor DefaultBranchCache {
    private var branches: [String: String] = [:]
    private var webURLs: [String: String] = [:]

    /// The repository's default branch, read from GitHub only when it is not known yet.
    func defaultBranch(of repository: RepositoryRef, github: any GitHubAPI) async throws -> String {
        if let known = branches[key(repository)] { return known }
        return try await read(repository, github: github).branch
    }

    /// The repository's web page (`https://github.com/owner/name` on github.com), read from GitHub only when it is
    /// not known yet: pull request and commit links are built on it.
    func webURL(of repository: RepositoryRef, github: any GitHubAPI) async throws -> String {
        if let known = webURLs[key(repository)] { return known }
        return try await read(repository, github: github).webURL
    }

    /// Records what GitHub reported for a repository.
    func note(_ branch: String, webURL: String? = nil, for repository: RepositoryRef) {
        branches[key(repository)] = branch
        if let webURL { webURLs[key(repository)] = webURL }
    }

    private func read(_ repository: RepositoryRef, github: any GitHubAPI) async throws -> (branch: String, webURL: String) {
        let found = try await github.repository(repository)
        let branch = found.defaultBranch ?? "main"
        let webURL = found.htmlUrl ?? "https://github.com/\(repository)"
        note(branch, webURL: webURL, for: repository)
        return (branch, webURL)
    }

    private func key(_ repository: RepositoryRef) -> String { repository.description.lowercased() }
}
