import Crypto
import Foundation
import PFBotCore

/// Commands to run on one commit in one folder, in order, and the files to bring back from it: a task's steps, or
/// the `tests` rule's test command. The unit of work a separate, read-only steps job runs for the job that planned
/// it (``StepPlan``).
public struct StepRequest: Codable, Sendable, Equatable {
    /// One command of the request.
    public struct Command: Codable, Sendable, Equatable {
        /// The step's name (`tests` for the test command).
        public var name: String
        /// The shell command.
        public var run: String
        /// Its time limit.
        public var timeoutSeconds: Int
    }

    /// The commit the commands run on.
    public var head: String
    /// The commands, run one after the other in the commit's folder.
    public var commands: [Command]
    /// Paths (files or folders) brought back after the commands ran: the outputs steps declare.
    public var collect: [String]
    /// A pattern (`fnmatch`) of further files brought back: the JUnit reports of the tests rule.
    public var collectPattern: String?
    /// The pipeline job that planned the request and finishes it with the results.
    public var origin: StepOrigin

    /// Identifies the request's results: a digest of the commit, the commands and what is collected (the origin is
    /// left out, so the same commands on the same commit share one result).
    public var key: String {
        var text = head + "\n"
        for command in commands { text += "\(command.name)\u{1F}\(command.run)\u{1F}\(command.timeoutSeconds)\n" }
        text += collect.joined(separator: "\u{1F}") + "\n" + (collectPattern ?? "")
        return SHA256.hash(data: Data(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}

/// The pipeline job a ``StepRequest`` came from, with the check run it started (so the job that applies the
/// results completes that check instead of starting another).
public enum StepOrigin: Codable, Sendable, Equatable {
    /// A `pipeline.steps` job.
    case steps(StepsJob)
    /// A QC job whose `tests` rule waits for the test command.
    case qualityControl(QualityControlJob)

    /// Whether this is a job of `kind` for `task` at `head`.
    func matches(_ kind: JobKind, task: TaskID, head: String) -> Bool {
        switch self {
        case .steps(let job): kind == .runSteps && job.task == task && job.head == head
        case .qualityControl(let job): kind == .qualityControl && job.task == task && job.head == head
        }
    }

    /// The job to run again with the results.
    var job: PipelineJob {
        switch self {
        case .steps(let job): return .runSteps(job)
        case .qualityControl(let job): return .qualityControl(job)
        }
    }
}
