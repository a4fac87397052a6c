import Foundation
import GitHub
import PFBotConfig
import PFBotCore

/// The `pfbot / config` check: a push that changes `.github/pfbot.yml` gets its file validated at the pushed commit,
/// with each problem as an annotation on its line (the messages of `pfbot config validate`).
struct RepositoryConfigCheck {
    /// The check run's name.
    static let name = "pfbot / config"

    let context: PipelineContext

    /// Whether a push changed the file (by the paths its commits list; a list of 20 or more may be cut short by
    /// GitHub, so such a push is taken as changing it).
    static func touchesConfig(_ push: PushEvent) -> Bool {
        let commits = push.commits ?? []
        return commits.count >= 20 || commits.contains { commit in
            [commit.added, commit.modified, commit.removed].contains { $0?.contains(RepositorySettingsSource.path) == true }
        }
    }

    /// Validates the file at `commit` and publishes the check on it.
    func check(commit: String) async throws {
        let path = RepositorySettingsSource.path
        let file = try await context.github.repositoryFile(context.repository, path: path, ref: commit)
        let output: CheckRunOutput
        let conclusion: CheckRunConclusion
        if let file {
            let text = String(decoding: file.content, as: UTF8.self)
            switch RepositorySettingsSource.parse(text, defaults: context.configuration.repository) {
            case .success:
                conclusion = .success
                output = CheckRunOutput(title: "\(path) is valid",
                                        summary: "Merged into the default branch, these settings take effect on the next event pfbot handles.")
            case .failure(let error):
                conclusion = .failure
                let count = error.problems.count
                output = CheckRunOutput(
                    title: "\(count) problem\(count == 1 ? "" : "s") in \(path)",
                    summary: "Until the file on the default branch validates, pfbot keeps the last good file in force.\n\n"
                        + error.problems.map { "- " + IssueBody.escapeInline($0.description) }.joined(separator: "\n"),
                    annotations: error.problems.prefix(50).map { problem in
                        let line = Self.line(of: problem)
                        return CheckAnnotation(path: path, startLine: line, endLine: line, level: "failure", message: problem.message,
                                               title: problem.keyPath)
                    })
            }
        } else {
            conclusion = .success
            output = CheckRunOutput(title: "No \(path)", summary: "Without the file, the `repository:` settings of the bot's pfbot.yml apply.")
        }
        _ = try await context.github.publishCheck(context.repository, CheckRunRequest(
            name: Self.name, headSha: commit, status: .completed, conclusion: conclusion, completedAt: context.now(), output: output))
    }

    /// The line a problem names in its origin (`.github/pfbot.yml:12`), else the first line.
    static func line(of problem: ConfigProblem) -> Int {
        guard let origin = problem.origin, let last = origin.split(separator: ":").last, let line = Int(last), line > 0 else { return 1 }
        return line
    }
}
