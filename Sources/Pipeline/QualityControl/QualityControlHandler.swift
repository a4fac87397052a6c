import Foundation
import Git
import GitHub
import PFBotCore
import Storage

/// `pipeline.qc`: quality control of a task branch's head. Reads the head through libgit2 (never runs code from
/// the branch), runs the configured rules, publishes the check run "pfbot / QC" (in progress while the rules run,
/// then completed with annotations on the lines at fault), keeps the sticky QC report comment on the task's pull
/// request up to date (``QualityReportComment``), and records the verdict against the head SHA (submission checks it).
struct QualityControlHandler: PipelineJobHandler {
    let kinds: Set<JobKind> = [.qualityControl]
    let context: PipelineContext

    func handle(_ job: PipelineJob) async throws {
        guard case .qualityControl(let request) = job else { throw MisroutedJob(kind: job.kind, handler: "QualityControlHandler") }
        let (id, head) = (request.task, request.head)
        let record = try await context.record(id)
        guard record.task.state.isInFlight || record.task.state == .merged else { return }
        // A push and its pull request's synchronize both ask for the same head; judge it once unless a person asks
        // again (`/pf qc`, or Re-run on the check run or its suite).
        if !request.requested, try await context.store.qualityVerdict(task: id, head: head) != nil { return }
        if !request.requested, case .plan(let recorder) = context.stepHost?.mode, recorder.plansQualityControl(of: id, head: head) { return }
        if case .results(let results) = context.stepHost?.mode, !results.plans(.qualityControl, of: id, head: head) {
            context.logger.info("QC of \(head) is left to the next workflow run: this job applies the steps job's results and has none for it")
            return
        }
        let check = QualityCheckPublisher(context: context, task: id, head: head)
        let started = try await check.start(resuming: request.checkRunID)
        let report: QCReport
        do {
            var origin = request
            (origin.requested, origin.checkRunID) = (true, started.checkRunID)
            report = try await QualityControlRun(context: context).evaluate(record, head: head, origin: origin)
        } catch {
            try await check.abandon(started)
            throw error
        }
        if let command = report.waitsForTests {
            try await check.waitForTests(started, command: command)
            try await context.audit("pfbot", "qc.planned", id.rawValue, head)
            return
        }
        try await check.finish(started, with: report)
        // Before the verdict is recorded: a failed post retries the job, which a recorded verdict would skip.
        if let pull = record.pullNumber { try await QualityReportComment(context: context).publish(report, task: id, pull: pull) }
        try await context.store.recordQualityVerdict(QualityVerdictRecord(
            task: id, head: head, conclusion: report.conclusion, title: report.title,
            rules: report.results.map { .init(rule: $0.rule, passed: $0.passed, problems: $0.annotations.count) }, at: context.now()
        ))
        let target: TaskState = report.passed ? .qcPassed : .qcFailed
        if record.task.state != target, TaskTransitions.isAllowed(from: record.task.state, to: target) {
            _ = try await context.store.transition(id, to: target, source: "qc", note: head, at: context.now())
        }
        // Always, and from the store: the work that queued this run (start-work) leaves showing its own changes on the
        // issue to it. A sync with nothing new makes no call.
        try await IssueMirror(context: context).sync(try await context.record(id))
        try await context.audit("pfbot", "qc.\(report.conclusion)", id.rawValue, head)
    }
}

/// One QC evaluation of a commit: the files below the task folder and the files the branch changes.
public struct QualityControlRun: Sendable {
    let context: PipelineContext

    /// Creates a run over the pipeline's context.
    public init(context: PipelineContext) {
        self.context = context
    }

    /// Evaluates the task's branch at `head` (a SHA or ref), against the default branch as it was before `head` was
    /// merged into it when it already is (a review or QC job that runs after the merge judges the pull request's
    /// changes, not an empty diff).
    /// - Parameter origin: the QC job (with the check run it started), planned again when the `tests` rule's command
    ///   runs in the workflow's separate steps job.
    public func evaluate(_ record: TaskRecord, head: String, origin: QualityControlJob? = nil) async throws -> QCReport {
        let git = context.git.workspace
        let handle = try await context.git.freshMirror()
        let defaultBranch = try await context.defaultBranch()
        let folder = TemplateRenderer.folder(for: record.task)
        let before = try await BranchBase(git: git, handle: handle).before(head: head, mergedInto: defaultBranch)
        let base = try await git.mergeBase(in: handle, before, head) ?? before
        let changed = try await git.diff(in: handle, base: base, head: head).filter { $0.status != .deleted }.map(\.path)
        let tree = try await git.listTree(in: handle, ref: head)
        let changedSet = Set(changed)
        let looked = tree.filter { $0.kind != .submodule && ($0.path.hasPrefix(folder + "/") || changedSet.contains($0.path)) }
        let plan = QualityControlReadPlan(files: looked.map { ($0.path, $0.size ?? 0) }, rules: try await context.repositorySettings().qc)
        var files: [String: Data] = [:]
        for path in plan.read {
            files[path] = try await git.readFile(in: handle, ref: head, path: path)
        }
        let analysis = try await context.analyses.analysis(of: record)
        let pack = try await TaskPackResolver(context: context).resolve(record.task, analysis: analysis, handle: handle, ref: before)
        let settings = try await context.repositorySettings().qc
        let input = QCInput(task: record.task, analysis: analysis, folder: folder, files: files, sizes: plan.sizes, tree: tree.map(\.path),
                            changedPaths: changed, templatePaths: pack.files.keys.sorted(), rules: settings,
                            packRules: pack.rules.filter { !($0 is TestsRule) })
        var report = QualityControl().evaluate(input)
        if let tests = TestsRule.resolve(settings, declared: pack.rules.lazy.compactMap { $0 as? TestsRule }.first, tree: tree.map(\.path)) {
            let job = origin ?? QualityControlJob(task: record.task.id, head: head, requested: true)
            if let result = try await TestsRun(context: context).result(tests, input: input, head: head, tree: tree, handle: handle, origin: job) {
                report.results.append(result)
            } else {
                report.waitsForTests = tests.command
            }
        }
        if let pull = record.pullNumber {
            // The rules read SUBMISSION.md already; it is read again only when the read budget left it out.
            let evidence = if let data = files[SubmissionEvidence.path(for: record)] {
                try await SubmissionEvidence.of(record, text: String(decoding: data, as: UTF8.self), pull: pull, commit: head, merged: false, context: context)
            } else {
                try await SubmissionEvidence.read(record, pull: pull, commit: head, merged: false, handle: handle, context: context)
            }
            report.submissionPreview = evidence.preview
        }
        return report
    }
}
