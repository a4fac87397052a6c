import Foundation

/// The capability to run a repository's code: present only in `pfbot action`, inside a GitHub Actions runner, and
/// handed to the pipeline through ``BotAssembly``. The server has none, so it never runs code from a task branch.
public struct StepHost: Sendable {
    /// Runs the commands.
    public var runner: StepRunner
    /// Where commits are written out to run commands in (the runner's temporary folder).
    public var scratch: URL

    /// Creates the capability.
    /// - Parameters:
    ///   - runner: runs the commands.
    ///   - scratch: the folder commits are written out in, e.g. `$RUNNER_TEMP`.
    public init(runner: StepRunner = StepRunner(), scratch: URL) {
        self.runner = runner
        self.scratch = scratch
    }
}
