import Foundation

/// The capability to run a repository's code: present only in `pfbot action`, inside a GitHub Actions runner, and
/// handed to the pipeline through ``BotAssembly``. The server has none, so it never runs code from a task branch.
///
/// Where the code runs is its ``Mode``: in this job (`here`), or in the workflow's separate read-only steps job, in
/// which case this job plans the commands (`plan`) and a later job applies their results (`results`).
public struct StepHost: Sendable {
    /// Where commands run.
    public enum Mode: Sendable {
        /// In this job, with this runner.
        case here(StepRunner)
        /// In a separate job: commands are recorded here and nothing runs.
        case plan(StepPlanRecorder)
        /// A separate job already ran them: their outcomes are read from its results.
        case results(StepResults)
    }

    /// Where commands run.
    public var mode: Mode
    /// Where commits are written out to run commands in (the runner's temporary folder).
    public var scratch: URL

    /// Creates the capability to run commands in this job.
    /// - Parameters:
    ///   - runner: runs the commands.
    ///   - scratch: the folder commits are written out in, e.g. `$RUNNER_TEMP`.
    public init(runner: StepRunner = StepRunner(), scratch: URL) {
        self.init(mode: .here(runner), scratch: scratch)
    }

    /// Creates the capability with its mode.
    public init(mode: Mode, scratch: URL) {
        self.mode = mode
        self.scratch = scratch
    }

    /// What became of a request.
    enum Hosted {
        /// The commands ran (here or in the steps job): one outcome per command, and the folder holding the files
        /// they left (what the request collects, at least). `finish` removes what was written for the run.
        case ran([StepOutcome], folder: URL, finish: @Sendable () -> Void)
        /// The request was planned for the steps job; its pipeline job runs again with the results.
        case planned
    }

    /// Runs the commands of `request` on its commit (written out by `export`), or plans them, or reads their outcomes.
    /// In the results mode a request the steps job left no result for (or that the plan does not hold: the pack
    /// changed between the jobs) gets `notRun` outcomes.
    func perform(_ request: StepRequest, export: () async throws -> CommitExport) async throws -> Hosted {
        switch mode {
        case .here(let runner):
            let written = try await export()
            var outcomes: [StepOutcome] = []
            for command in request.commands {
                outcomes.append(try await runner.run(command.run, in: written.directory, timeout: .seconds(command.timeoutSeconds)))
            }
            return .ran(outcomes, folder: written.directory, finish: { written.remove() })
        case .plan(let recorder):
            recorder.add(request)
            return .planned
        case .results(let results):
            if let found = results.outcomes(for: request) {
                return .ran(found.outcomes, folder: found.files, finish: {})
            }
            let missing = StepOutcome(status: .notRun, tail: "The steps job of this workflow run left no result for this command; see that job's log.",
                                      outputBytes: 0, duration: .zero)
            return .ran(request.commands.map { _ in missing }, folder: results.directory.appendingPathComponent(request.key), finish: {})
        }
    }
}
