import Foundation
import GitHub
import PFBotCore

/// The "pfbot / QC" check of one task's head, as GitHub users expect it: created `in_progress` when QC starts, then
/// completed with the verdict. It carries the task id as `external_id` and, when `server.public_url` is set, the
/// task's dashboard page as `details_url`. A token that cannot write check runs gets commit statuses instead
/// (`pending`, then the verdict's state).
struct QualityCheckPublisher {
    let context: PipelineContext
    let task: TaskID
    let head: String

    /// The task's page on pfbot's dashboard, when the server's public address is configured.
    var detailsURL: String? {
        context.configuration.server.publicURL.map { Self.taskPage(base: $0, task: task) }
    }

    /// `<public URL>/dashboard/tasks/<id>`, the page `pfbot serve` serves for a task.
    static func taskPage(base: URL, task: TaskID) -> String {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text + "/dashboard/tasks/" + (task.rawValue.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? task.rawValue)
    }

    /// Creates the check `in_progress`.
    /// Starts the check in progress, or takes over the one a planning job started (`resuming`, its id).
    func start(resuming checkRunID: Int? = nil) async throws -> PublishedCheck {
        try await context.github.publishCheck(context.repository, CheckRunRequest(
            name: QualityControl.checkName, headSha: head, status: .inProgress, externalId: task.rawValue, detailsUrl: detailsURL,
            startedAt: context.now(), output: CheckRunOutput(title: "QC is running", summary: "pfbot is checking `\(head)`.")),
            resuming: checkRunID)
    }

    /// Leaves the check in progress while the `tests` rule's command runs in the workflow's separate steps job.
    func waitForTests(_ started: PublishedCheck, command: String) async throws {
        _ = try await context.github.completeCheck(context.repository, started, CheckRunRequest(
            name: QualityControl.checkName, headSha: head, status: .inProgress, externalId: task.rawValue, detailsUrl: detailsURL,
            output: CheckRunOutput(title: "QC waits for the tests", summary: StepPlanNotice.tests(command, head: head))))
    }

    /// Completes the check with the report: its conclusion, summary and annotations on the lines at fault.
    func finish(_ started: PublishedCheck, with report: QCReport) async throws {
        let annotations = report.annotations.map {
            CheckAnnotation(path: $0.path, startLine: $0.line, endLine: $0.line, level: $0.level.rawValue, message: $0.message)
        }
        _ = try await context.github.completeCheck(context.repository, started, CheckRunRequest(
            name: QualityControl.checkName, headSha: head, status: .completed, conclusion: report.passed ? .success : .failure,
            externalId: task.rawValue, detailsUrl: detailsURL, completedAt: context.now(),
            output: CheckRunOutput(title: report.title, summary: report.markdown(), annotations: annotations)))
    }

    /// Completes the check as `cancelled` when QC could not run; the job runs again (a new check). The error's text
    /// stays in pfbot's job record and log: it may name local paths, and the check is public.
    func abandon(_ started: PublishedCheck) async throws {
        _ = try await context.github.completeCheck(context.repository, started, CheckRunRequest(
            name: QualityControl.checkName, headSha: head, status: .completed, conclusion: .cancelled,
            externalId: task.rawValue, detailsUrl: detailsURL, completedAt: context.now(),
            output: CheckRunOutput(title: "QC could not run", summary: "pfbot could not finish QC of `\(head)` (a git, GitHub or store error; "
                                   + "pfbot's log names it). pfbot tries again; Re-run asks for another run.")))
    }
}
