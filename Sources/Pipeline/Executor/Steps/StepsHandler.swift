import Foundation
import Git
import GitHub
import PFBotCore

/// `pipeline.steps`: runs a task's template-pack steps on a commit of its branch, inside GitHub Actions only (the
/// job is queued only where a ``StepHost`` exists). The steps run one after the other on the commit written out
/// to the runner's temporary folder, in this job or in the workflow's separate read-only steps job (then this job
/// plans them and leaves the check in progress, and the applying job runs this handler again with their results); the outputs of steps declared `commit: true` that succeeded and changed
/// something are committed through libgit2 to the branch, one commit with a `Pfbot-Step: <name>` trailer per step,
/// and pushed. Outputs equal to the branch's files commit nothing, so a re-run is idempotent. Every run is reported
/// on the check run "pfbot / steps": each step's status and log tail, failing lines as annotations.
struct StepsHandler: PipelineJobHandler {
    let kinds: Set<JobKind> = [.runSteps]
    let context: PipelineContext

    func handle(_ job: PipelineJob) async throws {
        guard case .runSteps(let request) = job else { throw MisroutedJob(kind: job.kind, handler: "StepsHandler") }
        guard let host = context.stepHost else {
            context.logger.warning("steps job without a step host; steps run only in pfbot action", metadata: ["task": "\(request.task.rawValue)"])
            return
        }
        if case .results(let results) = host.mode, !results.plans(.runSteps, of: request.task, head: request.head) {
            context.logger.info("steps of \(request.head) are left to the next workflow run: this job applies the steps job's results and has none for them")
            return
        }
        let record = try await context.record(request.task)
        guard record.task.state.isInFlight, let branch = record.branch else { return }
        let git = context.git.workspace
        let handle = try await context.git.freshMirror()
        let analysis = try await context.analyses.analysis(of: record)
        let pack = try await TaskPackResolver(context: context).resolve(record.task, analysis: analysis, handle: handle, ref: try await context.defaultBranch())
        let steps = pack.steps.filter { request.step == nil || $0.name == request.step }
        guard !steps.isEmpty else { return }
        let check = StepsCheckPublisher(context: context, task: request.task, head: request.head)
        let started = try await check.start(steps, resuming: request.checkRunID)
        let tree = try await git.listTree(in: handle, ref: request.head)
        var origin = request
        origin.checkRunID = started.checkRunID
        let planned = StepRequest(
            head: request.head, commands: steps.map { StepRequest.Command(name: $0.name, run: $0.run, timeoutSeconds: $0.timeoutSeconds) },
            collect: steps.filter(\.commit).flatMap(\.produces), collectPattern: nil, origin: .steps(origin))
        let hosted = try await host.perform(planned) {
            try await CommitExport.write(tree, of: request.head, handle: handle, git: git, below: host.scratch)
        }
        guard case .ran(let outcomes, let folder, let finish) = hosted else {
            try await check.waitForStepsJob(started, steps)
            try await context.audit("pfbot", "steps.planned", request.task.rawValue, request.head)
            return
        }
        defer { finish() }
        let runs = zip(steps, outcomes).map { StepsReport.Run(step: $0, outcome: $1) }
        var files: [String: Data] = [:]
        var committed: [String] = []
        for run in runs where run.step.commit && run.outcome.succeeded {
            var changed = false
            for (path, data) in StepOutputs.read(run.step.produces, in: folder) {
                guard try await git.readFile(in: handle, ref: request.head, path: path) != data else { continue }
                files[path] = data
                changed = true
            }
            if changed { committed.append(run.step.name) }
        }
        var report = StepsReport(runs: runs, tree: Set(tree.map(\.path)))
        if !files.isEmpty {
            if try await git.resolve(in: handle, ref: branch) == request.head {
                let author = GitSignature(name: context.configuration.git.authorName, email: context.configuration.git.authorEmail)
                let result = try await git.commit(CommitRequest(
                    base: request.head, branch: branch, files: files.sorted { $0.key < $1.key }.map { GitFile(path: $0.key, contents: $0.value) },
                    message: "Commit the output of \(committed.map { "`\($0)`" }.joined(separator: ", "))", author: author,
                    trailers: committed.map { CommitTrailer(key: StepsReport.trailerKey, value: $0) } + [CommitTrailer(key: "Post-Fiat-Task", value: record.task.id.rawValue)]
                ), in: handle)
                try await git.push(in: handle, branches: [branch], force: false, token: try await context.git.token())
                report.commit = result.sha
            } else {
                report.note = "The branch moved past `\(request.head.prefix(12))` while the steps ran; nothing was committed (the run for the newer commit commits its outputs)."
            }
        }
        try await check.finish(started, with: report)
        try await context.audit("pfbot", "steps.\(report.passed ? "passed" : "failed")", request.task.rawValue, report.commit ?? request.head)
    }
}
