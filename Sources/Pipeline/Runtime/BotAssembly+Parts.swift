import Foundation
import Git
import GitHub
import PFBotConfig
import PFBotCore

extension BotAssembly {
    /// The repository's git data and nothing else: for the workflow's read-only steps job, which has the workflow's
    /// token (`contents: read`) and no other secret, so no store, wallet or Task Node is opened.
    /// - Throws: ``AssemblyError`` when the repository or the token is missing; GitHub's errors.
    public static func repositoryAccess(_ configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> GitAccess {
        let repository = try configuredRepository(configuration)
        let authentication = try gitHubAuthentication(configuration, secrets: SecretReader(environment: environment))
        let github = try await gitHubClient(configuration, authentication: authentication)
        let found = try await github.repository(repository)
        return gitAccess(configuration, repository: repository, found: found, authentication: authentication, github: github)
    }

    /// The repository `github.repository` names.
    /// - Throws: ``AssemblyError`` when it is missing or not `owner/name`.
    static func configuredRepository(_ configuration: Configuration) throws -> RepositoryRef {
        guard let name = configuration.github.repository, let repository = RepositoryRef(fullName: name) else {
            throw AssemblyError.missing("github.repository", "set it to owner/name (or run inside GitHub Actions, which sets GITHUB_REPOSITORY)")
        }
        return repository
    }

    /// The GitHub client for the configuration's API URL and write spacing.
    static func gitHubClient(_ configuration: Configuration, authentication: GitHubAuthentication) async throws -> GitHubClient {
        try await GitHubClient(configuration: GitHubConfiguration(
            baseURL: configuration.github.apiURL.absoluteString, authentication: authentication, userAgent: "pfbot/\(PFBotVersion.current)",
            policy: RateLimitPolicy(writeSpacing: Double(configuration.github.writeSpacingMilliseconds) / 1000)
        ))
    }

    /// The libgit2 mirrors in the data directory, cloning `found` (its clone URL, else one derived from the API URL)
    /// with a fresh token for each transfer.
    static func gitAccess(_ configuration: Configuration, repository: RepositoryRef, found: GitHubRepository,
                          authentication: GitHubAuthentication, github: GitHubClient) -> GitAccess {
        let remote = found.cloneUrl ?? "\(configuration.github.apiURL.absoluteString)/\(repository).git"
        let tokens = GitTokenSource(authentication: authentication, github: github)
        let dataDirectory = URL(fileURLWithPath: configuration.dataDirectory, isDirectory: true)
        return GitAccess(workspace: LibGit2Workspace(dataDirectory: dataDirectory), remoteURL: remote, token: { try await tokens.token() })
    }
}

extension BotAssembly {
    /// Queues again the pipeline job of every request in `plan`, to be finished with the steps job's results (the
    /// bot's step host reads them: ``StepHost/Mode/results(_:)``); a sync pass then runs them.
    public func queueFinishing(_ plan: StepPlan) async throws {
        for request in plan.requests { _ = try await context.jobs.enqueue(request.origin.job) }
    }
}
