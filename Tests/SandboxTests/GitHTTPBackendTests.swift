import Foundation
import Sandbox
import Testing


@Suite struct GitHTTPBackendTests {
    /// A bare repository `<root>/acme/site.git` with one commit on `main`, made with the git CLI.
    private func makeRootBlocking() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-sandbox-tests-\(UUID().uuidString)")
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: work.appendingPathComponent("hello.txt"))
        _ = try runGit(["init", "--quiet", "-b", "main"], in: work)
        _ = try runGit(["add", "."], in: work)
        _ = try runGit(["commit", "--quiet", "-m", "first"], in: work)
        _ = try runGit(["clone", "--quiet", "--bare", work.path, root.appendingPathComponent("acme/site.git").path], in: root)
        return root
    }

    /// Runs the git CLI on its own thread: it talks to the loopback server, whose handlers need the cooperative pool.
    @discardableResult
    private func git(_ arguments: [String], in directory: URL) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runGit(arguments, in: directory) }) }.start()
        }
    }

    private func makeRoot() async throws -> URL {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try makeRootBlocking() }) }.start()
        }
    }

    private func runGit(_ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-c", "user.name=T", "-c", "user.email=t@example.invalid"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ["GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_NOSYSTEM": "1", "PATH": "/usr/bin:/bin", "HOME": directory.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func withServer(root: URL, _ body: (LoopbackGitServer) async throws -> Void) async throws {
        let server = try await LoopbackGitServer.start(backend: GitHTTPBackend(root: root, authoriser: TokenAuthoriser(tokens: ["s3cret"], realm: "sandbox")))
        do {
            try await body(server)
            await server.stop()
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test func gitCLIClonesAndPushesWithATokenAndIsRefusedWithout() async throws {
        let root = try await makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try await withServer(root: root) { server in
            let port = try #require(server.baseURL.port)
            let good = "http://x-access-token:s3cret@127.0.0.1:\(port)/acme/site.git"
            let bad = "http://x-access-token:wrong@127.0.0.1:\(port)/acme/site.git"
            let clone = root.appendingPathComponent("clone")

            #expect(try await git(["clone", "--quiet", good, clone.path], in: root) == 0)
            try Data("more\n".utf8).write(to: clone.appendingPathComponent("more.txt"))
            try await git(["add", "."], in: clone)
            try await git(["commit", "--quiet", "-m", "more"], in: clone)
            #expect(try await git(["push", "--quiet", "origin", "HEAD:refs/heads/pushed"], in: clone) == 0)
            #expect(try await git(["--git-dir", root.appendingPathComponent("acme/site.git").path, "rev-parse", "--verify", "--quiet", "pushed"], in: root) == 0)
            #expect(try await git(["ls-remote", bad], in: root) != 0)
            #expect(try await git(["ls-remote", server.url(owner: "acme", repository: "missing")], in: root) != 0)
        }
    }

    @Test func requestsWithoutCredentialsGetABasicChallenge() async throws {
        let root = try await makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try await withServer(root: root) { server in
            let port = try #require(server.baseURL.port)

            let response = try await RawHTTPClient.get(port: port, path: "/acme/site.git/info/refs?service=git-upload-pack")

            #expect(response.hasPrefix("HTTP/1.1 401 Unauthorized\r\n"))
            #expect(response.lowercased().contains("\r\nwww-authenticate: basic realm=\"sandbox\"\r\n"))
        }
    }

    @Test func advertisementWithATokenIsServedFromTheCGIOutput() async throws {
        let root = try await makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try await withServer(root: root) { server in
            let port = try #require(server.baseURL.port)
            let authorization = "Basic " + Data("x-access-token:s3cret".utf8).base64EncodedString()

            let response = try await RawHTTPClient.get(port: port, path: "/acme/site.git/info/refs?service=git-upload-pack", headers: ["Authorization": authorization])

            #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(response.lowercased().contains("\r\ncontent-type: application/x-git-upload-pack-advertisement\r\n"))
            #expect(response.contains("\r\n\r\n001e# service=git-upload-pack\n"))
        }
    }

    @Test func unknownRepositoryIsNotFound() async throws {
        let root = try await makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try await withServer(root: root) { server in
            let port = try #require(server.baseURL.port)
            let authorization = "Basic " + Data("x-access-token:s3cret".utf8).base64EncodedString()

            let response = try await RawHTTPClient.get(port: port, path: "/acme/missing.git/info/refs?service=git-upload-pack", headers: ["Authorization": authorization])

            #expect(response.hasPrefix("HTTP/1.1 404"))
        }
    }
}
