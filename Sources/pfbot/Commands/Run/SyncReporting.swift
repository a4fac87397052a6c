import Pipeline

/// How `pfbot sync` and `pfbot action` report a pass: its text or its `--json` envelope, and a failure when jobs
/// failed for good.
enum SyncReporting {
    /// Prints the outcome.
    /// - Throws: ``CommandFailure`` `jobs_failed` (with the outcome as its result) when a job failed for good.
    static func report(_ outcome: SyncPass.Outcome, json: Bool) throws {
        guard outcome.deadJobs == 0 else {
            if !json { Output.line(outcome.text) }
            throw CommandFailure(code: "jobs_failed", message: "\(outcome.deadJobs) jobs failed for good",
                                 hint: "their errors are in the log and in `pfbot report`; fix the cause and run again", result: try JSONText(outcome))
        }
        if json { try Output.success(outcome) } else { Output.line(outcome.text) }
    }
}
