import Foundation
import Git

/// The workflow's separate steps job (`pfbot action --run-steps`): runs each request of a ``StepPlan`` on its
/// commit, fetched with the job's read-only token and written out through libgit2, and records the outcomes and
/// collected files in a ``StepResults`` folder for the applying job. It holds no secret and writes nothing to
/// GitHub: the code it runs is the task branch's, which anyone who can push to the branch (or open a pull request
/// from a fork) wrote.
public struct StepPlanRunner: Sendable {
    let git: GitAccess
    let runner: StepRunner
    let scratch: URL
    let results: StepResults

    /// Creates the runner.
    /// - Parameters:
    ///   - git: the repository, with the read-only token.
    ///   - runner: runs the commands (its environment has no token: ``StepRunner/childEnvironment(_:)``).
    ///   - scratch: where commits are written out, e.g. `$RUNNER_TEMP`.
    ///   - results: where the outcomes go.
    public init(git: GitAccess, runner: StepRunner, scratch: URL, results: StepResults) {
        self.git = git
        self.runner = runner
        self.scratch = scratch
        self.results = results
    }

    /// One line per request: what ran and how it ended.
    /// - Throws: when the repository cannot be fetched or the results folder cannot be written. A commit that is
    ///   gone (the branch was force-pushed) is skipped with a line saying so; its request is then "not run".
    public func run(_ plan: StepPlan) async throws -> [String] {
        guard !plan.requests.isEmpty else { return [] }
        try FileManager.default.createDirectory(at: results.directory, withIntermediateDirectories: true)
        let handle = try await git.freshMirror()
        let host = StepHost(runner: runner, scratch: scratch)
        var lines: [String] = []
        for request in plan.requests {
            let tree: [TreeEntry]
            do {
                tree = try await git.workspace.listTree(in: handle, ref: request.head)
            } catch {
                lines.append("\(request.key): commit \(request.head) is not in the repository (\(error)); skipped")
                continue
            }
            let hosted = try await host.perform(request) {
                try await CommitExport.write(tree, of: request.head, handle: handle, git: git.workspace, below: scratch)
            }
            guard case .ran(let outcomes, let folder, let finish) = hosted else { continue }
            defer { finish() }
            try results.record(outcomes, for: request, ranIn: folder)
            let ended = zip(request.commands, outcomes).map { "\($0.name): \($1.statusText)" }.joined(separator: ", ")
            lines.append("\(request.key) on \(request.head.prefix(12)): \(ended)")
        }
        return lines
    }
}
