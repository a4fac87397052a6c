import Foundation

/// A repository host backed by real bare repositories under a root folder (`<root>/<owner>/<name>.git`),
/// driven through the `git` command line. Merges make real merge commits (`git merge-tree --write-tree`,
/// git 2.38 or later), so a smart-HTTP server over the same root serves what the emulator reports.
public actor GitCLIRepositoryHost: RepositoryHost {
    /// The folder holding the bare repositories.
    public let root: URL
    private let git: URL
    private let identity: [String: String]

    /// Creates a host.
    /// - Parameters:
    ///   - root: the folder for `<owner>/<name>.git` bare repositories (created when missing).
    ///   - gitExecutable: the git program.
    ///   - date: the fixed author/committer date, so commit ids are reproducible.
    public init(root: URL, gitExecutable: URL = URL(fileURLWithPath: "/usr/bin/git"), date: String = "2026-01-01T00:00:00Z") {
        self.root = root
        self.git = gitExecutable
        self.identity = [
            "GIT_AUTHOR_NAME": "GitHub Emulator", "GIT_AUTHOR_EMAIL": "noreply@github.emulator", "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": "GitHub Emulator", "GIT_COMMITTER_EMAIL": "noreply@github.emulator", "GIT_COMMITTER_DATE": date,
            "GIT_CONFIG_NOSYSTEM": "1", "HOME": root.path,
        ]
    }

    /// The bare repository folder of `owner/name`.
    public func path(owner: String, name: String) -> URL {
        root.appendingPathComponent(owner, isDirectory: true).appendingPathComponent("\(name).git", isDirectory: true)
    }

    /// `git init --bare`, then an initial empty commit on the default branch.
    public func createRepository(owner: String, name: String, defaultBranch: String) async throws -> String {
        let repo = path(owner: owner, name: name)
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        _ = try await run(["init", "--quiet", "--bare", "--initial-branch=\(defaultBranch)", repo.path], in: root)
        _ = try await run(["config", "http.receivepack", "true"], in: repo)
        let tree = try await run(["mktree"], in: repo, input: Data())
        let commit = try await run(["commit-tree", tree, "-m", "Initial commit"], in: repo)
        _ = try await run(["update-ref", "refs/heads/\(defaultBranch)", commit], in: repo)
        return commit
    }

    /// `git rev-parse` of the branch; nil when it does not exist.
    public func branchSHA(owner: String, name: String, branch: String) async throws -> String? {
        let repo = try existing(owner: owner, name: name)
        return try? await run(["rev-parse", "--verify", "--quiet", "refs/heads/\(branch)^{commit}"], in: repo)
    }

    /// An empty commit on `branch` (branched from `from` when missing).
    public func commit(owner: String, name: String, branch: String, from: String?, message: String) async throws -> String {
        let repo = try existing(owner: owner, name: name)
        let parentBranch = try await branchSHA(owner: owner, name: name, branch: branch) != nil ? branch : (from ?? branch)
        guard let parent = try await branchSHA(owner: owner, name: name, branch: parentBranch) else {
            throw RepositoryHostError.branchNotFound(parentBranch)
        }
        let tree = try await run(["rev-parse", "\(parent)^{tree}"], in: repo)
        let commit = try await run(["commit-tree", tree, "-p", parent, "-m", message], in: repo)
        _ = try await run(["update-ref", "refs/heads/\(branch)", commit], in: repo)
        return commit
    }

    /// A merge commit of `head` into `base` (fails on conflicts).
    public func merge(owner: String, name: String, head: String, base: String, message: String) async throws -> String {
        let repo = try existing(owner: owner, name: name)
        guard let headSHA = try await branchSHA(owner: owner, name: name, branch: head) else { throw RepositoryHostError.branchNotFound(head) }
        guard let baseSHA = try await branchSHA(owner: owner, name: name, branch: base) else { throw RepositoryHostError.branchNotFound(base) }
        let tree = try await run(["merge-tree", "--write-tree", baseSHA, headSHA], in: repo)
        let commit = try await run(["commit-tree", tree, "-p", baseSHA, "-p", headSHA, "-m", message], in: repo)
        _ = try await run(["update-ref", "refs/heads/\(base)", commit, baseSHA], in: repo)
        return commit
    }

    /// `git rev-parse REF:PATH` and `git cat-file blob`; nil when the ref or the path does not exist (or is no file).
    public func file(owner: String, name: String, ref: String, path: String) async throws -> HostedFile? {
        let repo = try existing(owner: owner, name: name)
        guard !path.contains(".."), let blob = try? await run(["rev-parse", "--verify", "--quiet", "\(ref):\(path)"], in: repo),
              (try? await run(["cat-file", "-t", blob], in: repo)) == "blob" else { return nil }
        let content = try await runData(["cat-file", "blob", blob], in: repo)
        return HostedFile(content: content, blobSHA: blob)
    }

    /// `git diff-tree --name-status` between the commits (every file of `to` as added when `from` is nil).
    public func changes(owner: String, name: String, from: String?, to: String) async throws -> HostedChanges {
        let repo = try existing(owner: owner, name: name)
        var changes = HostedChanges()
        guard let from else {
            changes.added = try await run(["ls-tree", "-r", "--name-only", to], in: repo).split(separator: "\n").map(String.init)
            return changes
        }
        for line in try await run(["diff-tree", "-r", "--no-renames", "--name-status", from, to], in: repo).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard fields.count == 2 else { continue }
            switch fields[0] {
            case "A": changes.added.append(fields[1])
            case "D": changes.removed.append(fields[1])
            default: changes.modified.append(fields[1])
            }
        }
        return changes
    }

    private func existing(owner: String, name: String) throws -> URL {
        let repo = path(owner: owner, name: name)
        guard FileManager.default.fileExists(atPath: repo.path) else { throw RepositoryHostError.repositoryNotFound("\(owner)/\(name)") }
        return repo
    }

    /// Runs git off the cooperative pool; returns trimmed standard output, throws on a non-zero exit.
    private func run(_ arguments: [String], in directory: URL, input: Data? = nil) async throws -> String {
        String(decoding: try await runData(arguments, in: directory, input: input), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git off the cooperative pool; returns standard output as it is, throws on a non-zero exit.
    private func runData(_ arguments: [String], in directory: URL, input: Data? = nil) async throws -> Data {
        let git = self.git
        let environment = ProcessInfo.processInfo.environment.merging(identity) { _, ours in ours }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = git
                process.arguments = arguments
                process.currentDirectoryURL = directory
                process.environment = environment
                let output = Pipe()
                let errors = Pipe()
                let stdin = Pipe()
                process.standardOutput = output
                process.standardError = errors
                process.standardInput = stdin
                do {
                    try process.run()
                    stdin.fileHandleForWriting.write(input ?? Data())
                    try? stdin.fileHandleForWriting.close()
                    let out = output.fileHandleForReading.readDataToEndOfFile()
                    let err = errors.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    guard process.terminationStatus == 0 else {
                        let message = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                        continuation.resume(throwing: RepositoryHostError.gitFailed(arguments.first ?? "git", message))
                        return
                    }
                    continuation.resume(returning: out)
                } catch {
                    continuation.resume(throwing: RepositoryHostError.gitFailed(arguments.first ?? "git", "\(error)"))
                }
            }
        }
    }
}
