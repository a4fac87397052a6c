import Foundation
import Git
import Storage

extension SubmissionEvidence {
    /// Where a task's `SUBMISSION.md` is: in the task's folder.
    static func path(for record: TaskRecord) -> String {
        TemplateRenderer.folder(for: record.task) + "/" + fileName
    }

    /// The evidence of a task's work at `commit` from the text of its `SUBMISSION.md` (`nil`: none) and the links
    /// GitHub shows for the pull request and, once `merged`, the submitted commit.
    static func of(_ record: TaskRecord, text: String?, pull: Int, commit: String, merged: Bool, context: PipelineContext) async throws -> SubmissionEvidence {
        let web = try await context.repositoryWebURL()
        return SubmissionEvidence(requirement: record.task.submissionRequirement?.type, text: text, pullNumber: pull,
                                  pullURL: "\(web)/pull/\(pull)", commitURL: merged ? "\(web)/commit/\(commit)" : nil)
    }

    /// The evidence of a task's work at `commit`, with the task folder's `SUBMISSION.md` read through git (a file
    /// larger than ``readLimit`` is not read).
    static func read(_ record: TaskRecord, pull: Int, commit: String, merged: Bool, handle: MirrorHandle, context: PipelineContext) async throws -> SubmissionEvidence {
        let path = path(for: record)
        let workspace = context.git.workspace
        let entry = try await workspace.listTree(in: handle, ref: commit).first { $0.path == path && $0.kind == .file }
        var text: String?
        if let entry, (entry.size ?? 0) <= readLimit, let data = try await workspace.readFile(in: handle, ref: commit, path: path) {
            text = String(decoding: data, as: UTF8.self)
        }
        return try await of(record, text: text, pull: pull, commit: commit, merged: merged, context: context)
    }
}
