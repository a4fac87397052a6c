import Foundation
import GitHub
import PFBotCore

/// The "pfbot / steps" check of one commit: in progress while the steps run, then completed with their report.
public struct StepsCheckPublisher {
    /// The check run's name.
    public static let checkName = "pfbot / steps"

    let context: PipelineContext
    let task: TaskID
    let head: String

    /// Starts the check in progress, or takes over the one a planning job started (`resuming`, its id).
    func start(_ steps: [PackStep], resuming checkRunID: Int? = nil) async throws -> PublishedCheck {
        try await context.github.publishCheck(context.repository, CheckRunRequest(
            name: Self.checkName, headSha: head, status: .inProgress, externalId: task.rawValue, startedAt: context.now(),
            output: CheckRunOutput(title: "Steps are running", summary: "pfbot action runs \(steps.map { "`\($0.name)`" }.joined(separator: ", ")) on `\(head)`.")),
            resuming: checkRunID)
    }

    /// Leaves the check in progress, saying that the workflow's separate read-only steps job runs the steps.
    func waitForStepsJob(_ started: PublishedCheck, _ steps: [PackStep]) async throws {
        _ = try await context.github.completeCheck(context.repository, started, CheckRunRequest(
            name: Self.checkName, headSha: head, status: .inProgress, externalId: task.rawValue,
            output: CheckRunOutput(title: "Steps run in the steps job", summary: StepPlanNotice.steps(steps, head: head))))
    }

    func finish(_ started: PublishedCheck, with report: StepsReport) async throws {
        let annotations = report.annotations.map {
            CheckAnnotation(path: $0.path, startLine: $0.line, endLine: $0.line, level: $0.level.rawValue, message: $0.message)
        }
        _ = try await context.github.completeCheck(context.repository, started, CheckRunRequest(
            name: Self.checkName, headSha: head, status: .completed, conclusion: report.passed ? .success : .failure, externalId: task.rawValue,
            completedAt: context.now(), output: CheckRunOutput(title: report.title, summary: report.markdown(), annotations: annotations)))
    }
}
