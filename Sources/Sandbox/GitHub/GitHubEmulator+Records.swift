import Foundation
import JSON

extension GitHubEmulator {
    /// Every issue and pull request of a repository as the emulator holds it (no read-after-write lag), by number.
    public func issueRecords(owner: String, repo: String) async -> [EmulatorIssueRecord] {
        await state.issueRecords(key: "\(owner)/\(repo)")
    }

    /// Every issue comment of a repository, oldest first.
    public func commentRecords(owner: String, repo: String) async -> [EmulatorCommentRecord] {
        await state.commentRecords(key: "\(owner)/\(repo)")
    }

    /// Every pull request of a repository, by number.
    public func pullRecords(owner: String, repo: String) async -> [EmulatorPullRecord] {
        await state.pullRecords(key: "\(owner)/\(repo)")
    }

    /// Every check run of a repository, oldest first.
    public func checkRunRecords(owner: String, repo: String) async -> [EmulatorCheckRunRecord] {
        await state.checkRunRecords(key: "\(owner)/\(repo)")
    }

    /// Merges a pull request as `user`, as the merge button does (sends `pull_request` `closed` and `push`); returns
    /// the merge commit. With `sha`, refuses (409) when the head moved.
    /// - Throws: `GitHubEmulatorError.rejected` with GitHub's answer when refused.
    @discardableResult
    public func merge(as user: String, owner: String, repo: String, pull: Int, sha: String? = nil) async throws -> String {
        let response = await state.act(as: user, key: "\(owner)/\(repo)", method: "PUT", rest: ["pulls", String(pull), "merge"],
                                       body: ["merge_method": "merge", "sha": .optional(sha)])
        let json = JSONValue.decode(response.body) ?? .null
        guard (200..<300).contains(response.status) else {
            throw GitHubEmulatorError.rejected(status: response.status, message: json["message"]?.stringValue ?? "")
        }
        return json["sha"]?.stringValue ?? ""
    }
}

extension GitHubEmulatorState {
    func issueRecords(key: String) -> [EmulatorIssueRecord] {
        guard let repo = repositories[key] else { return [] }
        return repo.issues.values.sorted { $0.number < $1.number }.map {
            EmulatorIssueRecord(number: $0.number, title: $0.title, body: $0.body ?? "", state: $0.state, author: $0.author.login, isPull: $0.isPull)
        }
    }

    func commentRecords(key: String) -> [EmulatorCommentRecord] {
        guard let repo = repositories[key] else { return [] }
        return repo.comments.values.sorted { $0.id < $1.id }.map {
            EmulatorCommentRecord(id: $0.id, issue: $0.issueNumber, author: $0.author.login, body: $0.body)
        }
    }

    func pullRecords(key: String) -> [EmulatorPullRecord] {
        guard let repo = repositories[key] else { return [] }
        return repo.pulls.values.sorted { $0.number < $1.number }.map {
            EmulatorPullRecord(number: $0.number, head: $0.head, headSHA: $0.headSHA, draft: $0.draft, merged: $0.merged)
        }
    }

    func checkRunRecords(key: String) -> [EmulatorCheckRunRecord] {
        guard let repo = repositories[key] else { return [] }
        return repo.checkRuns.values.sorted { $0.id < $1.id }.map {
            EmulatorCheckRunRecord(id: $0.id, name: $0.name, headSHA: $0.headSHA, status: $0.status, conclusion: $0.conclusion)
        }
    }
}
