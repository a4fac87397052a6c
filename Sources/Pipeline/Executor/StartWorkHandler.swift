import Crypto
import Foundation
import Git
import GitHub
import PFBotCore
import Storage

/// `pipeline.start-work`: for an accepted task, renders the best-matching template pack (a repository's own packs
/// from its default branch replace built-in ones of the same name), commits them to `pf/<slug>` through libgit2, pushes, opens a draft pull
/// request linked to the issue, and records it all. Run again, it adds only template files the branch lacks and
/// reuses the open pull request, so a contributor's work is never overwritten.
struct StartWorkHandler: PipelineJobHandler {
    let kinds: Set<JobKind> = [.startWork]
    let context: PipelineContext

    func handle(_ job: PipelineJob) async throws {
        guard case .startWork(let start) = job else { throw MisroutedJob(kind: job.kind, handler: "StartWorkHandler") }
        let id = start.task
        let mirror = IssueMirror(context: context)
        var record = try await mirror.ensureIssue(try await context.record(id))
        guard record.task.state.isInFlight else { return }
        let analysis = try await context.analyses.analysis(of: record)
        let git = context.git.workspace
        let handle = try await context.git.freshMirror()
        let defaultBranch = try await context.defaultBranch()
        let branch = context.configuration.git.branchPrefix + TaskSlug(title: record.task.title, id: id).rawValue
        let resolved = try await TaskPackResolver(context: context).resolve(record.task, analysis: analysis, handle: handle, ref: defaultBranch)
        try await reportRefusedPacks(resolved.library.problems, record: record, mirror: mirror)
        try await context.store.recordChosenPack(ChosenPackRecord(task: id, pack: resolved.choice.pack.name, origin: "\(resolved.choice.pack.origin)",
                                                                  reason: resolved.choice.reason, chosenAt: context.now()))
        var files = resolved.files
        let templateFiles = Array(files.keys)
        let branchExisted = try await git.branches(in: handle, prefix: branch).contains(where: { $0.name == branch })
        if branchExisted {
            let present = Set(try await git.listTree(in: handle, ref: branch).map(\.path))
            files = files.filter { !present.contains($0.key) }
        }
        var committed = false
        if !files.isEmpty {
            let author = GitSignature(name: context.configuration.git.authorName, email: context.configuration.git.authorEmail)
            let request = CommitRequest(
                base: defaultBranch, branch: branch, files: files.sorted { $0.key < $1.key }.map { GitFile(path: $0.key, contents: $0.value) },
                message: "Scaffold \(InertText.singleLine(record.task.title, limit: 60))", author: author,
                trailers: [CommitTrailer(key: "Post-Fiat-Task", value: id.rawValue)]
            )
            committed = try await git.commit(request, in: handle).created
        }
        // Pushed when committed now, and also when the branch was already there: an earlier attempt may have committed
        // it in the local mirror and been cut short before its push (a crash, a failed push), and the pull request
        // needs it on GitHub. Pushing a branch GitHub already has at that commit sends nothing.
        if committed || branchExisted { try await git.push(in: handle, branches: [branch], force: false, token: try await context.git.token()) }
        let pull = try await ensurePullRequest(record, branch: branch, base: defaultBranch, files: templateFiles, choice: resolved.choice)
        let head = try await git.resolve(in: handle, ref: branch)
        record = try await context.record(id)
        record.branch = branch
        record.pullNumber = pull
        try await context.store.saveTask(record, source: "executor")
        if record.task.state == .accepted {
            record = try await context.store.transition(id, to: .mirrored, source: "executor", note: branch, at: context.now())
        }
        // QC of the new head follows at once and ends by showing the task on its issue, branch and pull request
        // included: one write of the issue for both changes. Without a QC job of its own to come (the head was judged
        // already, or a job for it was queued earlier and may be past that point), the issue is brought up to date here.
        let judged = try await context.store.qualityVerdict(task: id, head: head) != nil
        let queued = try await context.jobs.enqueue(.qualityControl(QualityControlJob(task: id, head: head)))
        if judged || !queued { try await mirror.sync(record) }
        try await context.audit("pfbot", "work.started", id.rawValue, "\(branch) #\(pull)")
    }

    /// Says on the issue (once per distinct set of problems) and in the log that repository packs were refused and
    /// the built-in packs used instead; nothing else changes.
    private func reportRefusedPacks(_ problems: [PackProblem], record: TaskRecord, mirror: IssueMirror) async throws {
        guard !problems.isEmpty else { return }
        let text = problems.map(\.description).joined(separator: "\n")
        context.logger.warning("repository template packs refused", metadata: ["task": "\(record.task.id.rawValue)", "problems": "\(text)"])
        let event = "template-packs:" + SHA256.hash(data: Data(text.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        let body = [
            IssueComments.marker(event),
            "⚠️ pfbot could not use a template pack from `\(PackLibrary.repositoryFolder)/`, so the built-in pack of that name (or the next best match) was used:",
            "", "```", InertText.clean(text, limit: 5000), "```", "",
            "Fix each line above (docs/templates.md describes pack.yml); `pfbot templates check` and `pfbot templates list` run the same validation locally.",
        ].joined(separator: "\n")
        try await mirror.postOnce(record, event: event, body: body)
        try await context.audit("pfbot", "template-pack.invalid", record.task.id.rawValue, InertText.singleLine(text, limit: 1000))
    }

    /// The task's draft pull request, opened once. Its body lists the scaffolded files; its `Refs #N` puts it in the
    /// issue's timeline, which is how the issue learns that work started (no separate comment).
    private func ensurePullRequest(_ record: TaskRecord, branch: String, base: String, files: [String], choice: PackChoice) async throws -> Int {
        if let number = record.pullNumber { return number }
        let body = [
            "Work on Post Fiat task `\(record.task.id.rawValue)`. Refs #\(record.issueNumber.map(String.init) ?? "?").",
            "",
            "Template pack: `\(choice.pack.name)` (\(choice.pack.origin)), chosen for \(choice.reason).",
            "",
            "Templates: " + files.sorted().map { "`\($0)`" }.joined(separator: ", "),
            "",
            "Replace every `TODO(pf)`, tick `CHECKLIST.md`, and mark this pull request ready. Merging it submits the work to Post Fiat.",
            "The summary below this line is sent to the reviewer with the evidence.",
        ].joined(separator: "\n")
        do {
            let number = try await context.github.createPullRequest(context.repository, NewPullRequest(
                title: IssueBody.title(for: record.task), head: branch, base: base, body: body, draft: true
            )).number
            // A new pull request has no comments: the store knows them all, and the QC report comment needs no listing.
            try await context.store.markIssueCommentsRecorded(repository: context.repository.description, issue: number, at: context.now())
            return number
        } catch let error as GitHubError where error.status == 422 {
            // An earlier attempt opened it ("a pull request already exists"): reuse it.
            let open = try await context.github.listPullRequests(context.repository, state: "open", head: "\(context.repository.owner):\(branch)")
            guard let existing = open.first(where: { $0.head.ref == branch }) else { throw error }
            return existing.number
        }
    }
}
