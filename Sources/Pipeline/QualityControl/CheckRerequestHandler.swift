import Foundation
import GitHub
import PFBotCore
import Storage

/// GitHub's "Re-run" on the "pfbot / QC" check run (`check_run` `rerequested`) and "Re-run all checks" on its suite
/// (`check_suite` `rerequested`): QC runs again on that head, judged afresh rather than read from the recorded
/// verdict, as `/pf qc` does.
struct CheckRerequestHandler {
    let context: PipelineContext

    /// Re-runs QC for a rerequested "pfbot / QC" run; other checks' runs are not pfbot's to re-run.
    func handle(_ event: CheckRunEvent) async throws {
        let run = event.checkRun
        guard run.name == QualityControl.checkName, let record = try await task(externalID: run.externalId, branch: run.checkSuite?.headBranch) else { return }
        try await rerun(record, head: run.headSha, by: event.sender.login)
    }

    /// Re-runs QC for a rerequested suite on a task branch.
    func handle(_ event: CheckSuiteEvent) async throws {
        guard let record = try await task(externalID: nil, branch: event.checkSuite.headBranch) else { return }
        try await rerun(record, head: event.checkSuite.headSha, by: event.sender.login)
    }

    private func task(externalID: String?, branch: String?) async throws -> TaskRecord? {
        try await Self.task(in: context.store, repository: context.repository.description, branchPrefix: context.configuration.git.branchPrefix,
                            externalID: externalID, branch: branch)
    }

    /// The task a check names: by its `external_id` (the task id pfbot sets), else by the suite's task branch.
    /// - Parameters:
    ///   - store: where tasks are looked up.
    ///   - repository: the repository tasks are mirrored into (`owner/name`); a task of another one is not this check's.
    ///   - branchPrefix: the prefix of task branches.
    ///   - externalID: the check run's `external_id`.
    ///   - branch: the suite's head branch.
    static func task(in store: any Store, repository: String, branchPrefix: String, externalID: String?, branch: String?) async throws -> TaskRecord? {
        if let externalID, let id = try? TaskID(externalID), let record = try await store.task(id),
           record.repository?.lowercased() == repository.lowercased() {
            return record
        }
        guard let branch, branch.hasPrefix(branchPrefix) else { return nil }
        return try await store.task(repository: repository, branch: branch)
    }

    private func rerun(_ record: TaskRecord, head: String, by login: String) async throws {
        try await context.jobs.enqueue(.qualityControl(QualityControlJob(task: record.task.id, head: head, requested: true)))
        try await context.audit(login, "qc.rerequested", record.task.id.rawValue, head)
    }
}
