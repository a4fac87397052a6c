import Foundation
import GitHub

/// The repository's task issues, open and closed, as one reconciler pass looks for the issue of a task that has none
/// in the store before opening one: listed once and reused while younger than ``freshness``, instead of once per task.
///
/// Reusing a young listing is safe: a task's issue is opened under a lease on it (``IssueMirror/ensureIssue(_:listed:)``,
/// renewed every third of its length). An issue that is not in the store was opened by a creator that stopped before
/// recording it, so before its lease ran out, and at least two thirds of the lease (80 s) before anyone else can take
/// the lease; a listing younger than a third of it (40 s) was taken after that issue was opened.
actor TaskIssueListing {
    /// How long a listing is reused: a third of the lease on opening an issue.
    static let freshness = IssueMirror.issueLeaseSeconds / 3

    private let context: PipelineContext
    private var taken: (issues: [GitHubIssue], at: Date)?

    init(context: PipelineContext) {
        self.context = context
    }

    /// The task issues, open and closed (pull requests left out), from a listing younger than ``freshness``.
    func issues() async throws -> [GitHubIssue] {
        if let taken, context.now().timeIntervalSince(taken.at) < Self.freshness { return taken.issues }
        let at = context.now()
        let issues = try await context.github.listIssues(context.repository, IssueQuery(state: "all", labels: [TaskLabels.task]))
            .filter { $0.pullRequest == nil }
        taken = (issues, at)
        return issues
    }
}
