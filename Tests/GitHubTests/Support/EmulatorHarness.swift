import Foundation
import GitHub
import Sandbox

/// An emulator with one repository (`acme/widgets`), a writer `alice`, a reader `rita`, and clients for them.
struct EmulatorHarness {
    static let repo = RepositoryRef(owner: "acme", name: "widgets")
    static let appID = 4_242
    static let installationID = 77

    let emulator: GitHubEmulator
    let baseURL: String
    let clock: TestClock

    static func start(clock: TestClock = TestClock()) async throws -> EmulatorHarness {
        let emulator = GitHubEmulator(now: { clock.now() })
        let baseURL = try await emulator.start()
        try await emulator.createRepository(owner: "acme", name: "widgets")
        await emulator.registerToken("pat-alice", for: "alice")
        await emulator.setPermission(owner: "acme", repo: "widgets", user: "alice", permission: "write")
        await emulator.registerToken("pat-rita", for: "rita")
        await emulator.setPermission(owner: "acme", repo: "widgets", user: "rita", permission: "read")
        return EmulatorHarness(emulator: emulator, baseURL: baseURL, clock: clock)
    }

    func client(token: String = "pat-alice", policy: RateLimitPolicy = RateLimitPolicy()) async throws -> GitHubClient {
        try await GitHubClient(
            configuration: GitHubConfiguration(baseURL: baseURL, authentication: .personalAccessToken(token), userAgent: "pfbot-tests", policy: policy),
            clock: clock)
    }

    /// Registers a freshly generated App key and an installation; returns an App-authenticated client.
    func appClient(policy: RateLimitPolicy = RateLimitPolicy(), canWriteChecks: Bool = true) async throws -> GitHubClient {
        let key = try TestKeys.shared()
        try await emulator.registerApp(id: Self.appID, slug: "pfbot", publicKeyPEM: key.publicPEM)
        await emulator.addInstallation(id: Self.installationID, appID: Self.appID, canWriteChecks: canWriteChecks)
        let credentials = GitHubAppCredentials(appID: String(Self.appID), privateKeyPEM: key.privatePEM)
        return try await GitHubClient(
            configuration: GitHubConfiguration(
                baseURL: baseURL, authentication: .app(credentials, installationID: Self.installationID), policy: policy),
            clock: clock)
    }

    func stop() async {
        await emulator.stop()
    }
}
