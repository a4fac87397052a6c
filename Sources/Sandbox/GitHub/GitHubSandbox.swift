import AsyncHTTPClient
import Foundation

/// The GitHub emulator with real git hosting: bare repositories under a folder, served over smart HTTP by a
/// ``LoopbackGitServer`` that accepts the emulator's tokens, and merged by ``GitCLIRepositoryHost``.
///
/// ```swift
/// let sandbox = try await GitHubSandbox.start(root: folder)
/// try await sandbox.emulator.createRepository(owner: "acme", name: "widgets")
/// // clone from sandbox.gitServer.url(owner: "acme", repository: "widgets") with an emulator token
/// await sandbox.stop()
/// ```
public final class GitHubSandbox: Sendable {
    /// The REST emulator.
    public let emulator: GitHubEmulator
    /// Its API base URL.
    public let apiURL: String
    /// The smart-HTTP git server over the same repositories.
    public let gitServer: LoopbackGitServer
    /// The repositories on disk.
    public let host: GitCLIRepositoryHost

    private init(emulator: GitHubEmulator, apiURL: String, gitServer: LoopbackGitServer, host: GitCLIRepositoryHost) {
        self.emulator = emulator
        self.apiURL = apiURL
        self.gitServer = gitServer
        self.host = host
    }

    /// Starts both servers on loopback ports.
    /// - Parameters:
    ///   - root: where the bare repositories live (created when missing).
    ///   - httpClient: used to deliver webhooks.
    ///   - now: the emulator's clock.
    /// - Throws: when either server cannot start.
    public static func start(root: URL, httpClient: HTTPClient = .shared, now: @escaping @Sendable () -> Date = { Date() }) async throws -> GitHubSandbox {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let host = GitCLIRepositoryHost(root: root)
        let emulator = GitHubEmulator(host: host, httpClient: httpClient, now: now)
        let apiURL = try await emulator.start()
        do {
            let gitServer = try await LoopbackGitServer.start(backend: GitHTTPBackend(root: root, authoriser: emulator.gitAuthoriser()))
            await emulator.setGitBaseURL(gitServer.baseURL.absoluteString)
            return GitHubSandbox(emulator: emulator, apiURL: apiURL, gitServer: gitServer, host: host)
        } catch {
            await emulator.stop()
            throw error
        }
    }

    /// Stops both servers (queued webhooks are sent first).
    public func stop() async {
        await gitServer.stop()
        await emulator.stop()
    }
}
