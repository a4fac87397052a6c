import Foundation
import Git
import GitHub
import PFBotCore
import Storage

/// Rebuilds truth from GitHub and repairs drift, without duplicates: a task's issue is found again by its hidden
/// marker, its branch by name, its pull request by head; issue bodies and labels are rewritten from the state
/// (a deleted label comes back); a merge or a push whose webhook never arrived gets its submission or QC job.
/// Runs on start and on an interval (`pfbot serve`), and before each `pfbot action`.
public struct Reconciler: Sendable {
    let context: PipelineContext

    /// Creates the reconciler over the pipeline's context.
    public init(context: PipelineContext) {
        self.context = context
    }

    /// What one pass repaired.
    public struct Report: Sendable, Equatable {
        /// Tasks checked.
        public var checked = 0
        /// Tasks whose issue was found again by its marker.
        public var adoptedIssues = 0
        /// Tasks whose branch was found again by name.
        public var adoptedBranches = 0
        /// Submission and QC jobs queued for merges and pushes whose webhooks never arrived.
        public var queuedJobs = 0
        /// One line per task that could not be reconciled, with the error.
        public var problems: [String] = []
    }

    /// How long after its end a task's issue is still checked (closed, labelled); older ended tasks are left alone.
    static let endedTaskWindow: TimeInterval = 7 * 24 * 3600

    /// One pass over the tasks still open, and those that ended in the last week (their issues may still need closing).
    public func reconcile() async throws -> Report {
        var report = Report()
        let branches = try await taskBranches()
        let terminal = Set(TaskState.allCases.filter(\.isTerminal))
        let open = try await context.store.tasks(in: Set(TaskState.allCases).subtracting(terminal))
        let recentlyEnded = try await context.store.tasks(in: terminal, updatedSince: context.now().addingTimeInterval(-Self.endedTaskWindow))
        let records = (open + recentlyEnded).filter(needsAttention)
        guard !records.isEmpty else { return report }
        // One listing of the open task issues (a conditional read: 304 when nothing changed) instead of one read per
        // task; an issue missing from it (closed, or its label removed) is read on its own.
        let issues = try await context.github.listIssues(context.repository, IssueQuery(state: "open", labels: [TaskLabels.task]))
            .filter { $0.pullRequest == nil }
        let all = TaskIssueListing(context: context)
        for record in records {
            report.checked += 1
            do {
                try await repair(record, branches: branches, issues: issues, all: all, report: &report)
            } catch is WorkLease.HeldElsewhere {
                continue  // the job opening the issue does the rest; the next pass checks the task again
            } catch {
                report.problems.append("\(record.task.id): \(error)")
                context.logger.warning("reconciler could not repair \(record.task.id): \(error)")
            }
        }
        return report
    }

    private func needsAttention(_ record: TaskRecord) -> Bool {
        !(record.task.state.isTerminal && record.issueNumber == nil)
    }

    private func repair(_ stored: TaskRecord, branches: [String: String], issues: [GitHubIssue], all: TaskIssueListing,
                        report: inout Report) async throws {
        let mirror = IssueMirror(context: context)
        let hadIssue = stored.issueNumber != nil
        var record = try await mirror.ensureIssue(stored, listed: issues, all: all)
        if !hadIssue, record.issueNumber != nil { report.adoptedIssues += 1 }
        let expectedBranch = context.configuration.git.branchPrefix + TaskSlug(title: record.task.title, id: record.task.id).rawValue
        if record.branch == nil, branches[expectedBranch] != nil {
            record.branch = expectedBranch
            report.adoptedBranches += 1
        }
        if let branch = record.branch, record.pullNumber == nil {
            let pulls = try await context.github.listPullRequests(context.repository, state: "all", head: "\(context.repository.owner):\(branch)")
            record.pullNumber = pulls.first { $0.head.ref == branch }?.number
        }
        if record != stored { try await context.store.saveTask(record, source: "reconciler") }
        if let number = record.issueNumber {
            if let listed = issues.first(where: { $0.number == number }) {
                try await mirror.sync(record, listed: listed)
            } else if record.task.state.isTerminal, try await mirror.isCurrent(record) {
                // Ended, closed by pfbot as it is now, and not reopened (a reopened task issue is in the open listing
                // and repaired there): nothing to read.
            } else if hadIssue {
                // Not in the listing (its pf:task label was removed, or the listing lags): read it, and repair it.
                try await mirror.sync(record, listed: try await context.github.issue(context.repository, number: number, options: ReadOptions()))
            } else {
                try await mirror.sync(record)
            }
        }
        report.queuedJobs += try await catchUp(record)
    }

    /// Queues the submission of a merge, or the QC of a head, that no webhook announced.
    private func catchUp(_ record: TaskRecord) async throws -> Int {
        guard record.task.state.isInFlight, let number = record.pullNumber else { return 0 }
        let pull = try await context.github.pullRequest(context.repository, number: number, options: ReadOptions())
        let id = record.task.id
        if pull.merged == true, let merge = pull.mergeCommitSha {
            return try await context.jobs.enqueue(.submit(SubmissionJob(task: id, commit: merge, head: pull.head.sha, pull: number))) ? 1 : 0
        }
        guard pull.state == "open", try await context.store.qualityVerdict(task: id, head: pull.head.sha) == nil else { return 0 }
        return try await context.jobs.enqueue(.qualityControl(QualityControlJob(task: id, head: pull.head.sha))) ? 1 : 0
    }

    /// Task branches on the remote, by name.
    private func taskBranches() async throws -> [String: String] {
        let handle = try await context.git.freshMirror()
        let branches = try await context.git.workspace.branches(in: handle, prefix: context.configuration.git.branchPrefix)
        return Dictionary(branches.map { ($0.name, $0.sha) }, uniquingKeysWith: { first, _ in first })
    }
}
