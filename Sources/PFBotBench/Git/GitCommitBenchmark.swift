import Foundation
import Git

/// `git-commit [N]`: N task branches of ~6 rendered files each on top of a base commit, pushed to a bare
/// `file://` remote, once through `LibGit2Workspace` and once through the `git` CLI plumbing (no working tree).
struct GitCommitBenchmark {
    let branchCount: Int

    init(arguments: [String]) throws {
        branchCount = arguments.first.flatMap { Int($0) } ?? 500
        guard branchCount > 0 else { throw BenchmarkFailure("N must be a positive number of branches") }
    }

    func run() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-bench-git-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = GitCLI()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let seed = try makeSeed(in: root, cli: cli)

        let libgit2Remote = root.appendingPathComponent("remote-batch/acme/site.git")
        try cli.run(["clone", "--bare", "--quiet", seed.path, libgit2Remote.path])
        let libgit2Seconds = try await timeLibGit2(remote: libgit2Remote, data: root.appendingPathComponent("data-batch"), batched: true)
        let singleRemote = root.appendingPathComponent("remote-single/acme/site.git")
        try cli.run(["clone", "--bare", "--quiet", seed.path, singleRemote.path])
        let singleSeconds = try await timeLibGit2(remote: singleRemote, data: root.appendingPathComponent("data-single"), batched: false)
        let peakAfterLibGit2 = Self.peakResidentKilobytes()

        let cliRemote = root.appendingPathComponent("remote-cli.git")
        let cliWork = root.appendingPathComponent("cli-work.git")
        try cli.run(["clone", "--bare", "--quiet", seed.path, cliRemote.path])
        try cli.run(["clone", "--bare", "--quiet", seed.path, cliWork.path])
        let cliSeconds = try timeCLI(work: cliWork, remote: cliRemote, scratch: root.appendingPathComponent("cli-scratch"), cli: cli)

        let counts = try [libgit2Remote, singleRemote, cliRemote].map { try cli.run(["--git-dir", $0.path, "for-each-ref", "refs/heads/pf/"]).split(separator: "\n").count }
        let sampleBranch = "refs/heads/\(Self.branch(branchCount - 1))^{tree}"
        let sampleTrees = try [libgit2Remote, singleRemote, cliRemote].map { try cli.run(["--git-dir", $0.path, "rev-parse", sampleBranch]) }
        let sameTree = Set(sampleTrees).count == 1
        let ratio = cliSeconds / libgit2Seconds
        let peak = Self.peakResidentKilobytes()

        print("git-commit: \(branchCount) branches × \(Self.files(task: 0).count) files, pushed to a bare file:// remote")
        print("| path                         | seconds | per branch | branches on remote |")
        print("|------------------------------|---------|------------|--------------------|")
        print(String(format: "| libgit2, commitBatch         | %7.3f | %7.2f ms | %18d |", libgit2Seconds, libgit2Seconds * 1000 / Double(branchCount), counts[0]))
        print(String(format: "| libgit2, one commit per call | %7.3f | %7.2f ms | %18d |", singleSeconds, singleSeconds * 1000 / Double(branchCount), counts[1]))
        print(String(format: "| git CLI plumbing             | %7.3f | %7.2f ms | %18d |", cliSeconds, cliSeconds * 1000 / Double(branchCount), counts[2]))
        print(String(format: "ratio CLI / libgit2 batch: %.1fx, CLI / libgit2 per call: %.1fx", ratio, cliSeconds / singleSeconds))
        print("identical trees on all three remotes: \(sameTree ? "yes" : "NO")   peak RSS (VmHWM): \(peak) KiB (after the libgit2 paths: \(peakAfterLibGit2) KiB)")
        print(String(format: "BENCH git-commit n=%d libgit2_s=%.3f libgit2_single_s=%.3f cli_s=%.3f ratio=%.1f ratio_single=%.1f peak_rss_kb=%d", branchCount, libgit2Seconds, singleSeconds, cliSeconds, ratio, cliSeconds / singleSeconds, peak) + " trees_match=\(sameTree)")
    }

    private func makeSeed(in root: URL, cli: GitCLI) throws -> URL {
        let seed = root.appendingPathComponent("seed.git")
        try cli.run(["init", "--bare", "--quiet", "--initial-branch=main", seed.path])
        let scratch = root.appendingPathComponent("seed-files")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var entries: [String] = []
        for index in 0..<40 {
            let file = scratch.appendingPathComponent("f\(index)")
            try Data("base file \(index)\n".utf8).write(to: file)
            let sha = try cli.run(["--git-dir", seed.path, "hash-object", "-w", file.path]).trimmingCharacters(in: .whitespacesAndNewlines)
            entries.append("100644 blob \(sha)\tsrc/file\(index).swift")
        }
        let index = scratch.appendingPathComponent("index")
        try cli.run(["--git-dir", seed.path, "update-index", "--add", "--index-info"], environment: ["GIT_INDEX_FILE": index.path], input: entries.joined(separator: "\n") + "\n")
        let tree = try cli.run(["--git-dir", seed.path, "write-tree"], environment: ["GIT_INDEX_FILE": index.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try cli.run(["--git-dir", seed.path, "commit-tree", tree, "-m", "base"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try cli.run(["--git-dir", seed.path, "update-ref", "refs/heads/main", commit])
        return seed
    }

    /// Times N commits plus one push through `LibGit2Workspace`, either one `commit` call per branch or one
    /// `commitBatch` call for all of them.
    private func timeLibGit2(remote: URL, data: URL, batched: Bool) async throws -> Double {
        let workspace = LibGit2Workspace(dataDirectory: data, clock: { Date(timeIntervalSince1970: 1_790_000_000) })
        let repository = try await workspace.mirror(remoteURL: remote.absoluteString, token: nil)
        let author = GitSignature(name: "pfbot", email: "pfbot@example.invalid")
        let requests = (0..<branchCount).map { task in
            CommitRequest(
                base: "main", branch: Self.branch(task),
                files: Self.files(task: task).map { GitFile(path: $0.path, contents: Data($0.text.utf8), mode: $0.executable ? .executable : .normal) },
                message: "Scaffold task \(task)", author: author
            )
        }
        let start = DispatchTime.now()
        if batched {
            _ = try await workspace.commitBatch(requests, in: repository)
        } else {
            for request in requests { _ = try await workspace.commit(request, in: repository) }
        }
        try await workspace.push(in: repository, branches: requests.map(\.branch), force: false, token: nil)
        return Self.seconds(since: start)
    }

    private func timeCLI(work: URL, remote: URL, scratch: URL, cli: GitCLI) throws -> Double {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let gitDir = ["--git-dir", work.path]
        let start = DispatchTime.now()
        for task in 0..<branchCount {
            let files = Self.files(task: task)
            let paths = try files.enumerated().map { offset, file in
                let url = scratch.appendingPathComponent("file\(offset)")
                try Data(file.text.utf8).write(to: url)
                return url.path
            }
            let shas = try cli.run(gitDir + ["hash-object", "-w"] + paths).split(separator: "\n").map(String.init)
            let index = ["GIT_INDEX_FILE": scratch.appendingPathComponent("index").path]
            try cli.run(gitDir + ["read-tree", "main"], environment: index)
            let cacheInfo = zip(files, shas).flatMap { file, sha in ["--cacheinfo", "\(file.executable ? "100755" : "100644"),\(sha),\(file.path)"] }
            try cli.run(gitDir + ["update-index", "--add"] + cacheInfo, environment: index)
            let tree = try cli.run(gitDir + ["write-tree"], environment: index).trimmingCharacters(in: .whitespacesAndNewlines)
            let commit = try cli.run(gitDir + ["commit-tree", tree, "-p", "main", "-m", "Scaffold task \(task)"]).trimmingCharacters(in: .whitespacesAndNewlines)
            try cli.run(gitDir + ["update-ref", "refs/heads/\(Self.branch(task))", commit])
        }
        try cli.run(gitDir + ["push", "--quiet", remote.absoluteString, "refs/heads/pf/*:refs/heads/pf/*"])
        return Self.seconds(since: start)
    }

    static func branch(_ task: Int) -> String { "pf/task-\(task)-scaffold" }

    /// Six files as a task scaffold renders them: docs, a checklist, metadata, a script.
    static func files(task: Int) -> [(path: String, text: String, executable: Bool)] {
        let dir = "tasks/\(task)"
        let paragraph = String(repeating: "Deliverable text for task \(task), describing the expected outcome in detail. ", count: 12)
        return [
            ("\(dir)/README.md", "# Task \(task)\n\n\(paragraph)\n", false),
            ("\(dir)/CHECKLIST.md", (1...12).map { "- [ ] Requirement \($0) of task \(task)" }.joined(separator: "\n") + "\n", false),
            ("\(dir)/task.json", "{\"id\": \"\(task)\", \"reward\": \(task * 10), \"category\": \"docs\", \"status\": \"accepted\"}\n", false),
            ("\(dir)/notes/plan.md", "## Plan\n\n\(paragraph)\n", false),
            ("\(dir)/notes/evidence.md", "## Evidence\n\nLinks for task \(task).\n", false),
            ("\(dir)/scripts/check.sh", "#!/bin/sh\nset -eu\necho checking task \(task)\n", true),
        ]
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// `VmHWM` from `/proc/self/status`, in KiB (0 where unavailable).
    static func peakResidentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") } ?? 0
    }
}

/// A benchmark could not run.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
