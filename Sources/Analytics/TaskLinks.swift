import Foundation

/// Where a task's work is on GitHub's web pages: its issue, its pull request and the commit its merge made.
public struct TaskLinks: Sendable, Codable, Equatable {
    /// The issue's page, once the task has an issue.
    public var issue: String?
    /// The pull request's page, once the task has one.
    public var pullRequest: String?
    /// The merge commit's page, once the task's work was merged and submitted.
    public var mergeCommit: String?

    /// Creates the links from their addresses.
    public init(issue: String? = nil, pullRequest: String? = nil, mergeCommit: String? = nil) {
        self.issue = issue
        self.pullRequest = pullRequest
        self.mergeCommit = mergeCommit
    }

    /// The links of a task mirrored into `repository` on GitHub's web at `webURL`; a part that is unknown (or a
    /// repository or commit that is not a plain name or hash) has no link.
    /// - Parameters:
    ///   - webURL: GitHub's web address (`https://github.com`); `nil` makes no links.
    ///   - repository: `owner/name`.
    ///   - issue: the issue number.
    ///   - pull: the pull request number.
    ///   - commit: the merge commit's SHA.
    public init(webURL: URL?, repository: String?, issue: Int?, pull: Int?, commit: String?) {
        guard let webURL, let repository, Self.isRepositoryName(repository) else {
            self.init()
            return
        }
        let base = webURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/" + repository
        self.init(issue: issue.map { "\(base)/issues/\($0)" }, pullRequest: pull.map { "\(base)/pull/\($0)" },
                  mergeCommit: commit.flatMap { Self.isCommit($0) ? "\(base)/commit/\($0)" : nil })
    }

    static func isRepositoryName(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        }
    }

    static func isCommit(_ text: String) -> Bool {
        (7...64).contains(text.count) && text.allSatisfy(\.isHexDigit)
    }
}
