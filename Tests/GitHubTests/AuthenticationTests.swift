import Foundation
import GitHub
import JWTKit
import Sandbox
import Testing

@Suite struct AuthenticationTests {
    let repo = EmulatorHarness.repo

    @Test func appJWTIsRS256WithIntegerClaimsInGitHubsWindow() async throws {
        let key = try TestKeys.shared()
        let clock = TestClock(start: Date(timeIntervalSince1970: 1_800_000_000.75))
        let signer = try await AppJWTSigner(credentials: GitHubAppCredentials(appID: "4242", privateKeyPEM: key.privatePEM), clock: clock)
        let token = try await signer.makeJWT()
        let parts = token.split(separator: ".").map(String.init)
        #expect(parts.count == 3)
        let header = try #require(Self.decodeSegment(parts[0]))
        #expect(header["alg"] as? String == "RS256")
        let claims = try #require(Self.decodeSegment(parts[1]))
        #expect(claims["iat"] as? Int == 1_800_000_000 - 60)
        #expect(claims["exp"] as? Int == 1_800_000_000 + 540)
        #expect(claims["iss"] as? String == "4242")
        let text = String(decoding: try #require(Self.base64URL(parts[1])), as: UTF8.self)
        #expect(!text.contains("."))
        let keys = JWTKeyCollection()
        await keys.add(rsa: try JWTKit.Insecure.RSA.PublicKey(pem: key.publicPEM), digestAlgorithm: .sha256)
        struct Claims: JWTPayload {
            var iss: String
            func verify(using algorithm: some JWTAlgorithm) async throws {}
        }
        #expect(try await keys.verify(token, as: Claims.self).iss == "4242")
    }

    @Test func appClientMintsAnInstallationTokenAndReusesIt() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.appClient()
        _ = try await client.repository(repo)
        _ = try await client.createIssue(repo, NewIssue(title: "by the app"))
        let requests = await harness.emulator.requests()
        let mints = requests.filter { $0.path == "/app/installations/77/access_tokens" }
        #expect(mints.count == 1)
        #expect(mints.first?.headers["authorization"]?.hasPrefix("Bearer ey") == true)
        let repoCalls = requests.filter { $0.path.hasPrefix("/repos/") }
        #expect(repoCalls.allSatisfy { $0.headers["authorization"]?.hasPrefix("token ghs_") == true })
        let issue = try #require(await harness.emulator.issue(owner: "acme", repo: "widgets", number: 1))
        #expect(issue["user"]?["login"] == "pfbot[bot]")
        await harness.stop()
    }

    @Test func installationTokenIsRenewedBeforeItExpires() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.appClient()
        _ = try await client.repository(repo)
        harness.clock.advance(50 * 60)
        _ = try await client.repository(repo)
        #expect(await harness.emulator.requests().filter { $0.path.hasSuffix("/access_tokens") }.count == 1)
        harness.clock.advance(6 * 60)
        _ = try await client.repository(repo)
        #expect(await harness.emulator.requests().filter { $0.path.hasSuffix("/access_tokens") }.count == 2)
        await harness.stop()
    }

    @Test func explicitTokenMintingReturnsExpiry() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.appClient()
        let token = try await client.createInstallationToken(installationID: EmulatorHarness.installationID)
        #expect(token.token.hasPrefix("ghs_"))
        #expect(token.expiresAt == harness.clock.now().addingTimeInterval(3_600))
        await harness.stop()
    }

    @Test func aJWTFromAnUnregisteredKeyIsRefused() async throws {
        let harness = try await EmulatorHarness.start()
        _ = try await harness.appClient()
        let other = try StrangerKey.make()
        let stranger = try await GitHubClient(
            configuration: GitHubConfiguration(
                baseURL: harness.baseURL, authentication: .app(GitHubAppCredentials(appID: "4242", privateKeyPEM: other), installationID: 77)),
            clock: harness.clock)
        do {
            _ = try await stranger.repository(repo)
            Issue.record("a forged JWT was accepted")
        } catch let error as GitHubError {
            #expect(error.status == 401)
        }
        await harness.stop()
    }

    @Test func actionsTokenActsAsGitHubActionsBot() async throws {
        let harness = try await EmulatorHarness.start()
        await harness.emulator.registerActionsToken("ghs_actions")
        let auth = try GitHubAuthentication.fromEnvironment(["GITHUB_TOKEN": "ghs_actions", "GITHUB_ACTIONS": "true"])
        let client = try await GitHubClient(configuration: GitHubConfiguration(baseURL: harness.baseURL, authentication: auth), clock: harness.clock)
        let run = try await client.createCheckRun(repo, CheckRunRequest(name: "qc", headSha: "abc", status: .queued))
        #expect(run.name == "qc")
        let issue = try await client.createIssue(repo, NewIssue(title: "from actions"))
        #expect(issue.user?.login == "github-actions[bot]")
        #expect(issue.user?.isBot == true)
        await harness.stop()
    }

    @Test func badTokensAre401AndNotRetried() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client(token: "nope")
        do {
            _ = try await client.repository(repo)
            Issue.record("expected 401")
        } catch let error as GitHubError {
            #expect(error.status == 401)
        }
        #expect(await harness.emulator.requests().count == 1)
        await harness.stop()
    }

    @Test func appOnlyCallsNeedAppCredentials() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        await #expect(throws: GitHubError.self) { _ = try await client.listWebhookDeliveries() }
        await harness.stop()
    }

    @Test func environmentSelectsTheAuthenticationMode() throws {
        guard case .personalAccessToken("t") = try GitHubAuthentication.fromEnvironment(["GITHUB_TOKEN": "t"]) else {
            Issue.record("expected a PAT")
            return
        }
        guard case .actionsToken("t") = try GitHubAuthentication.fromEnvironment(["GITHUB_TOKEN": "t", "GITHUB_ACTIONS": "true"]) else {
            Issue.record("expected an Actions token")
            return
        }
        #expect(throws: GitHubError.self) { try GitHubAuthentication.fromEnvironment([:]) }
        #expect(throws: GitHubError.self) {
            try GitHubAuthentication.fromEnvironment(["GITHUB_APP_ID": "1", "GITHUB_APP_PRIVATE_KEY_FILE": "/nonexistent", "GITHUB_APP_INSTALLATION_ID": "2"])
        }
        #expect(throws: GitHubError.self) {
            try GitHubAuthentication.fromEnvironment(["GITHUB_APP_ID": "1", "GITHUB_APP_PRIVATE_KEY_FILE": "/nonexistent"])
        }
    }

    @Test func appKeyIsReadFromAPEMFile() throws {
        let key = try TestKeys.shared()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-test-\(UUID().uuidString).pem").path
        try key.privatePEM.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let auth = try GitHubAuthentication.fromEnvironment(["GITHUB_APP_ID": "9", "GITHUB_APP_PRIVATE_KEY_FILE": path, "GITHUB_APP_INSTALLATION_ID": "3"])
        guard case .app(let credentials, let installation) = auth else {
            Issue.record("expected App auth")
            return
        }
        #expect(credentials.appID == "9")
        #expect(installation == 3)
    }

    @Test func aGarbageKeyIsAnAuthenticationError() async {
        await #expect(throws: GitHubError.self) {
            _ = try await AppJWTSigner(credentials: GitHubAppCredentials(appID: "1", privateKeyPEM: "not a key"), clock: TestClock())
        }
    }

    static func base64URL(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        return Data(base64Encoded: base64)
    }

    static func decodeSegment(_ text: String) -> [String: Any]? {
        base64URL(text).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }
}
