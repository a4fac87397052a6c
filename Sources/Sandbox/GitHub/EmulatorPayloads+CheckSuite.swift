import Foundation
import JSON

extension EmulatorPayloads {
    /// The `check_suite` object of a `check_suite` webhook: the suite a check run's payload names, with the fields
    /// GitHub adds there (`latest_check_runs_count`, `check_runs_url`, `head_commit`, the head branch).
    /// - Parameters:
    ///   - run: the suite's one check run (the emulator keeps one suite per run).
    ///   - runJSON: the run as its `check_run` payload shows it; the suite's own fields come from its `check_suite`.
    ///   - headBranch: the branch of a pull request whose head is the run's commit, if any.
    ///   - commit: what the emulator knows of the head commit (pushed through it), if anything.
    func checkSuite(_ run: EmulatedCheckRun, runJSON: JSONValue, headBranch: String?, commit: EmulatedCommit?, repo: EmulatedRepository) -> JSONValue {
        var suite = runJSON["check_suite"]?.objectValue ?? [:]
        let url = "\(apiBase)/repos/\(repo.fullName)/check-suites/\(run.id)"
        suite["head_branch"] = .optional(headBranch)
        suite["latest_check_runs_count"] = .int(1)
        suite["check_runs_url"] = .string("\(url)/check-runs")
        suite["rerequestable"] = .bool(true)
        suite["runs_rerequestable"] = .bool(true)
        let author = commit?.author ?? repo.owner
        let person: JSONValue = ["name": .string(author.login), "email": .string("\(author.login)@users.noreply.github.com")]
        suite["head_commit"] = [
            "id": .string(run.headSHA), "tree_id": .string(run.headSHA), "message": .string(commit?.message ?? ""),
            "timestamp": Self.date(commit?.at ?? run.startedAt), "author": person, "committer": person,
        ]
        return .object(suite)
    }
}
