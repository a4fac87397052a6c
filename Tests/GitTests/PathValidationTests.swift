import Foundation
import Git
import Testing

@Suite struct PathValidationTests {
    static let badPaths: [(String, PathProblem)] = [
        ("", .empty),
        ("/etc/passwd", .absolute),
        ("../outside.md", .dotComponent),
        ("docs/../../x", .dotComponent),
        ("./a.md", .dotComponent),
        (".git/config", .gitDirectory),
        ("sub/.GIT/hooks/pre-commit", .gitDirectory),
        ("sub/.Git", .gitDirectory),
        ("nul\u{0}byte.md", .controlCharacter),
        ("tab\tname.md", .controlCharacter),
        ("bell\u{7}.md", .controlCharacter),
        ("line\nbreak.md", .controlCharacter),
        ("a//b.md", .emptyComponent),
        ("dir/", .emptyComponent),
    ]

    @Test(arguments: badPaths)
    func unsafePathsAreRefusedWithATypedErrorNamingThePath(path: String, problem: PathProblem) async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        await #expect(throws: GitError.invalidPath(path: path, problem: problem)) {
            try await sandbox.workspace.commitFiles(
                in: repo, base: "main", branch: "pf/paths", files: [GitFile(path: "ok.md", text: "ok"), GitFile(path: path, text: "x")],
                message: "m", author: GitSandbox.bot
            )
        }
        #expect(try await sandbox.workspace.branches(in: repo, prefix: "pf/").isEmpty)
    }

    @Test func pathsDifferingOnlyByCaseAreRefused() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        await #expect(throws: GitError.pathCollision(path: "docs/readme.md", existing: "docs/README.md")) {
            try await sandbox.workspace.commitFiles(
                in: repo, base: "main", branch: "pf/case", files: textFiles(["docs/README.md": "a", "docs/readme.md": "b"]),
                message: "m", author: GitSandbox.bot
            )
        }
    }

    @Test func pathDifferingByCaseFromABaseFileIsRefused() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        await #expect(throws: GitError.pathCollision(path: "readme.md", existing: "README.md")) {
            try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/case", files: textFiles(["readme.md": "b"]), message: "m", author: GitSandbox.bot)
        }
        await #expect(throws: GitError.pathCollision(path: "SRC/extra.swift", existing: "src")) {
            try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/case", files: textFiles(["SRC/extra.swift": "b"]), message: "m", author: GitSandbox.bot)
        }
    }

    @Test func fileAndDirectoryOfTheSameNameAreRefused() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        await #expect(throws: GitError.pathCollision(path: "README.md/inner.md", existing: "README.md")) {
            try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/dir", files: textFiles(["README.md/inner.md": "x"]), message: "m", author: GitSandbox.bot)
        }
    }

    @Test func errorDescriptionNamesThePathAndEscapesControlCharacters() {
        let error = GitError.invalidPath(path: "bad\u{0}name", problem: .controlCharacter)

        #expect(error.description == "Invalid path 'bad\\u{0}name': NUL and control characters are not allowed. Use a relative path inside the repository.")
    }
}
