import Foundation
import Git

/// A temporary folder with bare "remote" repositories and a workspace data directory, removed on `deinit`.
final class GitSandbox {
    let root: URL
    /// Where remote bare repositories live (`<remotes>/<owner>/<name>.git`), as a server would keep them.
    let remotes: URL
    let workspace: LibGit2Workspace
    static let fixedDate = Date(timeIntervalSince1970: 1_790_000_000)
    static let bot = GitSignature(name: "pfbot", email: "pfbot@example.invalid")

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-git-tests-\(UUID().uuidString)", isDirectory: true)
        remotes = root.appendingPathComponent("remotes", isDirectory: true)
        try FileManager.default.createDirectory(at: remotes, withIntermediateDirectories: true)
        workspace = LibGit2Workspace(dataDirectory: root.appendingPathComponent("data", isDirectory: true), clock: { GitSandbox.fixedDate })
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A second workspace sharing nothing with the first (its own data directory).
    func otherWorkspace(_ name: String) -> LibGit2Workspace {
        LibGit2Workspace(dataDirectory: root.appendingPathComponent(name, isDirectory: true), clock: { GitSandbox.fixedDate })
    }

    /// Creates `<remotes>/<owner>/<name>.git` whose `main` has a README, an executable script and a source file.
    @discardableResult
    func makeRemote(owner: String = "acme", name: String = "site") throws -> URL {
        let work = root.appendingPathComponent("seed-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("tools"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Data("# Site\n".utf8).write(to: work.appendingPathComponent("README.md"))
        try Data("#!/bin/sh\necho run\n".utf8).write(to: work.appendingPathComponent("tools/run.sh"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: work.appendingPathComponent("tools/run.sh").path)
        try Data("let answer = 42\n".utf8).write(to: work.appendingPathComponent("src/main.swift"))
        try GitCommandLine.run(["init", "--quiet", "-b", "main"], in: work)
        try GitCommandLine.run(["add", "."], in: work)
        try GitCommandLine.run(["commit", "--quiet", "-m", "Initial commit"], in: work)
        let bare = remotes.appendingPathComponent(owner).appendingPathComponent("\(name).git")
        try GitCommandLine.run(["clone", "--quiet", "--bare", work.path, bare.path])
        try FileManager.default.removeItem(at: work)
        return bare
    }

    /// Commits `files` (path → text) onto `branch` of a bare remote with the CLI, as another contributor would.
    @discardableResult
    func commitWithCLI(to bare: URL, branch: String, files: [String: String], message: String = "Contributor change") throws -> String {
        let work = root.appendingPathComponent("clone-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try GitCommandLine.run(["clone", "--quiet", bare.path, work.path])
        let exists = (try? GitCommandLine.run(["rev-parse", "--verify", "--quiet", "origin/\(branch)"], in: work)) != nil
        try GitCommandLine.run(exists ? ["checkout", "--quiet", branch] : ["checkout", "--quiet", "-b", branch], in: work)
        for (path, text) in files {
            let url = work.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try GitCommandLine.run(["add", "."], in: work)
        try GitCommandLine.run(["commit", "--quiet", "-m", message], in: work)
        try GitCommandLine.run(["push", "--quiet", "origin", branch], in: work)
        return try GitCommandLine.run(["rev-parse", "HEAD"], in: work)
    }

    /// Installs an `update` hook in a bare repository that declines every ref starting with `refPrefix`.
    func installDecliningHook(in bare: URL, refPrefix: String) throws {
        let hook = bare.appendingPathComponent("hooks/update")
        let script = """
            #!/bin/sh
            case "$1" in
              \(refPrefix)*) echo "ref $1 is protected" >&2; exit 1 ;;
            esac
            exit 0

            """
        try Data(script.utf8).write(to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    }
}

/// Text files for a commit.
func textFiles(_ files: [String: String]) -> [GitFile] {
    files.sorted { $0.key < $1.key }.map { GitFile(path: $0.key, text: $0.value) }
}
