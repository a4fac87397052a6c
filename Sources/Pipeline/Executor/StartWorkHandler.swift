import Foundation
import Git
import GitHub
import PFBotCore
import Storage

/// `pipeline.start-work`: for an accepted task, renders the category's templates (with the repository's
/// overrides from its default branch), commits them to `pf/<slug>` through libgit2, pushes, opens a draft pull
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
        let templates = try TemplateSet.builtIn(for: analysis.category)
            .overlaid(with: try await repositoryTemplates(handle, ref: defaultBranch, category: analysis.category))
        var files = try TemplateRenderer().render(templates, task: record.task, analysis: analysis)
        if try await git.branches(in: handle, prefix: branch).contains(where: { $0.name == branch }) {
            let present = Set(try await git.listTree(in: handle, ref: branch).map(\.path))
            files = files.filter { !present.contains($0.key) }
        }
        if !files.isEmpty {
            let author = GitSignature(name: context.configuration.git.authorName, email: context.configuration.git.authorEmail)
            let request = CommitRequest(
                base: defaultBranch, branch: branch, files: files.sorted { $0.key < $1.key }.map { GitFile(path: $0.key, contents: $0.value) },
                message: "Scaffold \(InertText.singleLine(record.task.title, limit: 60))", author: author,
                trailers: [CommitTrailer(key: "Post-Fiat-Task", value: id.rawValue)]
            )
            let result = try await git.commit(request, in: handle)
            if result.created { try await git.push(in: handle, branches: [branch], force: false, token: try await context.git.token()) }
        }
        let folder = TemplateRenderer.folder(for: record.task)
        let templateFiles = templates.files.keys.map { folder + "/" + $0 }
        let pull = try await ensurePullRequest(record, branch: branch, base: defaultBranch, files: templateFiles)
        let head = try await git.resolve(in: handle, ref: branch)
        try await context.jobs.enqueue(.qualityControl(QualityControlJob(task: id, head: head)))
        record = try await context.record(id)
        record.branch = branch
        record.pullNumber = pull
        try await context.store.saveTask(record, source: "executor")
        if record.task.state == .accepted {
            record = try await context.store.transition(id, to: .mirrored, source: "executor", note: branch, at: context.now())
        }
        try await mirror.sync(record)
        try await context.audit("pfbot", "work.started", id.rawValue, "\(branch) #\(pull)")
    }

    /// `.github/pfbot/templates/<category>/…` on the default branch, by path below that folder.
    private func repositoryTemplates(_ handle: MirrorHandle, ref: String, category: Category) async throws -> [String: String] {
        let prefix = ".github/pfbot/templates/\(category.rawValue)/"
        var overrides: [String: String] = [:]
        for entry in try await context.git.workspace.listTree(in: handle, ref: ref) where entry.path.hasPrefix(prefix) && entry.kind == .file {
            guard let data = try await context.git.workspace.readFile(in: handle, ref: ref, path: entry.path),
                  let text = String(data: data, encoding: .utf8) else { continue }
            overrides[String(entry.path.dropFirst(prefix.count))] = text
        }
        return overrides
    }

    /// The task's draft pull request, opened once. Its body lists the scaffolded files; its `Refs #N` puts it in the
    /// issue's timeline, which is how the issue learns that work started (no separate comment).
    private func ensurePullRequest(_ record: TaskRecord, branch: String, base: String, files: [String]) async throws -> Int {
        if let number = record.pullNumber { return number }
        let body = [
            "Work on Post Fiat task `\(record.task.id.rawValue)`. Refs #\(record.issueNumber.map(String.init) ?? "?").",
            "",
            "Templates: " + files.sorted().map { "`\($0)`" }.joined(separator: ", "),
            "",
            "Replace every `TODO(pf)`, tick `CHECKLIST.md`, and mark this pull request ready. Merging it submits the work to Post Fiat.",
            "The summary below this line is sent to the reviewer with the evidence.",
        ].joined(separator: "\n")
        do {
            return try await context.github.createPullRequest(context.repository, NewPullRequest(
                title: IssueBody.title(for: record.task), head: branch, base: base, body: body, draft: true
            )).number
        } catch let error as GitHubError where error.status == 422 {
            // An earlier attempt opened it ("a pull request already exists"): reuse it.
            let open = try await context.github.listPullRequests(context.repository, state: "open", head: "\(context.repository.owner):\(branch)")
            guard let existing = open.first(where: { $0.head.ref == branch }) else { throw error }
            return existing.number
        }
    }
}
