import ArgumentParser
import Foundation
import GitHub

/// `pfbot github …`: operator tools for the GitHub side.
struct GitHubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "github",
        abstract: "Inspect the GitHub connection: repository access and App webhook deliveries.",
        discussion: """
            Authentication comes from the environment: GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY_FILE and \
            GITHUB_APP_INSTALLATION_ID for a GitHub App, otherwise GITHUB_TOKEN. GITHUB_API_URL selects \
            GitHub Enterprise Server (https://HOST/api/v3).
            """,
        subcommands: [GitHubCheckCommand.self, GitHubDeliveriesCommand.self, GitHubVerifyWebhookCommand.self])

    /// The client configured from the environment.
    static func makeClient() async throws -> GitHubClient {
        let environment = ProcessInfo.processInfo.environment
        let configuration = GitHubConfiguration(
            baseURL: environment["GITHUB_API_URL"] ?? "https://api.github.com",
            authentication: try GitHubAuthentication.fromEnvironment(environment))
        return try await GitHubClient(configuration: configuration)
    }
}
