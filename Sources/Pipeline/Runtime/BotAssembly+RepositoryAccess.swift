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
        guard let repositoryName = configuration.github.repository, let repository = RepositoryRef(fullName: repositoryName) else {
            throw AssemblyError.missing("github.repository", "set it to owner/name (or run inside GitHub Actions, which sets GITHUB_REPOSITORY)")
        }
        let authentication = try gitHubAuthentication(configuration, secrets: SecretReader(environment: environment))
        let github = try await GitHubClient(configuration: GitHubConfiguration(
            baseURL: configuration.github.apiURL.absoluteString, authentication: authentication, userAgent: "pfbot/\(PFBotVersion.current)"))
        let found = try await github.repository(repository)
        let remote = found.cloneUrl ?? "\(configuration.github.apiURL.absoluteString)/\(repository).git"
        let tokens = GitTokenSource(authentication: authentication, github: github)
        let dataDirectory = URL(fileURLWithPath: configuration.dataDirectory, isDirectory: true)
        return GitAccess(workspace: LibGit2Workspace(dataDirectory: dataDirectory), remoteURL: remote, token: { try await tokens.token() })
    }
}

extension BotAssembly {
    /// Queues again the pipeline job of every request in `plan`, to be finished with the steps job's results (the
    /// bot's step host reads them: ``StepHost/Mode/results(_:)``); a sync pass then runs them.
    /// - Returns: how many jobs were queued.
    public func queueFinishing(_ plan: StepPlan) async throws -> Int {
        var queued = 0
        for request in plan.requests where try await context.jobs.enqueue(request.origin.job) { queued += 1 }
        return queued
    }
}
