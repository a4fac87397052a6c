import Foundation
import GitHub
import PFBotCore
import PostFiat
import Storage

/// Builds the evidence sent to the Task Node: the link the task asks for (a commit link for `github_commit`,
/// else the pull request), with notes summarising the work; for `text` tasks, the summary itself as well.
struct EvidenceBuilder {
    let context: PipelineContext

    func evidence(for record: TaskRecord, pull: PullRequest, commit: String) async throws -> [Evidence] {
        let pullURL = pull.htmlUrl ?? "https://github.com/\(context.repository)/pull/\(pull.number)"
        let repositoryURL = pullURL.components(separatedBy: "/pull/").first ?? "https://github.com/\(context.repository)"
        let files = try await context.github.listFiles(context.repository, pull: pull.number).map(\.filename)
        let summary = InertText.clean(pull.body ?? "", limit: 4000).trimmingCharacters(in: .whitespacesAndNewlines)
        var notes = "Pull request #\(pull.number): \(InertText.singleLine(pull.title, limit: 200))\nCommit \(commit)"
        if !summary.isEmpty { notes += "\n\n" + summary }
        if !files.isEmpty { notes += "\n\nFiles: " + files.prefix(50).joined(separator: ", ") }
        notes = String(notes.prefix(Evidence.maximumNotesLength))
        switch record.task.submissionRequirement?.type {
        case .githubCommit:
            return [try Evidence(type: .githubCommit, value: "\(repositoryURL)/commit/\(commit)", notes: notes)]
        case .text where !summary.isEmpty:
            return [try Evidence(type: .text, value: summary), try Evidence(type: .url, value: pullURL, notes: notes)]
        default:
            return [try Evidence(type: .url, value: pullURL, notes: notes)]
        }
    }
}
