import Crypto
import Foundation
import GitHub
import PFBotCore
import Storage

/// Keeps a task's GitHub issue in line with the task: creates it once (found again by its hidden marker, never
/// duplicated), keeps body and labels in sync with the state, posts each event's comment once, and closes it.
///
/// It spends few API calls: what pfbot last wrote to an issue is stored as a digest, so a sync whose inputs did not
/// change since is skipped without reading the issue (drift made by people is the reconciler's to repair, from its
/// one listing per pass); the comments pfbot posts are recorded with their event markers, so posting once needs no
/// listing of the comments unless the store does not know the issue's comments (adopted issue, interrupted post).
struct IssueMirror {
    let context: PipelineContext

    private var repository: String { context.repository.description }

    /// The task's issue number, creating or adopting the issue when the task has none yet.
    /// - Parameters:
    ///   - listed: the repository's open task issues as a listing just returned them (the reconciler's pass); `nil`
    ///     lists them here.
    ///   - all: where the reconciler's pass keeps its listing of the task issues open and closed, looked at before an
    ///     issue is opened when `listed` has none for the task; `nil` lists them here.
    /// - Throws: ``WorkLease/HeldElsewhere`` while another job or pass, in this process or another replica, is opening the
    ///   task's issue (a job is retried; the reconciler leaves the task to it).
    @discardableResult
    func ensureIssue(_ record: TaskRecord, listed: [GitHubIssue]? = nil, all: TaskIssueListing? = nil) async throws -> TaskRecord {
        if let number = record.issueNumber, record.repository == repository { return record.withIssue(number) }
        // The look for the marker and the creation are one step under a lease on the task's issue: otherwise the
        // reconciler's pass and an announce job (on one replica or two) could both find no issue and both open one.
        // Renewed while GitHub is slow (rate-limit waits, retries), so the lease never runs out under a live creator.
        let lease = WorkLease(name: "issue:\(record.task.id.rawValue)", seconds: Self.issueLeaseSeconds,
                              work: "opening the issue of \(record.task.id)", context: context)
        return try await lease.run {
            try await findOrCreateIssue(record, listed: listed, all: all)
        }
    }

    /// How long the lease on opening a task's issue lasts without renewal (it is renewed every third of it).
    static let issueLeaseSeconds = 120.0

    private func findOrCreateIssue(_ record: TaskRecord, listed: [GitHubIssue]?, all: TaskIssueListing?) async throws -> TaskRecord {
        var record = record
        // Another job may have mirrored it since `record` was read.
        if let fresh = try await context.store.task(record.task.id), fresh.issueNumber != nil, fresh.repository == repository { return fresh }
        let analysis = try await context.analyses.analysis(of: record)
        let labels = TaskLabels.own(state: record.task.state, category: analysis.category)
        try await context.labels.ensure(labels, in: context.repository, github: context.github)
        let marker = IssueBody.marker(for: record.task.id)
        let issues: [GitHubIssue]
        if let listed {
            issues = listed
        } else {
            issues = try await context.github.listIssues(context.repository, IssueQuery(state: "all", labels: [TaskLabels.task]))
        }
        var existing = issues.first(where: { $0.pullRequest == nil && ($0.body ?? "").contains(marker) })
        if existing == nil, listed != nil {
            // The reconciler's listing holds open issues only and was taken at the start of its pass: the issue may be
            // closed, or a process killed between creating the issue and recording it may have opened it since. Look
            // in a young listing of them all before creating.
            let everything = if let all { try await all.issues() }
                else { try await context.github.listIssues(context.repository, IssueQuery(state: "all", labels: [TaskLabels.task])) }
            existing = everything.first(where: { $0.pullRequest == nil && ($0.body ?? "").contains(marker) })
        }
        let number: Int
        if let existing {
            number = existing.number
        } else {
            let body = Self.body(record, analysis: analysis, assignees: try await context.assignees(), pack: nil, checked: [])
            number = try await context.github.createIssue(context.repository, NewIssue(title: IssueBody.title(for: record.task), body: body, labels: labels)).number
            try await context.store.markIssueCommentsRecorded(repository: repository, issue: number, at: context.now())
            try await context.store.recordIssueDigest(repository: repository, issue: number, digest: Self.digest(body: body, labels: labels, closed: false),
                                                      at: context.now())
            try await context.audit("pfbot", "issue.created", record.task.id.rawValue, "#\(number)")
        }
        record.repository = repository
        record.issueNumber = number
        try await context.store.saveTask(record, source: "executor")
        return record
    }

    /// Rewrites the body (keeping ticks people made) and pfbot's labels; closes the issue when the task is over.
    /// - Parameters:
    ///   - flags: the review flags to set (`[]` clears `pf:changes-requested`); `nil` keeps them as they are on the
    ///     issue. Flags that follow from the task (``TaskLabels/derivedFlags(_:)``) are always set.
    ///   - listed: the issue as a listing (the reconciler) or a webhook (a command's) just showed it: it is not read
    ///     again, and it is compared with what it should be whatever pfbot last wrote, so drift made by others is
    ///     repaired. Without it, a sync whose inputs are those pfbot last wrote is skipped (no call); otherwise the
    ///     issue is read first.
    func sync(_ record: TaskRecord, flags: [String]? = nil, listed: GitHubIssue? = nil) async throws {
        guard let number = record.issueNumber else { return }
        let inputs = try await inputs(of: record)
        let closed = record.task.state.isTerminal
        let digest = Self.digest(record, inputs, flags: flags)
        if listed == nil, try await isCurrent(issue: number, digest: digest) { return }
        let issue: GitHubIssue
        if let listed {
            issue = listed
        } else {
            issue = try await context.github.issue(context.repository, number: number, options: ReadOptions())
        }
        let body = Self.body(record, analysis: inputs.analysis, assignees: inputs.assignees, pack: inputs.pack,
                             checked: IssueBody.checkedItems(in: issue.body ?? ""))
        let currentLabels = issue.labels.map(\.name)
        let setFlags = flags ?? currentLabels.filter { TaskLabels.keptFlags.contains($0) }
        let labels = TaskLabels.merged(current: currentLabels, state: record.task.state, category: inputs.analysis.category,
                                       flags: setFlags + TaskLabels.derivedFlags(record.task), payment: inputs.payment)
        try await context.labels.ensure(labels.filter { $0.hasPrefix("pf:") }, in: context.repository, github: context.github)
        let shouldClose = closed && issue.isOpen
        if issue.body != body || Set(currentLabels) != Set(labels) || shouldClose {
            var update = IssueUpdate()
            update.body = body
            update.labels = labels
            if shouldClose {
                update.state = "closed"
                update.stateReason = record.task.state == .rewarded ? "completed" : "not_planned"
            }
            _ = try await context.github.updateIssue(context.repository, number: number, update)
        }
        try await context.store.recordIssueDigest(repository: repository, issue: number, digest: digest, at: context.now())
    }

    /// Whether what pfbot last wrote to the task's issue is what it would write now (with no review flags given), so
    /// a ``sync(_:flags:listed:)`` without a listing would make no call. `false` for a task without an issue.
    func isCurrent(_ record: TaskRecord) async throws -> Bool {
        guard let number = record.issueNumber else { return false }
        return try await isCurrent(issue: number, digest: Self.digest(record, try await inputs(of: record), flags: nil))
    }

    private func isCurrent(issue number: Int, digest: String) async throws -> Bool {
        try await context.store.issueMirror(repository: repository, issue: number)?.writtenDigest == digest
    }

    /// What an issue's body and labels are made of besides the task itself.
    private struct Inputs {
        var analysis: TaskAnalysis
        var payment: RewardPaymentRecord.Status?
        var pack: ChosenPackRecord?
        var assignees: [String]
    }

    private func inputs(of record: TaskRecord) async throws -> Inputs {
        Inputs(analysis: try await context.analyses.analysis(of: record),
               payment: record.task.state == .rewarded ? try await context.store.rewardPayment(task: record.task.id)?.status : nil,
               pack: try await context.store.chosenPack(task: record.task.id), assignees: try await context.assignees())
    }

    /// The digest of what pfbot writes to the task's issue: its body before people tick it, its own labels (with
    /// `flags` and the flags that follow from the task), open or closed.
    private static func digest(_ record: TaskRecord, _ inputs: Inputs, flags: [String]?) -> String {
        let body = body(record, analysis: inputs.analysis, assignees: inputs.assignees, pack: inputs.pack, checked: [])
        let labels = TaskLabels.own(state: record.task.state, category: inputs.analysis.category,
                                    flags: (flags ?? []) + TaskLabels.derivedFlags(record.task), payment: inputs.payment)
        return digest(body: body, labels: labels, closed: record.task.state.isTerminal)
    }

    /// Posts `body` on the task's issue unless a comment carrying the same event marker is already there (a retried
    /// job posts once).
    func postOnce(_ record: TaskRecord, event: String, body: String) async throws {
        guard let number = record.issueNumber else { return }
        try await postOnce(issue: number, event: event, body: body)
    }

    /// Posts `body` on an issue unless a comment carrying the event marker is there (see ``isPosted(issue:event:since:)``).
    func postOnce(issue number: Int, event: String, body: String, since: Date? = nil) async throws {
        guard try await !isPosted(issue: number, event: event, since: since) else { return }
        let store = context.store
        try await store.recordPostedComment(PostedCommentRecord(repository: repository, issue: number, event: event, commentID: nil, recordedAt: context.now()))
        let comment = try await context.github.createComment(context.repository, issue: number, body: body)
        try await store.recordPostedComment(PostedCommentRecord(repository: repository, issue: number, event: event, commentID: Int64(comment.id),
                                                                recordedAt: context.now()))
    }

    /// Whether a comment carrying the event marker is on the issue. The store's record answers without a call; the
    /// comments are listed only when the store does not know them all (an issue pfbot did not create with this store:
    /// listed once, and every pfbot comment found is recorded) or when an earlier attempt may have posted it (recorded
    /// as unconfirmed).
    /// - Parameter since: with an issue whose comments the store does not know, list only the comments updated
    ///   since then (a reply to a command comes after the command); the listing is then not taken as complete.
    func isPosted(issue number: Int, event: String, since: Date? = nil) async throws -> Bool {
        let store = context.store
        let posted = try await store.postedComment(repository: repository, issue: number, event: event)
        if posted?.commentID != nil { return true }
        let known = try await store.issueMirror(repository: repository, issue: number)?.commentsRecorded == true
        guard posted != nil || !known else { return false }
        let comments = try await context.github.listComments(context.repository, issue: number, since: known ? nil : since)
        for comment in comments {
            guard let found = IssueComments.event(in: comment.body ?? "") else { continue }
            try await store.recordPostedComment(PostedCommentRecord(repository: repository, issue: number, event: found,
                                                                    commentID: Int64(comment.id), recordedAt: context.now()))
        }
        if !known, since == nil { try await store.markIssueCommentsRecorded(repository: repository, issue: number, at: context.now()) }
        return comments.contains { IssueComments.carries($0.body ?? "", event: event) }
    }

    /// The issue body of a task as pfbot renders it, with the template pack chosen for it (once work started) and
    /// the checklist items in `checked` ticked.
    private static func body(_ record: TaskRecord, analysis: TaskAnalysis, assignees: [String], pack: ChosenPackRecord?, checked: Set<Int>) -> String {
        IssueBody.render(.init(task: record.task, analysis: analysis, branch: record.branch, pullNumber: record.pullNumber, assignees: assignees,
                               pack: pack.map { "`\($0.pack)` (\($0.origin))" }, packReason: pack?.reason),
                         checked: checked)
    }

    /// A digest of what pfbot writes to an issue: the body before people tick it, its own labels, open or closed.
    static func digest(body: String, labels: [String], closed: Bool) -> String {
        let text = [body, labels.sorted().joined(separator: ","), closed ? "closed" : "open"].joined(separator: "\u{0}")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension TaskRecord {
    func withIssue(_ number: Int) -> TaskRecord {
        var copy = self
        copy.issueNumber = number
        return copy
    }
}
