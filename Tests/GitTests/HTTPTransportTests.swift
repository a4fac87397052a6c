import Foundation
import Git
import Sandbox
import Testing

@Suite struct HTTPTransportTests {
    static let token = "ghs_goodTokenForTests"

    /// Runs `body` with a loopback smart-HTTP server over the sandbox's remotes, stopping it afterwards.
    private func withServer<T>(_ sandbox: GitSandbox, _ body: (LoopbackGitServer) async throws -> T) async throws -> T {
        let authoriser = TokenAuthoriser(tokens: [Self.token])
        let server = try await LoopbackGitServer.start(backend: GitHTTPBackend(root: sandbox.remotes, authoriser: authoriser))
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test func cloneCommitPushAndFetchRoundTripWithAGoodToken() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        try await withServer(sandbox) { server in
            let url = server.url(owner: "acme", repository: "site")
            let repo = try await sandbox.workspace.mirror(remoteURL: url, token: Self.token)
            let result = try await sandbox.workspace.commitFiles(
                in: repo, base: "main", branch: "pf/task-11", files: [GitFile(path: "bin/go", contents: Data([0, 1, 2]), mode: .executable)],
                message: "Scaffold", author: GitSandbox.bot, trailers: [CommitTrailer(key: "Post-Fiat-Task", value: "11")]
            )

            try await sandbox.workspace.push(in: repo, branches: ["pf/task-11"], force: false, token: Self.token)
            let newMain = try sandbox.commitWithCLI(to: remote, branch: "main", files: ["after.md": "after"])
            try await sandbox.workspace.fetch(in: repo, token: Self.token)

            #expect(try GitCommandLine.run(["--git-dir", remote.path, "rev-parse", "pf/task-11"]) == result.sha)
            #expect(try await sandbox.workspace.resolve(in: repo, ref: "main") == newMain)
        }
    }

    @Test func megabyteOfIncompressibleDataPushesAndClonesBackIntact() async throws {
        let sandbox = try GitSandbox()
        try sandbox.makeRemote()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let payload = Data((0..<1_000_000).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        })
        try await withServer(sandbox) { server in
            let url = server.url(owner: "acme", repository: "site")
            let repo = try await sandbox.workspace.mirror(remoteURL: url, token: Self.token)
            _ = try await sandbox.workspace.commitFiles(
                in: repo, base: "main", branch: "pf/large", files: [GitFile(path: "data/large.bin", contents: payload)], message: "Large", author: GitSandbox.bot
            )

            try await sandbox.workspace.push(in: repo, branches: ["pf/large"], force: false, token: Self.token)

            let reader = sandbox.otherWorkspace("reader")
            let copy = try await reader.mirror(remoteURL: url, token: Self.token)
            #expect(try await reader.readFile(in: copy, ref: "pf/large", path: "data/large.bin") == payload)
        }
    }

    @Test func wrongTokenFailsAuthenticationWithoutRevealingTheToken() async throws {
        let sandbox = try GitSandbox()
        try sandbox.makeRemote()
        try await withServer(sandbox) { server in
            let url = server.url(owner: "acme", repository: "site")

            let error = await #expect(throws: GitError.authenticationFailed(url: url)) {
                try await sandbox.workspace.mirror(remoteURL: url, token: "ghs_wrongSecretValue")
            }

            #expect(!(error?.description.contains("ghs_wrongSecretValue") ?? true))
            #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("data/repos/acme/site.git").path))
        }
    }

    @Test func missingTokenFailsAuthentication() async throws {
        let sandbox = try GitSandbox()
        try sandbox.makeRemote()
        try await withServer(sandbox) { server in
            let url = server.url(owner: "acme", repository: "site")

            await #expect(throws: GitError.authenticationFailed(url: url)) {
                try await sandbox.workspace.mirror(remoteURL: url, token: nil)
            }
        }
    }

    @Test func pushWithARevokedTokenFailsAuthentication() async throws {
        let sandbox = try GitSandbox()
        try sandbox.makeRemote()
        try await withServer(sandbox) { server in
            let url = server.url(owner: "acme", repository: "site")
            let repo = try await sandbox.workspace.mirror(remoteURL: url, token: Self.token)
            _ = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/x", files: textFiles(["x": "x"]), message: "m", author: GitSandbox.bot)

            await #expect(throws: GitError.authenticationFailed(url: url)) {
                try await sandbox.workspace.push(in: repo, branches: ["pf/x"], force: false, token: "ghs_expired")
            }
        }
    }

    @Test func serverHookDecliningOneRefIsReportedPerRef() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        try sandbox.installDecliningHook(in: remote, refPrefix: "refs/heads/pf/protected")
        try await withServer(sandbox) { server in
            let repo = try await sandbox.workspace.mirror(remoteURL: server.url(owner: "acme", repository: "site"), token: Self.token)
            let accepted = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/open", files: textFiles(["a": "a"]), message: "m", author: GitSandbox.bot)
            _ = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/protected", files: textFiles(["b": "b"]), message: "m", author: GitSandbox.bot)

            await #expect(throws: GitError.pushRejected([RefRejection(ref: "refs/heads/pf/protected", reason: "hook declined")])) {
                try await sandbox.workspace.push(in: repo, branches: ["pf/open", "pf/protected"], force: false, token: Self.token)
            }
            #expect(try GitCommandLine.run(["--git-dir", remote.path, "rev-parse", "pf/open"]) == accepted.sha)
            #expect(throws: GitCommandLine.Failure.self) { try GitCommandLine.run(["--git-dir", remote.path, "rev-parse", "--verify", "pf/protected"]) }
        }
    }

    @Test func divergedBranchOverHTTPIsNonFastForward() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        try await withServer(sandbox) { server in
            let repo = try await sandbox.workspace.mirror(remoteURL: server.url(owner: "acme", repository: "site"), token: Self.token)
            _ = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/t", files: textFiles(["a": "1"]), message: "m", author: GitSandbox.bot)
            try await sandbox.workspace.push(in: repo, branches: ["pf/t"], force: false, token: Self.token)
            try sandbox.commitWithCLI(to: remote, branch: "pf/t", files: ["human": "h"])
            _ = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/t", files: textFiles(["a": "2"]), message: "m", author: GitSandbox.bot)

            await #expect(throws: GitError.nonFastForward(refs: ["refs/heads/pf/t"])) {
                try await sandbox.workspace.push(in: repo, branches: ["pf/t"], force: false, token: Self.token)
            }
            try await sandbox.workspace.push(in: repo, branches: ["pf/t"], force: true, token: Self.token)
        }
    }

    @Test func unreachableServerIsANetworkFailure() async throws {
        let sandbox = try GitSandbox()
        try sandbox.makeRemote()
        let url = try await withServer(sandbox) { server in server.url(owner: "acme", repository: "site") }

        await #expect {
            try await sandbox.workspace.mirror(remoteURL: url, token: Self.token)
        } throws: { error in
            guard case .network(let failedURL, _)? = error as? GitError else { return false }
            return failedURL == url
        }
    }
}
