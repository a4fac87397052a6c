import Foundation
import Git
import Storage

extension SubmissionEvidence {
    /// The evidence of a task's work at `commit`: the task folder's `SUBMISSION.md` read through git (a file larger
    /// than ``readLimit`` is not read) and the links GitHub shows for the pull request and, once `merged`, the
    /// merge commit.
    static func read(_ record: TaskRecord, pull: Int, commit: String, merged: Bool, handle: MirrorHandle, context: PipelineContext) async throws -> SubmissionEvidence {
        let web = try await context.repositoryWebURL()
        let path = TemplateRenderer.folder(for: record.task) + "/" + fileName
        let workspace = context.git.workspace
        let entry = try await workspace.listTree(in: handle, ref: commit).first { $0.path == path && $0.kind == .file }
        var text: String?
        if let entry, (entry.size ?? 0) <= readLimit, let data = try await workspace.readFile(in: handle, ref: commit, path: path) {
            text = String(decoding: data, as: UTF8.self)
        }
        return SubmissionEvidence(requirement: record.task.submissionRequirement?.type, text: text, pullNumber: pull,
                                  pullURL: "\(web)/pull/\(pull)", commitURL: merged ? "\(web)/commit/\(commit)" : nil)
    }
}
